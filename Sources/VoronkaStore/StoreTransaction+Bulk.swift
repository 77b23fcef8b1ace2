import Foundation
import SQLKit
import VoronkaCore

extension StoreTransaction {
    /// Inserts many records with their ids already assigned, in multi-row statements: the fast path of the demo and imports.
    /// Their journal entries come separately through `appendJournal`.
    public func bulkInsert(_ rows: [DemoRow]) async throws {
        var order: [EntityKind] = []
        var groups: [EntityKind: [DemoRow]] = [:]
        for row in rows {
            if groups[row.kind] == nil { order.append(row.kind) }
            groups[row.kind, default: []].append(row)
        }
        for kind in order {
            let columns = kind.fields.map(\.name)
            let perStatement = max(1, min(1000, 30_000 / columns.count))
            let group = groups[kind]!
            var start = 0
            while start < group.count {
                let chunk = group[start..<min(start + perStatement, group.count)]
                let values = chunk.map { row -> any SQLExpression in
                    var record = row.record
                    record["created_at"] = .time(row.createdAt)
                    record["updated_at"] = .time(row.updatedAt)
                    return SQLGroupExpression(SQLList(columns.map { RowCoding.bind(record[$0]) }))
                }
                try await sql.raw("INSERT INTO \(unsafeRaw: kind.plural) (\(unsafeRaw: columns.joined(separator: ", "))) VALUES \(SQLList(values))").run()
                start += perStatement
            }
        }
    }

    /// Appends journal entries as they are (their own times and actors), numbering them in order.
    public func appendJournal(_ entries: [JournalEntry]) async throws {
        try await lockJournal()
        let perStatement = 3000
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(start + perStatement, entries.count)]
            let values = chunk.map { e -> any SQLExpression in
                let stage = e.changes.first { $0.field == "stage_id" }?.new ?? .null
                return SQLGroupExpression(SQLList([
                    SQLBind(e.at), SQLBind(now), RowCoding.bind(e.actorID.map(FieldValue.int) ?? .null), SQLBind(e.entity.rawValue),
                    SQLBind(e.entityID), SQLBind(e.action.rawValue), RowCoding.bind(stage), SQLBind(origin),
                    SQLBind(JournalCodec.encode(e.changes, kind: e.entity)),
                ]))
            }
            try await sql.raw("""
                INSERT INTO journal (at, recorded_at, actor_id, entity, entity_id, action, stage_id, origin, changes) VALUES \(SQLList(values))
                """).run()
            start += perStatement
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
