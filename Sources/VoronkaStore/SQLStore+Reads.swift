import Foundation
import SQLKit
import VoronkaCore

extension SQLStore {
    /// A live record by id.
    public func fetch(_ kind: EntityKind, _ id: Int64, includeDeleted: Bool = false) async throws -> Record? {
        try await Reads.fetch(sql, backend: backend, kind, id, includeDeleted: includeDeleted, forUpdate: false)
    }

    /// One page of records of a kind, within the owner scope.
    public func list(_ kind: EntityKind, query: ListQuery, scope: OwnerScope = .everyone) async throws -> Page {
        try await Reads.list(sql, backend: backend, kind, query: query, scope: scope)
    }

    /// The first page of each list, in one query (a board's columns); each in its query's order.
    public func firstPages(_ kind: EntityKind, queries: [ListQuery], scope: OwnerScope = .everyone) async throws -> [[Record]] {
        try await Reads.firstPages(sql, backend: backend, kind, queries: queries, scope: scope)
    }

    /// Live records of a kind by ids, in id order (missing ids are left out).
    public func records(_ kind: EntityKind, ids: some Collection<Int64>) async throws -> [Record] {
        try await StoreReader(sql: sql, backend: backend).records(kind, ids: ids)
    }

    /// How many records of a kind the query's filters and cursor leave within the owner scope (its limit aside).
    public func count(_ kind: EntityKind, query: ListQuery, scope: OwnerScope = .everyone) async throws -> Int {
        try await Reads.count(sql, backend: backend, kind, query: query, scope: scope)
    }

    /// Every live record of a kind, in id order (small tables: users, pipelines, stages).
    public func all(_ kind: EntityKind) async throws -> [Record] {
        try await Reads.all(sql, kind)
    }

    /// The manager of every user, for computing teams.
    public func managers() async throws -> [Int64: Int64?] {
        try await Reads.managers(sql)
    }

    /// A setting's value, if set.
    public func setting(_ key: String) async throws -> JSONValue? {
        try await Reads.setting(sql, key)
    }

    /// The largest id of a table (0 when empty): an upper bound of its rows, found without reading them.
    public func maxID(_ kind: EntityKind) async throws -> Int {
        let row = try await sql.raw("SELECT MAX(id) AS n FROM \(unsafeRaw: kind.plural)").first()
        return Int(try row?.decode(column: "n", as: Int64?.self) ?? 0)
    }

    /// The row count of a table (live rows unless told otherwise).
    public func count(_ kind: EntityKind, includeDeleted: Bool = false) async throws -> Int {
        let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: kind.plural)\(unsafeRaw: includeDeleted ? "" : " WHERE deleted_at IS NULL")").first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }
}

extension SQLStore {
    /// The names of the indexes on a table, sorted.
    public func indexNames(_ table: String) async throws -> [String] {
        let query: SQLQueryString = switch backend {
        case .sqlite: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = \(bind: table)"
        case .postgres: "SELECT indexname AS name FROM pg_indexes WHERE tablename = \(bind: table)"
        }
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }.sorted()
    }

    /// The first column of every index on a table (to check that sorted lists are backed by one).
    public func indexLeadingColumns(_ table: String) async throws -> Set<String> {
        switch backend {
        case .sqlite:
            var out = Set<String>()
            let names = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = \(bind: table)").all()
                .map { try $0.decode(column: "name", as: String.self) }
            for name in names {
                if let first = try await sql.raw("SELECT name FROM pragma_index_info(\(bind: name)) ORDER BY seqno LIMIT 1").first() {
                    out.insert(try first.decode(column: "name", as: String.self))
                }
            }
            return out
        case .postgres:
            let rows = try await sql.raw("""
                SELECT a.attname AS name FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0] WHERE t.relname = \(bind: table)
                """).all()
            return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
        }
    }
}
