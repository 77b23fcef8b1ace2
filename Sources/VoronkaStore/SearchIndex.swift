import Foundation
import SQLKit
import VoronkaCore

/// The search tables: one folded document (`SearchText.document`) per record of a searchable kind, keyed by its id and
/// written in the transaction that writes the record. On SQLite a table is an FTS5 table with the trigram tokenizer
/// (its rowid is the record's id); on PostgreSQL a plain table with a trigram (`pg_trgm`) GIN index when the extension
/// can be had. Either way a term of three characters or more is looked up through the index (`LIKE '%term%'`), and a
/// shorter one is a substring test over the search table.
enum SearchIndex {
    static func table(_ kind: EntityKind) -> String { "search_" + kind.plural }

    /// Creates the search table of every searchable kind and fills it from the records already stored.
    static func create(_ sql: any SQLDatabase) async throws {
        let backend = Backend(sql)
        var trigram = false
        if backend == .postgres {
            let available = try await sql.raw("SELECT 1 AS ok FROM pg_available_extensions WHERE name = 'pg_trgm'").first() != nil
            if available {
                try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
                trigram = true
            }
        }
        for kind in SearchText.kinds {
            switch backend {
            case .sqlite:
                // No positions and no sizes: LIKE is checked against the text itself, and writes are a third cheaper.
                try await sql.raw("CREATE VIRTUAL TABLE \(unsafeRaw: table(kind)) USING fts5(text, tokenize = 'trigram', detail = 'none', columnsize = 0)").run()
            case .postgres:
                try await sql.raw("CREATE TABLE \(unsafeRaw: table(kind)) (id BIGINT PRIMARY KEY, text TEXT NOT NULL)").run()
                if trigram {
                    try await sql.raw("CREATE INDEX \(unsafeRaw: table(kind))_trgm ON \(unsafeRaw: table(kind)) USING gin (text gin_trgm_ops)").run()
                }
            }
            try await fill(sql, backend: backend, kind)
        }
    }

    /// Indexes the records of a kind stored before the search table existed, a batch of ids at a time.
    static func fill(_ sql: any SQLDatabase, backend: Backend, _ kind: EntityKind) async throws {
        guard let names = SearchText.fields(of: kind) else { return }
        let fields = kind.fields.filter { $0.name == "id" || names.contains($0.name) }
        var after: Int64 = 0
        while true {
            let records = try await RowCoding.records(sql, """
                SELECT \(unsafeRaw: fields.map(\.name).joined(separator: ", ")) FROM \(unsafeRaw: kind.plural)
                WHERE id > \(bind: after) ORDER BY id LIMIT 5000
                """, fields: fields)
            guard let last = records.last?.int("id") else { return }
            // A fresh table: nothing to replace.
            try await writeNew(sql, backend: backend, kind, records.compactMap { r in r.int("id").map { ($0, SearchText.document(kind, r)) } })
            after = last
        }
    }

    /// Writes (or replaces) the documents of records, in multi-row statements.
    static func write(_ sql: any SQLDatabase, backend: Backend, _ kind: EntityKind, _ documents: [(id: Int64, text: String)]) async throws {
        guard SearchText.fields(of: kind) != nil else { return }
        for chunk in stride(from: 0, to: documents.count, by: 500) {
            let part = documents[chunk..<min(chunk + 500, documents.count)]
            let rows = SQLList(part.map { SQLGroupExpression(SQLList([SQLBind($0.id), SQLBind($0.text)])) })
            switch backend {
            case .sqlite:
                if part.count == 1, let only = part.first {
                    // An FTS5 table keeps no unique key to conflict on: the old document goes first.
                    try await sql.raw("DELETE FROM \(unsafeRaw: table(kind)) WHERE rowid = \(bind: only.id)").run()
                } else {
                    try await sql.raw("DELETE FROM \(unsafeRaw: table(kind)) WHERE rowid IN \(SQLGroupExpression(SQLList(part.map { SQLBind($0.id) })))").run()
                }
                try await sql.raw("INSERT INTO \(unsafeRaw: table(kind)) (rowid, text) VALUES \(rows)").run()
            case .postgres:
                try await sql.raw("""
                    INSERT INTO \(unsafeRaw: table(kind)) (id, text) VALUES \(rows)
                    ON CONFLICT (id) DO UPDATE SET text = excluded.text
                    """).run()
            }
        }
    }

    /// Writes the documents of freshly inserted records (a bulk load): nothing to replace.
    static func writeNew(_ sql: any SQLDatabase, backend: Backend, _ kind: EntityKind, _ documents: [(id: Int64, text: String)]) async throws {
        guard SearchText.fields(of: kind) != nil, !documents.isEmpty else { return }
        let key = backend == .sqlite ? "rowid" : "id"
        for chunk in stride(from: 0, to: documents.count, by: 1000) {
            let part = documents[chunk..<min(chunk + 1000, documents.count)]
            let rows = SQLList(part.map { SQLGroupExpression(SQLList([SQLBind($0.id), SQLBind($0.text)])) })
            try await sql.raw("INSERT INTO \(unsafeRaw: table(kind)) (\(unsafeRaw: key), text) VALUES \(rows)").run()
        }
    }

    /// `id IN (…)`: the records whose document contains every term of the query.
    static func condition(_ kind: EntityKind, query: String, backend: Backend) -> any SQLExpression {
        let terms = SearchText.terms(query)
        guard SearchText.fields(of: kind) != nil, !terms.isEmpty else { return SQLRaw(terms.isEmpty ? "1 = 1" : "1 = 0") }
        let key = backend == .sqlite ? "rowid" : "id"
        return SQLBinaryExpression(SQLIdentifier("id"), .in, SQLGroupExpression(SQLList([
            SQLRaw("SELECT \(key) FROM \(table(kind)) WHERE "), tests(terms, backend: backend),
        ], separator: SQLRaw(""))))
    }

    /// The terms' tests on a search table's `text`, joined by AND.
    static func tests(_ terms: [String], backend: Backend) -> any SQLExpression {
        let tests: [any SQLExpression] = terms.map { term in
            // Terms are folded: no `%`, `_` or backslash is left in them to escape.
            term.count >= 3
                ? SQLBinaryExpression(SQLIdentifier("text"), .like, SQLBind("%" + term + "%"))
                : SQLBinaryExpression(SQLFunction(backend == .sqlite ? "instr" : "strpos", args: SQLIdentifier("text"), SQLBind(term)), .greaterThan, SQLLiteral.numeric("0"))
        }
        return SQLList(tests, separator: SQLRaw(" AND "))
    }

    /// On SQLite, a search listed in id order reads the search table in rowid order joined to the records, so that a
    /// common word stops after the page instead of collecting every match (FTS5 yields rowids in order); nil when the
    /// query is not such a search.
    static func joinedOrder(_ kind: EntityKind, _ query: ListQuery, backend: Backend) -> (join: String, terms: [String])? {
        guard backend == .sqlite, query.sortField == "id", SearchText.fields(of: kind) != nil else { return nil }
        let searches = query.conditions.compactMap { if case .search(let q) = $0 { q } else { nil } }
        guard searches.count == 1, let text = searches.first else { return nil }
        let terms = SearchText.terms(text)
        guard !terms.isEmpty else { return nil }
        return (" JOIN \(table(kind)) ON \(table(kind)).rowid = \(kind.plural).id", terms)
    }
}
