import FluentKit
import SQLKit

/// A covering index of the journal's stage entries (record, sequence, stage, time): the analytics snapshot reads every
/// stage entry at start-up from this index alone, about 30 bytes an entry, instead of the entries themselves (about
/// 400 bytes each, most of them JSON). Being an index, it is written in the same transaction as the entry. "IF NOT
/// EXISTS": a large database may be given the index by hand before an upgrade (about a minute at a million deals).
struct M0006_JournalStageEntries: AsyncMigration {
    var name: String { "M0006_JournalStageEntries" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.exec("""
            CREATE INDEX IF NOT EXISTS journal_stage_entries ON journal (entity, entity_id, seq, stage_id, at) WHERE stage_id IS NOT NULL
            """)
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.exec("DROP INDEX journal_stage_entries")
    }
}
