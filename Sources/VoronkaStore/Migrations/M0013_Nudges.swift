import FluentKit
import SQLKit

/// Nudges: what the rules found due, for whom, and where each stands. `key` (rule, record, person, due period) is
/// unique, so evaluating twice, or on two servers at once, stores each nudge once.
struct M0013_Nudges: AsyncMigration {
    var name: String { "M0013_Nudges" }

    static let table = TableDefinition("nudges")
        .column("key", .text, notNull: true).column("rule", .text, notNull: true).column("entity", .text, notNull: true)
        .column("entity_id", .bigint, notNull: true).column("user_id", .bigint, notNull: true).column("level", .bigint, notNull: true)
        .column("state", .text, notNull: true).column("due_at", .timestamp, notNull: true).column("snoozed_until", .timestamp)
        .column("urgency", .bigint, notNull: true).column("reason_en", .text, notNull: true).column("reason_ru", .text, notNull: true)
        .column("note", .text).column("created_at", .timestamp, notNull: true).column("updated_at", .timestamp, notNull: true)
        .column("closed_at", .timestamp)

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.exec(Self.table.createSQL(Backend(sql)))
        try await sql.exec("CREATE UNIQUE INDEX nudges_key ON nudges (key)")
        // One's list by urgency (keyset paging), the bell's count, and the open ones the engine reconciles.
        try await sql.exec("CREATE INDEX nudges_user ON nudges (user_id, state, urgency, id)")
        try await sql.exec("CREATE INDEX nudges_state ON nudges (state, id)")
        try await sql.exec("CREATE INDEX nudges_record ON nudges (entity, entity_id)")
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).exec("DROP TABLE nudges")
    }
}
