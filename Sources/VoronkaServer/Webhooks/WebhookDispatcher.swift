import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import VoronkaCore
import VoronkaStore

/// Sends webhook events: turns the journal written since the last turn into one delivery per event and subscribed
/// endpoint (the journal is the outbox, written in each change's transaction, so a crash loses nothing), then sends
/// the deliveries that are due, signed, retrying on the schedule. Several servers on one PostgreSQL share the work:
/// the journal position is a locked row, and a delivery is taken for one attempt by one server (SKIP LOCKED).
public actor WebhookDispatcher {
    private let store: SQLStore
    private let clock: Clock
    private let logger = Logger(label: "voronka.webhooks")
    private let client: HTTPClient
    private var loop: Task<Void, Never>?
    /// Seconds a request may take before it counts as failed.
    static let timeout: Int64 = 15
    /// Deliveries sent at once.
    static let parallel = 16
    /// An endpoint failing for this long is switched off.
    static let failingLimit: Double = 86_400

    public init(store: SQLStore, clock: Clock) {
        self.store = store
        self.clock = clock
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(Self.timeout), read: .seconds(Self.timeout)))
        configuration.connectionPool = .init(idleTimeout: .seconds(30))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Fans out and sends until nothing is due, then waits `interval` seconds, until stopped.
    public func start(every interval: Double = 1) {
        guard loop == nil else { return }
        loop = Task { [weak self] in
            while !Task.isCancelled {
                do { _ = try await self?.runOnce() } catch { await self?.log(error) }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
            }
        }
    }

    public func stop() async {
        loop?.cancel()
        loop = nil
        try? await client.shutdown()
    }

    private func log(_ error: any Error) { logger.warning("Webhook dispatch failed (tried again in a second): \(error)") }

    /// One turn: fan out the new journal entries, then send what is due, batch after batch. Returns deliveries attempted.
    @discardableResult
    public func runOnce() async throws -> Int {
        try await fanOut()
        var sent = 0
        while true {
            let batch = try await store.write(actor: nil, origin: "webhooks", at: clock.now()) { tx in
                try await tx.claimWebhookDeliveries(limit: Self.parallel, lease: Double(Self.timeout) * 2 + 30)
            }
            if batch.isEmpty { return sent }
            let endpoints = Dictionary(try await store.read { try await $0.webhookEndpoints() }.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            // Each endpoint's address is resolved once a batch (it may have changed since it was checked: DNS rebinding).
            var refusals: [Int64: String] = [:]
            for id in Set(batch.map(\.endpointID)) {
                if let e = endpoints[id], !e.allowPrivate, let refusal = HostAddresses.refusal(e.url) { refusals[id] = refusal }
            }
            let refused = refusals
            let outcomes = await withTaskGroup(of: Outcome.self) { group in
                for delivery in batch {
                    group.addTask { await self.attempt(delivery, endpoints[delivery.endpointID], refusal: refused[delivery.endpointID]) }
                }
                var all: [Outcome] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            await record(outcomes)
            sent += batch.count
        }
    }

    /// Turns the journal entries after the cursor into deliveries, 2,000 entries a transaction.
    func fanOut() async throws {
        while true {
            let more = try await store.write(actor: nil, origin: "webhooks", at: clock.now()) { tx -> Bool in
                let from = try await tx.lockWebhookCursor()
                let endpoints = try await tx.webhookEndpoints().filter(\.enabled)
                guard !endpoints.isEmpty else {
                    // Nobody listens: skip ahead without reading the journal.
                    let last = try await tx.journalEnd()
                    if last > from { try await tx.setWebhookCursor(last) }
                    return false
                }
                let entries = try await tx.journalEntries(after: from, limit: 2000)
                guard let last = entries.last?.seq else { return false }
                let stageKinds = Dictionary(try await tx.all(.stage).map(Stage.init(record:)).map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
                var rows: [(endpointID: Int64, event: WebhookEvent, payload: String)] = []
                for entry in entries {
                    for event in WebhookEvents.from(entry, stageKind: { stageKinds[$0] }) {
                        let payload = event.payload.jsonText
                        for endpoint in endpoints where endpoint.wants(event.type) { rows.append((endpoint.id, event, payload)) }
                    }
                }
                try await tx.insertWebhookDeliveries(rows)
                try await tx.setWebhookCursor(last)
                return entries.count == 2000
            }
            if !more { return }
        }
    }

    /// How one attempt went, to be recorded with the others of its batch in one transaction.
    struct Outcome: Sendable {
        let delivery: WebhookDelivery
        let endpoint: WebhookEndpoint?
        let state: WebhookDelivery.State
        let status: Int?
        let error: String?
        var retryAfter: Double? = nil
        var gone = false
    }

    /// Sends one delivery; says how it went.
    func attempt(_ delivery: WebhookDelivery, _ endpoint: WebhookEndpoint?, refusal: String?) async -> Outcome {
        guard let endpoint, endpoint.enabled else {
            return Outcome(delivery: delivery, endpoint: endpoint, state: .failed, status: nil, error: "the endpoint is switched off or deleted")
        }
        if let refusal {
            return Outcome(delivery: delivery, endpoint: endpoint, state: .pending, status: nil, error: "the address " + refusal)
        }
        let timestamp = Int(clock.now().timeIntervalSince1970)
        guard let signature = WebhookSigner.signature(secret: endpoint.secret, id: delivery.messageID, timestamp: timestamp, body: delivery.payload) else {
            return Outcome(delivery: delivery, endpoint: endpoint, state: .failed, status: nil, error: "the endpoint's secret is not a whsec_ key")
        }
        var request = HTTPClientRequest(url: endpoint.url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: "Voronka-Webhooks/1")
        request.headers.add(name: "webhook-id", value: delivery.messageID)
        request.headers.add(name: "webhook-timestamp", value: String(timestamp))
        request.headers.add(name: "webhook-signature", value: signature)
        request.body = .bytes(ByteBuffer(string: delivery.payload))
        do {
            let response = try await client.execute(request, timeout: .seconds(Self.timeout))
            // The body is read (up to 4 KB) so the connection can be reused; what it says is kept for the log.
            let body = try? await response.body.collect(upTo: 4096)
            let status = Int(response.status.code)
            if (200..<300).contains(status) {
                return Outcome(delivery: delivery, endpoint: endpoint, state: .delivered, status: status, error: nil)
            } else if status == 410 {
                return Outcome(delivery: delivery, endpoint: endpoint, state: .failed, status: status, error: "410 Gone: the endpoint is switched off", gone: true)
            } else {
                let said = body.map { String(buffer: $0).prefix(300) }.map(String.init) ?? ""
                return Outcome(delivery: delivery, endpoint: endpoint, state: .pending, status: status,
                               error: "answered \(status)" + (said.isEmpty ? "" : ": " + said),
                               retryAfter: Self.retryAfter(response.headers.first(name: "retry-after"), now: clock.now()))
            }
        } catch {
            return Outcome(delivery: delivery, endpoint: endpoint, state: .pending, status: nil, error: "\(error)".prefix(300).description)
        }
    }

    /// Records a batch's attempts in one transaction; a failure is tried again on the schedule, or given up after the
    /// last attempt; an endpoint that answered 410, or has failed for a day, is switched off and its owner told.
    func record(_ outcomes: [Outcome]) async {
        let now = clock.now()
        do {
            try await store.write(actor: nil, origin: "webhooks", at: now) { tx in
                var switchedOff = Set<Int64>()
                for o in outcomes {
                    var state = o.state
                    var retryAt: Date?
                    if o.state == .pending {
                        if let wait = WebhookSchedule.delay(afterAttempt: o.delivery.attempts, retryAfter: o.retryAfter, jitter: Double.random(in: 0...1)) {
                            retryAt = now.addingTimeInterval(wait)
                        } else {
                            state = .failed
                        }
                    }
                    try await tx.finishWebhookAttempt(id: o.delivery.id, state: state, status: o.status, error: o.error, retryAt: retryAt)
                    guard var endpoint = o.endpoint else { continue }
                    if o.state == .delivered {
                        try await tx.setWebhookFailing(id: endpoint.id, since: nil)
                        continue
                    }
                    try await tx.setWebhookFailing(id: endpoint.id, since: now)
                    let failingSince = endpoint.failingSince ?? now
                    let reason: String? = o.gone ? "410 Gone" : now.timeIntervalSince(failingSince) >= Self.failingLimit ? "failing for a day" : nil
                    guard let reason, endpoint.enabled, switchedOff.insert(endpoint.id).inserted else { continue }
                    endpoint.enabled = false
                    endpoint.disabledReason = reason
                    try await tx.updateWebhookEndpoint(endpoint)
                    try await Self.tellOwner(endpoint, reason: reason, tx: tx)
                }
            }
        } catch {
            logger.warning("The attempts of \(outcomes.count) webhook deliveries were not recorded: \(error)")
        }
    }

    /// A nudge to whoever made the endpoint: it was switched off, and why.
    static func tellOwner(_ endpoint: WebhookEndpoint, reason: String, tx: StoreTransaction) async throws {
        guard let owner = endpoint.ownerID else { return }
        let text = reason == "410 Gone"
            ? BilingualText(en: "\(endpoint.url) answered 410 Gone, so it was switched off. Fix it and switch it on again in the webhook settings.",
                            ru: "\(endpoint.url) ответил 410 Gone, и вебхук отключён. Исправьте адрес и включите его в настройках вебхуков.")
            : BilingualText(en: "Every delivery to \(endpoint.url) failed for a day, so it was switched off. Fix it and switch it on again in the webhook settings.",
                            ru: "Доставки на \(endpoint.url) не удавались сутки, и вебхук отключён. Исправьте его и включите в настройках вебхуков.")
        let candidate = NudgeCandidate(key: "webhook_failing:webhook:\(endpoint.id):\(Int64(tx.now.timeIntervalSince1970)):\(owner)", rule: .webhookFailing,
                                       entity: .webhook, entityID: endpoint.id, userID: owner, level: 0, dueAt: tx.now,
                                       urgency: NudgeCandidate.urgency(level: 3, amount: 0), reason: text)
        _ = try await tx.reconcileNudges([candidate], inScope: { _, _ in false }, records: [:])
    }

    /// `Retry-After` in seconds or as an HTTP date, as a wait from now.
    static func retryAfter(_ header: String?, now: Date) -> Double? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Double(header), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: header).map { max(0, $0.timeIntervalSince(now)) }
    }
}
