import Foundation
import SQLKit
import VoronkaCore

extension StoreReader {
    static let endpointColumns = "id, url, secret, events, description, enabled, allow_private, owner_id, disabled_reason, failing_since, created_at"
    static let deliveryColumns = """
        id, endpoint_id, message_id, event_type, payload, state, attempts, next_attempt_at, last_status, last_error, created_at, delivered_at
        """

    /// Every live endpoint, in id order.
    public func webhookEndpoints() async throws -> [WebhookEndpoint] {
        try await sql.raw("SELECT \(unsafeRaw: Self.endpointColumns) FROM webhook_endpoints WHERE deleted_at IS NULL ORDER BY id")
            .all().map(Self.endpoint)
    }

    /// One live endpoint.
    public func webhookEndpoint(id: Int64) async throws -> WebhookEndpoint? {
        try await sql.raw("SELECT \(unsafeRaw: Self.endpointColumns) FROM webhook_endpoints WHERE id = \(bind: id) AND deleted_at IS NULL")
            .first().map(Self.endpoint)
    }

    /// An endpoint's deliveries, the newest first, `limit` after the id `before`.
    public func webhookDeliveries(endpointID: Int64, before: Int64? = nil, limit: Int) async throws -> [WebhookDelivery] {
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.deliveryColumns) FROM webhook_deliveries WHERE endpoint_id = \(bind: endpointID)
            AND id < \(bind: before ?? Int64.max) ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map(Self.delivery)
    }

    public func webhookDelivery(id: Int64) async throws -> WebhookDelivery? {
        try await sql.raw("SELECT \(unsafeRaw: Self.deliveryColumns) FROM webhook_deliveries WHERE id = \(bind: id)").first().map(Self.delivery)
    }

    /// Deliveries by state (the delivery log's totals and the benchmark's count).
    public func webhookDeliveryCount(endpointID: Int64? = nil, state: WebhookDelivery.State) async throws -> Int {
        let endpoint: SQLQueryString = endpointID.map { "AND endpoint_id = \(bind: $0)" } ?? ""
        return try await sql.raw("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE state = \(bind: state.rawValue) \(endpoint)")
            .first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }

    static func endpoint(_ row: any SQLRow) throws -> WebhookEndpoint {
        var events: [WebhookEventType] = []
        if case .array(let list)? = JSONValue.parse(try row.decode(column: "events", as: String.self)) {
            events = list.compactMap { if case .string(let s) = $0 { WebhookEventType(rawValue: s) } else { nil } }
        }
        return WebhookEndpoint(id: try row.decode(column: "id", as: Int64.self), url: try row.decode(column: "url", as: String.self),
                               secret: try row.decode(column: "secret", as: String.self), events: events,
                               description: try row.decode(column: "description", as: String?.self),
                               enabled: try row.decode(column: "enabled", as: Bool.self), allowPrivate: try row.decode(column: "allow_private", as: Bool.self),
                               ownerID: try row.decode(column: "owner_id", as: Int64?.self),
                               disabledReason: try row.decode(column: "disabled_reason", as: String?.self),
                               failingSince: try row.decode(column: "failing_since", as: Date?.self),
                               createdAt: try row.decode(column: "created_at", as: Date.self))
    }

    static func delivery(_ row: any SQLRow) throws -> WebhookDelivery {
        WebhookDelivery(id: try row.decode(column: "id", as: Int64.self), endpointID: try row.decode(column: "endpoint_id", as: Int64.self),
                        messageID: try row.decode(column: "message_id", as: String.self),
                        eventType: WebhookEventType(rawValue: try row.decode(column: "event_type", as: String.self)) ?? .dealCreated,
                        payload: try row.decode(column: "payload", as: String.self),
                        state: WebhookDelivery.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .pending,
                        attempts: try row.decode(column: "attempts", as: Int.self), nextAttemptAt: try row.decode(column: "next_attempt_at", as: Date?.self),
                        lastStatus: try row.decode(column: "last_status", as: Int?.self), lastError: try row.decode(column: "last_error", as: String?.self),
                        createdAt: try row.decode(column: "created_at", as: Date.self), deliveredAt: try row.decode(column: "delivered_at", as: Date?.self))
    }
}

extension StoreTransaction {
    /// Stores an endpoint; returns it with its id (journaled without the secret).
    public func insertWebhookEndpoint(url: String, secret: String, events: [WebhookEventType], description: String?, allowPrivate: Bool,
                                      ownerID: Int64?) async throws -> WebhookEndpoint {
        let eventsText = JSONValue.array(events.map { .string($0.rawValue) }).jsonText
        guard let row = try await sql.raw("""
            INSERT INTO webhook_endpoints (url, secret, events, description, enabled, allow_private, owner_id, created_at, updated_at)
            VALUES (\(bind: url), \(bind: secret), \(bind: eventsText), \(RowCoding.bind(description.map(FieldValue.text) ?? .null)), \(bind: true),
            \(bind: allowPrivate), \(RowCoding.bind(ownerID.map(FieldValue.int) ?? .null)), \(RowCoding.bind(.time(now))), \(RowCoding.bind(.time(now))))
            RETURNING id
            """).first() else { throw StoreError.unsupported("insert returned no id") }
        let id = try row.decode(column: "id", as: Int64.self)
        try await lockJournal()
        try await journal(.webhook, id, .create, changes: [
            FieldChange(field: "url", old: .null, new: .text(url)), FieldChange(field: "events", old: .null, new: .text(eventsText)),
            FieldChange(field: "allow_private", old: .null, new: .bool(allowPrivate)),
        ], at: now)
        guard let made = try await webhookEndpoint(id: id) else { throw StoreError.unsupported("the endpoint just stored is missing") }
        return made
    }

    /// Changes an endpoint (journaled; a new secret is journaled as changed, never shown).
    public func updateWebhookEndpoint(_ new: WebhookEndpoint) async throws {
        guard let old = try await webhookEndpoint(id: new.id) else { return }
        let eventsText = JSONValue.array(new.events.map { .string($0.rawValue) }).jsonText
        try await sql.raw("""
            UPDATE webhook_endpoints SET url = \(bind: new.url), secret = \(bind: new.secret), events = \(bind: eventsText),
            description = \(RowCoding.bind(new.description.map(FieldValue.text) ?? .null)), enabled = \(bind: new.enabled),
            allow_private = \(bind: new.allowPrivate), disabled_reason = \(RowCoding.bind(new.disabledReason.map(FieldValue.text) ?? .null)),
            failing_since = \(RowCoding.bind(new.failingSince.map(FieldValue.time) ?? .null)), updated_at = \(RowCoding.bind(.time(now)))
            WHERE id = \(bind: new.id)
            """).run()
        var changes: [FieldChange] = []
        if old.url != new.url { changes.append(FieldChange(field: "url", old: .text(old.url), new: .text(new.url))) }
        if old.events != new.events {
            changes.append(FieldChange(field: "events", old: .text(JSONValue.array(old.events.map { .string($0.rawValue) }).jsonText), new: .text(eventsText)))
        }
        if old.enabled != new.enabled { changes.append(FieldChange(field: "enabled", old: .bool(old.enabled), new: .bool(new.enabled))) }
        if old.allowPrivate != new.allowPrivate {
            changes.append(FieldChange(field: "allow_private", old: .bool(old.allowPrivate), new: .bool(new.allowPrivate)))
        }
        if old.description != new.description {
            changes.append(FieldChange(field: "description", old: old.description.map(FieldValue.text) ?? .null, new: new.description.map(FieldValue.text) ?? .null))
        }
        if old.disabledReason != new.disabledReason {
            changes.append(FieldChange(field: "disabled_reason", old: old.disabledReason.map(FieldValue.text) ?? .null,
                                       new: new.disabledReason.map(FieldValue.text) ?? .null))
        }
        if old.secret != new.secret { changes.append(FieldChange(field: "secret", old: .text("…"), new: .text("(changed)"))) }
        guard !changes.isEmpty else { return }
        try await lockJournal()
        try await journal(.webhook, new.id, .update, changes: changes, at: now)
    }

    /// Deletes an endpoint (soft) and gives up its pending deliveries.
    public func deleteWebhookEndpoint(id: Int64) async throws {
        try await sql.raw("UPDATE webhook_endpoints SET deleted_at = \(RowCoding.bind(.time(now))), enabled = \(bind: false) WHERE id = \(bind: id)").run()
        try await sql.raw("""
            UPDATE webhook_deliveries SET state = 'failed', last_error = 'endpoint deleted', next_attempt_at = NULL,
            updated_at = \(RowCoding.bind(.time(now))) WHERE endpoint_id = \(bind: id) AND state = 'pending'
            """).run()
        try await lockJournal()
        try await journal(.webhook, id, .delete, changes: [FieldChange(field: "enabled", old: .bool(true), new: .bool(false))], at: now)
    }

    /// The journal position turned into deliveries so far, locked until the transaction ends (one fan-out at a time,
    /// however many servers run).
    public func lockWebhookCursor() async throws -> Int64 {
        let lock: SQLQueryString = backend == .postgres ? " FOR UPDATE" : ""
        return try await sql.raw("SELECT last_seq FROM webhook_cursor WHERE id = 1\(lock)").first()
            .map { try $0.decode(column: "last_seq", as: Int64.self) } ?? 0
    }

    public func setWebhookCursor(_ seq: Int64) async throws {
        try await sql.raw("UPDATE webhook_cursor SET last_seq = \(bind: seq) WHERE id = 1").run()
    }

    /// Stores a delivery per event and endpoint (a message already stored for an endpoint is skipped).
    public func insertWebhookDeliveries(_ rows: [(endpointID: Int64, event: WebhookEvent, payload: String)]) async throws {
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + 200, rows.count)]
            start += batch.count
            let values: [SQLQueryString] = batch.map { r in
                """
                (\(bind: r.endpointID), \(bind: r.event.messageID), \(bind: r.event.type.rawValue), \(bind: r.payload), 'pending', 0, \
                \(RowCoding.bind(.time(now))), \(RowCoding.bind(.time(now))), \(RowCoding.bind(.time(now))))
                """
            }
            let list = values.dropFirst().reduce(values[values.startIndex]) { $0 + ", " + $1 }
            try await sql.raw("""
                INSERT INTO webhook_deliveries (endpoint_id, message_id, event_type, payload, state, attempts, next_attempt_at, created_at, updated_at)
                VALUES \(list) ON CONFLICT (endpoint_id, message_id) DO NOTHING
                """).run()
        }
    }

    /// Takes up to `limit` deliveries due by now for one attempt each: their next attempt moves `lease` seconds on, so
    /// that no other server takes them meanwhile (on PostgreSQL rows another transaction holds are skipped).
    public func claimWebhookDeliveries(limit: Int, lease: Double) async throws -> [WebhookDelivery] {
        let skip: SQLQueryString = backend == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let due = try await sql.raw("""
            SELECT \(unsafeRaw: Self.deliveryColumns) FROM webhook_deliveries WHERE state = 'pending'
            AND next_attempt_at <= \(RowCoding.bind(.time(now))) ORDER BY next_attempt_at, id LIMIT \(bind: limit)\(skip)
            """).all().map(Self.delivery)
        guard !due.isEmpty else { return [] }
        try await sql.raw("""
            UPDATE webhook_deliveries SET next_attempt_at = \(RowCoding.bind(.time(now.addingTimeInterval(lease)))),
            attempts = attempts + 1, updated_at = \(RowCoding.bind(.time(now))) WHERE id IN (\(SQLList(due.map { SQLBind($0.id) })))
            """).run()
        return due.map { var d = $0; d.attempts += 1; return d }
    }

    /// Records an attempt: delivered, tried again at `retryAt`, or given up.
    public func finishWebhookAttempt(id: Int64, state: WebhookDelivery.State, status: Int?, error: String?, retryAt: Date?) async throws {
        try await sql.raw("""
            UPDATE webhook_deliveries SET state = \(bind: state.rawValue), last_status = \(RowCoding.bind(status.map { FieldValue.int(Int64($0)) } ?? .null)),
            last_error = \(RowCoding.bind(error.map(FieldValue.text) ?? .null)),
            next_attempt_at = \(RowCoding.bind(retryAt.map(FieldValue.time) ?? .null)),
            delivered_at = \(RowCoding.bind(state == .delivered ? .time(now) : .null)), updated_at = \(RowCoding.bind(.time(now)))
            WHERE id = \(bind: id)
            """).run()
    }

    /// Sends a delivery again now ("send again"), whatever became of it.
    public func retryWebhookDelivery(id: Int64) async throws {
        try await sql.raw("""
            UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = \(RowCoding.bind(.time(now))), updated_at = \(RowCoding.bind(.time(now)))
            WHERE id = \(bind: id)
            """).run()
    }

    /// Marks an endpoint's failures (nil: it worked) without a journal entry: the delivery log says it.
    public func setWebhookFailing(id: Int64, since: Date?) async throws {
        if let since {
            try await sql.raw("""
                UPDATE webhook_endpoints SET failing_since = \(RowCoding.bind(.time(since))) WHERE id = \(bind: id) AND failing_since IS NULL
                """).run()
        } else {
            try await sql.raw("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = \(bind: id) AND failing_since IS NOT NULL").run()
        }
    }
}
