import FluentKit
import SQLKit

/// An index on (field, id) behind every field a list may be sorted by, so that keyset pages stay fast at millions of rows.
struct M0003_SortIndexes: AsyncMigration {
    var name: String { "M0003_SortIndexes" }

    static let indexes: [(table: String, column: String)] = [
        ("users", "name"),
        ("companies", "created_at"), ("companies", "updated_at"),
        ("contacts", "name"), ("contacts", "created_at"), ("contacts", "updated_at"),
        ("products", "name"),
        ("pipelines", "position"), ("pipelines", "name"),
        ("stages", "position"), ("stages", "name"),
        ("leads", "created_at"), ("leads", "updated_at"),
        ("deals", "amount"), ("deals", "title"),
        ("activities", "created_at"), ("activities", "updated_at"),
        ("attribute_definitions", "created_at"), ("attribute_definitions", "updated_at"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (table, column) in Self.indexes {
            try await sql.exec("CREATE INDEX \(table)_\(column)_sort ON \(table) (\(column), id)")
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (table, column) in Self.indexes { try await sql.exec("DROP INDEX \(table)_\(column)_sort") }
    }
}
