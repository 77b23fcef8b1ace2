import FluentKit
import SQLKit
import VoronkaCore

/// The search tables (`SearchIndex`): a folded document per company, contact, deal and lead, filled from the records
/// already stored, so that search finds Cyrillic names, tax ids and phone numbers on both engines.
struct M0008_SearchIndex: AsyncMigration {
    var name: String { "M0008_SearchIndex" }

    func prepare(on database: any Database) async throws {
        try await SearchIndex.create(database as! any SQLDatabase)
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for kind in SearchText.kinds { try await sql.exec("DROP TABLE \(SearchIndex.table(kind))") }
    }
}
