import Foundation
import SQLKit
import VoronkaCore

/// A database restored from Voronka's own export: the records with their ids, the journal with its numbers, the
/// settings. Only into an empty database (what the migrations seed aside).
extension SQLStore {
    /// The kinds a new database already holds: made by the migrations, replaced by an export's.
    public static let seededKinds: [EntityKind] = [.pipeline, .stage, .channel]

    /// Why the database cannot take a restore (it holds records or settings of its own), or nil when it can.
    public func restoreRefusal() async throws -> String? {
        for kind in EntityKind.allCases where kind.entityType != nil && !Self.seededKinds.contains(kind) {
            let n = try await count(kind, includeDeleted: true)
            if n > 0 { return "the database already has \(n) \(kind.plural); a Voronka export is restored into an empty one (use another --data directory or database)" }
        }
        let settings = try await sql.raw("SELECT COUNT(*) AS n FROM settings").first()?.decode(column: "n", as: Int64.self) ?? 0
        if settings > 0 { return "the database already has settings; a Voronka export is restored into an empty one" }
        let own = try await sql.raw("SELECT COUNT(*) AS n FROM journal WHERE origin <> 'migration'").first()?.decode(column: "n", as: Int64.self) ?? 0
        if own > 0 { return "the database's journal already has \(own) entries; a Voronka export is restored into an empty one" }
        return nil
    }

    /// Every setting as stored: key, JSON text and time of the last change.
    public func allSettings() async throws -> [(key: String, value: String, updatedAt: Date)] {
        try await sql.raw("SELECT key, value, updated_at FROM settings ORDER BY key").all().map { row in
            (try row.decode(column: "key", as: String.self), try row.decode(column: "value", as: String.self),
             try row.decode(column: "updated_at", as: Date.self))
        }
    }
}

extension StoreTransaction {
    /// Removes what the migrations seeded of these kinds, and (with `journal`) the whole journal, before a restore
    /// puts the export's in their place.
    public func clearSeeded(_ kinds: [EntityKind], journal: Bool) async throws {
        for kind in kinds {
            try await execute(SQLQueryString("DELETE FROM \(kind.plural)"))
            if SearchText.kinds.contains(kind) { try await execute(SQLQueryString("DELETE FROM \(SearchIndex.table(kind))")) }
        }
        if journal { try await execute(SQLQueryString("DELETE FROM journal")) }
    }

    /// Inserts journal entries as exported, keeping their numbers; PostgreSQL's numbering then continues after them.
    public func insertJournalRows(_ rows: [JournalExportRow]) async throws {
        let override = backend == .postgres ? " OVERRIDING SYSTEM VALUE" : ""
        let head = "INSERT INTO journal (seq, at, recorded_at, actor_id, entity, entity_id, action, stage_id, origin, changes)\(override) VALUES "
        try await insertRows(rows, head: head, width: 10, perStatement: FlatStatement.rowsPerStatement(width: 10, maxRows: 3000)) { r, values in
            values.append(.int(r.seq))
            values.append(.time(r.at))
            values.append(.time(r.recordedAt))
            values.append(r.actorID.map(FieldValue.int) ?? .null)
            values.append(.text(r.entity))
            values.append(.int(r.entityID))
            values.append(.text(r.action))
            values.append(r.stageID.map(FieldValue.int) ?? .null)
            values.append(.text(r.origin))
            values.append(.text(r.changes))
        }
        if backend == .postgres {
            try await execute(SQLQueryString("SELECT setval(pg_get_serial_sequence('journal', 'seq'), GREATEST((SELECT COALESCE(MAX(seq), 0) FROM journal), 1))"))
        }
    }

    /// Inserts settings as exported (not journaled: the exported journal holds their history).
    public func insertSettings(_ settings: [(key: String, value: String, updatedAt: Date)]) async throws {
        for s in settings {
            try await execute("INSERT INTO settings (key, value, updated_at) VALUES (\(bind: s.key), \(bind: s.value), \(bind: s.updatedAt))")
        }
    }
}
