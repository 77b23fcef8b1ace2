import FluentKit
import SQLKit

/// Webhooks: the endpoints, each event's delivery to each endpoint, and how far the journal (the outbox, written in
/// every change's transaction) has been turned into deliveries.
struct M0015_Webhooks: AsyncMigration {
    var name: String { "M0015_Webhooks" }

    static let endpoints = TableDefinition("webhook_endpoints")
        .column("url", .text, notNull: true).column("secret", .text, notNull: true).column("events", .text, notNull: true, default: "'[]'")
        .column("description", .text).column("enabled", .bool, notNull: true, default: "TRUE")
        .column("allow_private", .bool, notNull: true, default: "FALSE").column("owner_id", .bigint).column("disabled_reason", .text)
        .column("failing_since", .timestamp).timestamps()
    static let deliveries = TableDefinition("webhook_deliveries")
        .column("endpoint_id", .bigint, notNull: true).column("message_id", .text, notNull: true).column("event_type", .text, notNull: true)
        .column("payload", .text, notNull: true).column("state", .text, notNull: true).column("attempts", .bigint, notNull: true, default: "0")
        .column("next_attempt_at", .timestamp).column("last_status", .bigint).column("last_error", .text)
        .column("created_at", .timestamp, notNull: true).column("updated_at", .timestamp, notNull: true).column("delivered_at", .timestamp)
    static let cursor = TableDefinition("webhook_cursor").column("last_seq", .bigint, notNull: true)

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let backend = Backend(sql)
        for table in [Self.endpoints, Self.deliveries, Self.cursor] { try await sql.exec(table.createSQL(backend)) }
        try await sql.exec("CREATE UNIQUE INDEX webhook_deliveries_message ON webhook_deliveries (endpoint_id, message_id)")
        try await sql.exec("CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at)")
        try await sql.exec("CREATE INDEX webhook_deliveries_log ON webhook_deliveries (endpoint_id, id)")
        // Events start from now: what happened before any endpoint existed is not sent.
        try await sql.exec("INSERT INTO webhook_cursor (id, last_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM journal")
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in ["webhook_cursor", "webhook_deliveries", "webhook_endpoints"] { try await sql.exec("DROP TABLE \(table)") }
    }
}
