import Foundation
import SQLKit
import VoronkaCore

extension StoreTransaction {
    /// Inserts many records with their ids already assigned, in multi-row statements: the fast path of the demo and imports.
    /// Their journal entries come separately through `appendJournal`.
    public func bulkInsert(_ rows: [BulkRow]) async throws {
        var order: [EntityKind] = []
        var groups: [EntityKind: [BulkRow]] = [:]
        for row in rows {
            if groups[row.kind] == nil { order.append(row.kind) }
            groups[row.kind, default: []].append(row)
        }
        for kind in order {
            let names = kind.fields.map(\.name)
            try await bulkInsert(kind, values: groups[kind, default: []].lazy.map { row in
                names.map { name in
                    switch name {
                    case "created_at": .time(row.createdAt)
                    case "updated_at": .time(row.updatedAt)
                    default: row.record[name]
                    }
                }
            })
        }
    }

    /// Inserts records of one kind, each given as its values in the order of `kind.fields` (ids, creation and update
    /// times included), in multi-row statements.
    public func bulkInsert(_ kind: EntityKind, values rows: some Collection<[FieldValue]>) async throws {
        let fields = kind.fields
        let head = "INSERT INTO \(kind.plural) (\(fields.map(\.name).joined(separator: ", "))) VALUES "
        let perStatement = FlatStatement.rowsPerStatement(width: fields.count, maxRows: 1000)
        // The search documents are folded on another thread while the rows are written.
        let folding = searchDocuments(kind, rows)
        try await insertRows(rows, head: head, width: fields.count, perStatement: perStatement) { row, values in
            guard row.count == fields.count else { throw StoreError.unsupported("a \(kind.rawValue) row of \(row.count) values for \(fields.count) fields") }
            values.append(contentsOf: row)
        }
        if let documents = await folding?.value, !documents.isEmpty {
            let key = backend == .sqlite ? "rowid" : "id"
            try await insertRows(documents, head: "INSERT INTO \(SearchIndex.table(kind)) (\(key), text) VALUES ", width: 2,
                                 perStatement: FlatStatement.rowsPerStatement(width: 2, maxRows: 1000)) { d, values in
                values.append(.int(d.id))
                values.append(.text(d.text))
            }
        }
    }

    /// Folds the search documents of rows about to be inserted, in a task of its own; nil for a kind without search.
    private func searchDocuments(_ kind: EntityKind, _ rows: some Collection<[FieldValue]>) -> Task<[(id: Int64, text: String)], Never>? {
        let fields = kind.fields
        guard let searched = SearchText.fields(of: kind), let idAt = fields.firstIndex(where: { $0.name == "id" }) else { return nil }
        let positions = searched.map { name in fields.firstIndex { $0.name == name } }
        // Only the ids and the searched texts cross to the task.
        let picked: [(Int64, [String?])] = rows.compactMap { row in
            guard row.count == fields.count, case .int(let id) = row[idAt] else { return nil }
            return (id, positions.map { i in if let i, case .text(let s) = row[i] { s } else { nil } })
        }
        return Task.detached(priority: .userInitiated) {
            picked.map { id, texts in
                (id, SearchText.document(kind) { name in searched.firstIndex(of: name).flatMap { texts[$0] } })
            }
        }
    }

    /// Appends journal entries as they are (their own times and actors), numbering them in order.
    public func appendJournal(_ entries: [JournalEntry]) async throws {
        try await lockJournal()
        let head = "INSERT INTO journal (at, recorded_at, actor_id, entity, entity_id, action, stage_id, origin, changes) VALUES "
        let recorded = FieldValue.time(now), origin = FieldValue.text(origin)
        var writer = JSONWriter(capacity: 1024)
        try await insertRows(entries, head: head, width: 9, perStatement: FlatStatement.rowsPerStatement(width: 9, maxRows: 3000)) { e, values in
            writer.clear()
            JournalCodec.write(e.changes, kind: e.entity, to: &writer)
            values.append(.time(e.at))
            values.append(recorded)
            values.append(e.actorID.map(FieldValue.int) ?? .null)
            values.append(.text(e.entity.rawValue))
            values.append(.int(e.entityID))
            values.append(.text(e.action.rawValue))
            values.append(e.changes.first { $0.field == "stage_id" }?.new ?? .null)
            values.append(origin)
            values.append(.text(writer.text))
        }
    }

    /// Inserts `items` through `head` ("INSERT INTO t (a, b) VALUES ") `perStatement` rows at a time; `row` appends
    /// the `width` values of one item. `tail` follows the values (an ON CONFLICT clause). The values of each statement
    /// are prepared while the statement before runs (SQLite works on its own thread), and statements run in order.
    func insertRows<Item>(_ items: some Collection<Item>, head: String, tail: String = "", width: Int, perStatement: Int,
                          _ row: (Item, inout [FieldValue]) throws -> Void) async throws {
        guard !items.isEmpty else { return }
        let capacity = min(items.count, perStatement) * width
        var values: [FieldValue] = []
        values.reserveCapacity(capacity)
        // SQLite's text depends on the row count only; PostgreSQL's also on which values are null.
        var sqliteText: (rows: Int, text: String)?
        func text(rows: Int) -> String {
            guard backend == .sqlite else { return head + FlatStatement.postgresValueGroups(values, width: width) + tail }
            if let known = sqliteText, known.rows == rows { return known.text }
            let text = head + FlatStatement.valueGroups(rows: rows, width: width, backend: backend) + tail
            sqliteText = (rows, text)
            return text
        }
        var running: Task<Void, any Error>?
        func start(rows: Int) async throws {
            let statement = (text: text(rows: rows), values: values)
            try await running?.value
            running = Task { try await self.run(statement.text, statement.values) }
            values = []
            values.reserveCapacity(capacity)
        }
        do {
            var rows = 0
            for item in items {
                try row(item, &values)
                rows += 1
                if rows == perStatement {
                    try await start(rows: rows)
                    rows = 0
                }
            }
            if rows > 0 { try await start(rows: rows) }
            try await running?.value
        } catch {
            // Never leave a statement running once this transaction is about to end.
            _ = await running?.result
            throw error
        }
    }
}

extension SQLStore {
    /// The next free id of every kind of record.
    public func nextIDs() async throws -> [EntityKind: Int64] {
        var out: [EntityKind: Int64] = [:]
        for kind in EntityKind.allCases where kind.entityType != nil {
            let max = try await sql.raw("SELECT MAX(id) AS m FROM \(unsafeRaw: kind.plural)").first()?.decode(column: "m", as: Int64?.self) ?? 0
            out[kind] = max + 1
        }
        return out
    }

    /// After rows were inserted with explicit ids, moves PostgreSQL's id sequences past them (SQLite needs nothing).
    public func syncIDSequences() async throws {
        guard backend == .postgres else { return }
        for kind in EntityKind.allCases where kind.entityType != nil {
            try await sql.raw("""
                SELECT setval(pg_get_serial_sequence('\(unsafeRaw: kind.plural)', 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM \(unsafeRaw: kind.plural)), 1))
                """).run()
        }
    }

    /// Sets SQLite's writing connection up for a bulk load (an import): a page cache of up to `cacheMiB` (with the
    /// default 2 MiB every batch spilled pages and read them back), statement journals in memory, and the log folded
    /// into the database every `checkpointPages` pages instead of every 1,000 (each batch rewrote the same index pages
    /// in the database file). It lasts as long as the process; PostgreSQL needs nothing.
    public func prepareBulkLoad(cacheMiB: Int = 512, checkpointPages: Int = 100_000) async throws {
        guard backend == .sqlite else { return }
        guard let db = try connection(on: writeLoop) as? any SQLDatabase else { throw StoreError.notSQL }
        try await db.exec("PRAGMA cache_size = -\(cacheMiB * 1024)")
        try await db.exec("PRAGMA temp_store = MEMORY")
        try await db.exec("PRAGMA wal_autocheckpoint = \(checkpointPages)")
    }

    /// Undoes `prepareBulkLoad` on SQLite's writing connection: the default page cache and checkpoints, and the
    /// cache's memory given back (a server goes on after an import; a command line exits anyway).
    public func endBulkLoad() async throws {
        guard backend == .sqlite else { return }
        guard let db = try connection(on: writeLoop) as? any SQLDatabase else { throw StoreError.notSQL }
        try await db.exec("PRAGMA cache_size = -2000")
        try await db.exec("PRAGMA wal_autocheckpoint = 1000")
        try await db.exec("PRAGMA shrink_memory")
    }

    /// Folds SQLite's write-ahead log into the database file (after bulk loads, before measuring its size).
    public func checkpoint() async throws {
        if backend == .sqlite { try await sql.exec("PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// Sets one password hash for many users at once (the demo's users).
    public func setPasswordHash(_ hash: String, userIDs: [Int64]) async throws {
        guard !userIDs.isEmpty else { return }
        try await sql.raw("UPDATE users SET password_hash = \(bind: hash) WHERE id IN \(SQLGroupExpression(SQLList(userIDs.map { SQLBind($0) })))").run()
    }

    /// The size of the database in bytes, and of the journal table where the engine can tell.
    public func sizes() async throws -> (database: Int64, journal: Int64?) {
        switch location {
        case .sqlite(let path):
            let fm = FileManager.default
            let total = [path, path + "-wal"].compactMap { (try? fm.attributesOfItem(atPath: $0)[.size] as? NSNumber)?.int64Value }.reduce(0, +)
            let journal = try? await sql.raw("SELECT SUM(pgsize) AS s FROM dbstat WHERE name LIKE 'journal%'").first()?.decode(column: "s", as: Int64?.self)
            return (total, journal ?? nil)
        case .postgres:
            let db = try await sql.raw("SELECT pg_database_size(current_database()) AS s").first()?.decode(column: "s", as: Int64.self) ?? 0
            let journal = try await sql.raw("SELECT pg_total_relation_size('journal') AS s").first()?.decode(column: "s", as: Int64.self)
            return (db, journal)
        }
    }
}
