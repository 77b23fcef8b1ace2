import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

/// A webhook receiver on a local port: records every request and answers with the status it is told.
final class Receiver: @unchecked Sendable {
    struct Hit: Sendable { let headers: HTTPHeaders; let body: String }
    private let lock = NSLock()
    private var hits: [Hit] = []
    private var status: HTTPResponseStatus = .ok
    private var retryAfter: String?
    let app: Application
    private(set) var port = 0

    init() async throws {
        app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        app.post("hook") { [unowned self] req async -> Response in
            let body = req.body.string ?? ""
            let (status, retry) = self.lock.withLock { () -> (HTTPResponseStatus, String?) in
                self.hits.append(Hit(headers: req.headers, body: body))
                return (self.status, self.retryAfter)
            }
            let response = Response(status: status)
            if let retry { response.headers.replaceOrAdd(name: "Retry-After", value: retry) }
            return response
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        port = app.http.server.shared.localAddress?.port ?? 0
    }

    var url: String { "http://127.0.0.1:\(port)/hook" }
    var received: [Hit] { lock.withLock { hits } }
    func answer(_ status: HTTPResponseStatus, retryAfter: String? = nil) { lock.withLock { self.status = status; self.retryAfter = retryAfter } }

    func stop() async {
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }
}

@Suite("Webhooks")
struct WebhookTests {
    @Test("The signature is the specification's: its published example")
    func specificationVector() {
        let signature = WebhookSignerProbe.sign(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                                timestamp: 1_614_265_330, body: "{\"test\": 2432232314}")
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("An endpoint that is not http(s), reaches a private address without an admin's leave, or is allowed by a head, is refused naming the field", arguments: [Backend.sqlite])
    func refusals(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            let ftp = try await app.call(.POST, "/api/v1/webhooks", as: "head", json: ["url": "ftp://example.com/hook"])
            let local = try await app.call(.POST, "/api/v1/webhooks", as: "head", json: ["url": "http://127.0.0.1:9/hook"])
            let metadata = try await app.call(.POST, "/api/v1/webhooks", as: "admin", json: ["url": "http://169.254.169.254/latest"])
            let headAllows = try await app.call(.POST, "/api/v1/webhooks", as: "head", json: ["url": "http://127.0.0.1:9/hook", "allow_private": true])
            let badEvent = try await app.call(.POST, "/api/v1/webhooks", as: "admin", json: ["url": "http://127.0.0.1:9/hook", "allow_private": true,
                                                                                              "events": ["deal.exploded"]])
            let rep = try await app.call(.POST, "/api/v1/webhooks", as: "rep1", json: ["url": "https://example.com/hook"])
            #expect(ftp.status == .unprocessableEntity && ftp.errorFields == ["url"])
            #expect(local.status == .unprocessableEntity && local.errorFields == ["url"])
            #expect(metadata.status == .unprocessableEntity && metadata.errorFields == ["url"])
            #expect(headAllows.status == .unprocessableEntity && headAllows.errorFields == ["allow_private"])
            #expect(badEvent.status == .unprocessableEntity && badEvent.errorFields == ["events[0]"])
            #expect(rep.status == .forbidden)
            #expect(try await app.call(.GET, "/api/v1/webhooks", as: "admin").items.isEmpty, "nothing was stored")
        }
    }

    @Test("A deal created reaches the receiver signed as the specification says; a failing receiver gets the retries on the schedule; 410 switches the endpoint off and tells its owner", arguments: TestDatabase.backends)
    func endToEnd(backend: Backend) async throws {
        let receiver = try await Receiver()
        let time = WebStalledTests.MovingTime(TestApp.today)
        let app = try await TestApp.make(backend, clock: Clock { time.now })
        do {
            // setup
            let made = try await app.call(.POST, "/api/v1/webhooks", as: "admin", json: [
                "url": .string(receiver.url), "allow_private": true, "events": ["deal.created", "deal.moved", "deal.won"],
            ])
            let secret = try #require(made.string("secret"))
            let endpoint = try made.requireID()
            let company = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": "Теплоэнерго"]).requireID()
            // action 1: a deal created
            let deal = try await app.call(.POST, "/api/v1/deals", as: "rep1", json: ["company_id": .id(company), "title": "Котёл", "amount": 1000]).requireID()
            try await app.services.webhooks.runOnce()
            // check 1: one signed request
            let first = try #require(receiver.received.first)
            let id = try #require(first.headers.first(name: "webhook-id"))
            let timestamp = try #require(first.headers.first(name: "webhook-timestamp").flatMap(Int.init))
            let expected = WebhookSignerProbe.sign(secret: secret, id: id, timestamp: timestamp, body: first.body)
            #expect(receiver.received.count == 1)
            #expect(first.headers.first(name: "webhook-signature") == expected)
            #expect(timestamp == Int(TestApp.today.timeIntervalSince1970))
            guard case .object(let body)? = JSONValue.parse(first.body), case .object(let data)? = body["data"] else { Issue.record("not JSON"); return }
            #expect(body["type"] == .string("deal.created") && data["id"] == .id(deal) && data["title"] == .string("Котёл"))

            // action 2: the receiver fails; the deal is lost (deal.moved is sent; deal.lost is not subscribed)
            receiver.answer(.internalServerError)
            let stages = try await app.services.store.all(.stage).map(Stage.init(record:)).filter { $0.pipelineID == 2 }.sorted { $0.position < $1.position }
            let lost = try #require(stages.first { $0.kind == .lost })
            let moved = try await app.call(.POST, "/api/v1/deals/\(deal)/move", as: "rep1", json: ["stage_id": .id(lost.id), "lost_reason": "Цена"])
            try #require(moved.status == .ok, "\(moved.text)")
            try await app.services.webhooks.runOnce()
            let log1 = try await app.call(.GET, "/api/v1/webhooks/\(endpoint)/deliveries", as: "admin")
            time.set(TestApp.today.addingTimeInterval(4))
            try await app.services.webhooks.runOnce()
            let notYet = receiver.received.count
            time.set(TestApp.today.addingTimeInterval(6))
            try await app.services.webhooks.runOnce()
            let retried = receiver.received.count
            receiver.answer(.ok)
            time.set(TestApp.today.addingTimeInterval(6 + 331))
            try await app.services.webhooks.runOnce()
            let log2 = try await app.call(.GET, "/api/v1/webhooks/\(endpoint)/deliveries", as: "admin")
            // check 2
            #expect(log1.items.first.flatMap { if case .object(let o) = $0 { o["last_status"] } else { nil } } == .number(500))
            #expect(notYet == 2 && retried == 3, "tried again after 5 s (with jitter), not before")
            #expect(receiver.received.count == 4)
            #expect(log2.items.first.flatMap { if case .object(let o) = $0 { o["state"] } else { nil } } == .string("delivered"))
            #expect(Set(receiver.received.compactMap { $0.headers.first(name: "webhook-id") }).count == 2, "retries keep the message id")

            // action 3: 410 Gone
            receiver.answer(.gone)
            _ = try await app.call(.POST, "/api/v1/deals", as: "rep1", json: ["company_id": .id(company), "title": "Второй котёл", "amount": 1000])
            try await app.services.webhooks.runOnce()
            let switched = try await app.call(.GET, "/api/v1/webhooks/\(endpoint)", as: "admin")
            let told = try await app.call(.GET, "/api/v1/nudges?rule=webhook_failing", as: "admin")
            _ = try await app.call(.POST, "/api/v1/deals", as: "rep1", json: ["company_id": .id(company), "title": "Третий котёл", "amount": 1000])
            try await app.services.webhooks.runOnce()
            // check 3
            #expect(switched["enabled"] == .bool(false) && switched["disabled_reason"] == .string("410 Gone"))
            #expect(told.items.count == 1)
            #expect(receiver.received.count == 5, "nothing is sent to a switched-off endpoint")
        } catch {
            await app.shutdown()
            await receiver.stop()
            throw error
        }
        await app.shutdown()
        await receiver.stop()
    }
}

@Suite("Webhooks on several servers")
struct WebhookServersTests {
    @Test("Two servers on one PostgreSQL send every event exactly once", arguments: [Backend.postgres])
    func exactlyOnce(backend: Backend) async throws {
        guard TestDatabase.backends.contains(backend) else { return }
        let receiver = try await Receiver()
        let app = try await TestApp.make(backend)
        do {
            // setup: a second server's store and dispatcher on the same database; 30 deals written
            let other = try await SQLStore.open(app.services.configuration.store)
            let second = WebhookDispatcher(store: other, clock: .fixed(TestApp.today))
            _ = try await app.call(.POST, "/api/v1/webhooks", as: "admin", json: ["url": .string(receiver.url), "allow_private": true,
                                                                              "events": ["deal.created"]])
            let company = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": "Два сервера"]).requireID()
            var deals: [Int64] = []
            for i in 0..<30 {
                deals.append(try await app.call(.POST, "/api/v1/deals", as: "rep1", json: ["company_id": .id(company), "title": .string("Сделка \(i)")]).requireID())
            }
            // action: both dispatch at the same moments, three turns each
            for _ in 0..<3 {
                async let a = app.services.webhooks.runOnce()
                async let b = second.runOnce()
                _ = try await (a, b)
            }
            await second.stop()
            await other.shutdown()
            // check
            let ids = receiver.received.compactMap { hit -> Int64? in
                guard case .object(let body)? = JSONValue.parse(hit.body), case .object(let data)? = body["data"], case .number(let n)? = data["id"] else { return nil }
                return Int64(n)
            }
            #expect(ids.sorted() == deals.sorted(), "each deal's event once: \(ids.count) requests for \(deals.count) deals")
        } catch {
            await app.shutdown()
            await receiver.stop()
            throw error
        }
        await app.shutdown()
        await receiver.stop()
    }
}

/// The signer as the tests use it.
enum WebhookSignerProbe {
    static func sign(secret: String, id: String, timestamp: Int, body: String) -> String? {
        guard let key = Data(base64Encoded: String(secret.dropFirst(6))) else { return nil }
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).\(body)".utf8), using: SymmetricKey(data: key))
        return "v1," + Data(mac).base64EncodedString()
    }
}
