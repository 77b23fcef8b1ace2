import Foundation
import SQLKit
import VoronkaCore

/// Reads and writes inside one transaction. Every insert, update and delete appends its journal entry here.
public final class StoreTransaction: StoreReader, @unchecked Sendable {
    // One transaction is used by one task at a time; the mutable state below is only touched from it.
    public let actor: Int64?
    public let origin: String
    public let now: Date
    private var journalLocked = false
    /// Whether this transaction changed a user or a token: once it commits, cached sign-ins are dropped.
    var touchedCredentials = false

    init(sql: any SQLDatabase, backend: Backend, actor: Int64?, origin: String, now: Date) {
        self.actor = actor; self.origin = origin; self.now = now
        super.init(sql: sql, backend: backend)
    }

    /// A live record by id, locked until the transaction ends when `forUpdate` (PostgreSQL; SQLite has one writer).
    public func fetch(_ kind: EntityKind, _ id: Int64, includeDeleted: Bool = false, forUpdate: Bool) async throws -> Record? {
        try await Reads.fetch(sql, backend: backend, kind, id, includeDeleted: includeDeleted, forUpdate: forUpdate)
    }

    /// Inserts a record and journals its creation; returns it with its id and times.
    @discardableResult
    public func insert(_ kind: EntityKind, _ record: Record, at: Date? = nil, action: JournalAction = .create) async throws -> Record {
        let fields = kind.fields
        var stored = record
        let time = at ?? now
        stored["created_at"] = record["created_at"].isNull ? .time(time) : record["created_at"]
        stored["updated_at"] = .time(time)
        stored["deleted_at"] = .null
        let explicitID = (record.int("id") ?? 0) > 0
        if !explicitID { stored["id"] = .null }
        let columns = fields.map(\.name).filter { $0 != "id" || explicitID }
        let row = try await sql.raw("""
            INSERT INTO \(unsafeRaw: kind.plural) (\(unsafeRaw: columns.joined(separator: ", ")))
            VALUES (\(SQLList(columns.map { RowCoding.bind(stored[$0]) }))) RETURNING id
            """).first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw StoreError.unsupported("insert returned no id") }
        stored["id"] = .int(id)
        if SearchText.fields(of: kind) != nil {
            try await SearchIndex.write(sql, backend: backend, kind, [(id, SearchText.document(kind, stored))])
        }
        try await journal(kind, id, action, changes: JournalEntry.diff(Record(), stored, fields: fields), at: time)
        return stored
    }

    /// Writes the changed fields of a record and journals them; an update that changes nothing writes nothing.
    @discardableResult
    public func update(_ kind: EntityKind, from old: Record, to new: Record, action: JournalAction = .update, at: Date? = nil) async throws -> Record {
        guard let id = old.int("id") else { throw StoreError.unsupported("update of a record without id") }
        let fields = kind.fields
        let changes = JournalEntry.diff(old, new, fields: fields).filter { $0.field != "id" }
        guard !changes.isEmpty else { return old }
        let time = at ?? now
        var stored = new
        stored["updated_at"] = .time(time)
        let assignments = (changes.map(\.field) + ["updated_at"]).map { SQLBinaryExpression(SQLIdentifier($0), .equal, RowCoding.bind(stored[$0])) }
        try await sql.raw("UPDATE \(unsafeRaw: kind.plural) SET \(SQLList(assignments)) WHERE id = \(bind: id)").run()
        if let searched = SearchText.fields(of: kind), changes.contains(where: { searched.contains($0.field) }) {
            try await SearchIndex.write(sql, backend: backend, kind, [(id, SearchText.document(kind, stored))])
        }
        try await journal(kind, id, action == .update ? .of(changes) : action, changes: changes, at: time)
        return stored
    }

    /// Marks a record deleted (it stays in the database and the journal).
    public func softDelete(_ kind: EntityKind, _ old: Record) async throws {
        var new = old
        new["deleted_at"] = .time(now)
        try await update(kind, from: old, to: new, action: .delete)
    }

    /// Appends a journal entry. On PostgreSQL an advisory lock held to commit makes `seq` order equal commit order,
    /// so that a reader tailing `seq > n` never misses an entry committed late.
    func journal(_ kind: EntityKind, _ id: Int64, _ action: JournalAction, changes: [FieldChange], at: Date) async throws {
        try await lockJournal()
        if kind == .user || kind == .token { touchedCredentials = true }
        let stage: FieldValue = changes.first { $0.field == "stage_id" }?.new ?? .null
        try await insertJournal(at: at, entity: kind.rawValue, id: id, action: action, stage: stage, changes: JournalCodec.encode(changes, kind: kind))
    }

    /// The one statement that appends a journal entry (records and settings; bulk loads append theirs in batches).
    private func insertJournal(at: Date, entity: String, id: Int64, action: JournalAction, stage: FieldValue, changes: String) async throws {
        try await sql.raw("""
            INSERT INTO journal (at, recorded_at, actor_id, entity, entity_id, action, stage_id, origin, changes)
            VALUES (\(bind: at), \(bind: now), \(RowCoding.bind(actor.map(FieldValue.int) ?? .null)), \(bind: entity), \(bind: id),
                    \(bind: action.rawValue), \(RowCoding.bind(stage)), \(bind: origin), \(bind: changes))
            """).run()
    }

    /// Takes the journal's advisory lock once per transaction (PostgreSQL; SQLite writers are serialised already).
    /// Every journaled write takes it, so a check made after it (a name that must be unique, say) cannot race another
    /// writer's: that writer has committed, and its rows are seen, or it waits for this transaction.
    public func lockJournal() async throws {
        guard backend == .postgres, !journalLocked else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: JournalCodec.advisoryLockKey))").run()
        journalLocked = true
    }

    /// Sets a setting's value (settings are small JSON documents keyed by name).
    public func setSetting(_ key: String, _ value: JSONValue) async throws {
        let old = try await Reads.setting(sql, key)
        if old == value { return }
        if old == nil {
            try await sql.raw("INSERT INTO settings (key, value, updated_at) VALUES (\(bind: key), \(bind: value.jsonText), \(bind: now))").run()
        } else {
            try await sql.raw("UPDATE settings SET value = \(bind: value.jsonText), updated_at = \(bind: now) WHERE key = \(bind: key)").run()
        }
        try await lockJournal()
        try await insertJournal(at: now, entity: "setting", id: 0, action: .update, stage: .null,
                                changes: JournalCodec.settingChange(key: key, old: old, new: value))
    }

    /// Runs raw SQL within the transaction (storage-layer helpers only).
    func execute(_ query: SQLQueryString) async throws { try await sql.raw(query).run() }
}
