// The webhook benchmark: a fresh SQLite database, a local receiver (Vapor, on 127.0.0.1), one endpoint, N deals
// written; then times the dispatcher sending every deal.created event (fan-out from the journal, claim, sign, POST,
// record) against the reference: the same number of POSTs of the same bodies sent straight with AsyncHTTPClient,
// 16 at a time (the ceiling of the receiver and the HTTP client here). Prints one JSON object.
//
// Usage: voronka-webhook-bench [--deals N] [--runs R]
import AsyncHTTPClient
import Foundation
import NIOCore
import Vapor
import VoronkaCore
import VoronkaServer
import VoronkaStore

@main
enum WebhookBench {
    static func main() async throws {
        var args = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
            defer { args.removeSubrange(i...(i + 1)) }
            return args[i + 1]
        }
        let deals = Int(option("--deals") ?? "2000") ?? 2000
        let runs = Int(option("--runs") ?? "3") ?? 3

        // The receiver: answers 200 to every POST and counts them.
        let receiver = try await Application.make(.production)
        receiver.logger.logLevel = .error
        let counter = Counter()
        receiver.post("hook") { _ async -> HTTPStatus in counter.add(); return .ok }
        try await receiver.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = receiver.http.server.shared.localAddress?.port ?? 0
        let url = "http://127.0.0.1:\(port)/hook"

        var voronka: [Double] = [], direct: [Double] = []
        for _ in 0..<runs {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voronka-webhook-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            var configuration = Configuration(store: .sqlite(path: dir.appendingPathComponent("voronka.sqlite").path), passwordCost: 4)
            configuration.nudgeIntervalSeconds = nil
            configuration.webhookIntervalSeconds = nil
            let (app, services) = try await buildApplication(configuration, environment: .testing)
            _ = try await services.store.write(actor: nil) { tx in
                try await tx.insertWebhookEndpoint(url: url, secret: "whsec_" + Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString(),
                                                   events: [.dealCreated], description: "bench", allowPrivate: true, ownerID: nil)
            }
            let company = try await services.records.create(.company, ["name": "Bench Co"], viewer: .system)
            for i in 0..<deals {
                _ = try await services.records.create(.deal, ["company_id": .number(Double(company.int("id") ?? 0)), "title": .string("Deal \(i)"),
                                                              "amount": 1000], viewer: .system)
            }
            counter.reset()
            let t = Date()
            var sent = 0
            while sent < deals {
                let n = try await services.webhooks.runOnce()
                if n == 0 { break }
                sent += n
            }
            voronka.append(Date().timeIntervalSince(t))
            let delivered = try await services.store.read { try await $0.webhookDeliveryCount(state: .delivered) }
            guard delivered == deals, counter.value == deals else {
                FileHandle.standardError.write(Data("delivered \(delivered), received \(counter.value) of \(deals)\n".utf8))
                exit(1)
            }
            // The reference: the same bodies POSTed straight, 16 at a time.
            let bodies = try await services.store.read { try await $0.webhookDeliveries(endpointID: 1, limit: deals) }.map(\.payload)
            try await app.asyncShutdown()
            try? FileManager.default.removeItem(at: dir)
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            counter.reset()
            let d = Date()
            try await withThrowingTaskGroup(of: Void.self) { group in
                var next = 0
                func add() {
                    let body = bodies[next]
                    next += 1
                    group.addTask {
                        var request = HTTPClientRequest(url: url)
                        request.method = .POST
                        request.headers.add(name: "content-type", value: "application/json")
                        request.body = .bytes(ByteBuffer(string: body))
                        let response = try await client.execute(request, timeout: .seconds(15))
                        _ = try await response.body.collect(upTo: 4096)
                    }
                }
                for _ in 0..<min(16, bodies.count) { add() }
                while try await group.next() != nil { if next < bodies.count { add() } }
            }
            direct.append(Date().timeIntervalSince(d))
            try await client.shutdown()
        }
        await receiver.server.shutdown()
        try await receiver.asyncShutdown()
        voronka.sort()
        direct.sort()
        let v = voronka[voronka.count / 2], r = direct[direct.count / 2]
        let result: [String: Any] = [
            "deals": deals, "runs": runs,
            "voronka_median_s": (v * 1000).rounded() / 1000, "voronka_deliveries_per_s": (Double(deals) / v).rounded(),
            "reference_direct_median_s": (r * 1000).rounded() / 1000, "reference_posts_per_s": (Double(deals) / r).rounded(),
            "ratio_voronka_to_reference": ((v / r) * 100).rounded() / 100,
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    func reset() { lock.withLock { n = 0 } }
    var value: Int { lock.withLock { n } }
}
