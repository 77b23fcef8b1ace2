import SQLKit

/// A table's columns and indexes as a migration writes them, rendered for one engine.
/// Migrations spell their columns out here, so a migration never changes when an entity does.
struct TableDefinition {
    let name: String
    private(set) var columns: [(name: String, type: ColumnType, notNull: Bool, defaultSQL: String?)] = []

    init(_ name: String) { self.name = name }

    func column(_ name: String, _ type: ColumnType, notNull: Bool = false, default defaultSQL: String? = nil) -> TableDefinition {
        var copy = self
        copy.columns.append((name, type, notNull, defaultSQL))
        return copy
    }

    /// The usual system columns: times of creation, update and soft deletion.
    func timestamps() -> TableDefinition {
        column("created_at", .timestamp, notNull: true).column("updated_at", .timestamp, notNull: true).column("deleted_at", .timestamp)
    }

    func createSQL(_ backend: Backend) -> String {
        let cols = ["id \(backend.primaryKey)"] + columns.map { c in
            var s = "\(c.name) \(backend.columnType(c.type))"
            if c.notNull { s += " NOT NULL" }
            if let d = c.defaultSQL { s += " DEFAULT \(c.type == .bool && backend == .sqlite ? (d == "TRUE" ? "1" : "0") : d)" }
            return s
        }
        return "CREATE TABLE \(name) (\n  " + cols.joined(separator: ",\n  ") + "\n)"
    }
}

extension SQLDatabase {
    /// Runs SQL text that binds nothing (DDL).
    func exec(_ text: String) async throws {
        try await self.raw(SQLQueryString(text)).run()
    }
}
