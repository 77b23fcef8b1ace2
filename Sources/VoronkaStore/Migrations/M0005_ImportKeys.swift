import FluentKit
import SQLKit

/// What imports remember: for every record taken from another system, its id there, the record it became and a
/// fingerprint of what was imported, so that importing the same export again changes nothing and a newer export
/// updates only what changed; for deals, the time of the last stage-history event taken.
struct M0005_ImportKeys: AsyncMigration {
    var name: String { "M0005_ImportKeys" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let backend = Backend(sql)
        try await sql.exec("""
            CREATE TABLE import_keys (
                system TEXT NOT NULL,
                kind TEXT NOT NULL,
                source_id TEXT NOT NULL,
                entity_id \(backend.columnType(.bigint)) NOT NULL,
                fingerprint TEXT NOT NULL,
                history_at \(backend.columnType(.double)),
                PRIMARY KEY (system, kind, source_id)
            )
            """)
        try await sql.exec("CREATE INDEX import_keys_entity ON import_keys (kind, entity_id)")
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).exec("DROP TABLE import_keys")
    }
}
