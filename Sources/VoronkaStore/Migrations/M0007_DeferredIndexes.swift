import FluentKit
import SQLKit

/// The indexes a bulk load dropped to build again once it is done (`SQLStore.deferIndexes`): their names and
/// definitions, written in the transaction that drops them, so that an interrupted load leaves a record of what to
/// rebuild.
struct M0007_DeferredIndexes: AsyncMigration {
    var name: String { "M0007_DeferredIndexes" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.exec("CREATE TABLE deferred_indexes (name TEXT PRIMARY KEY, definition TEXT NOT NULL)")
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).exec("DROP TABLE deferred_indexes")
    }
}
