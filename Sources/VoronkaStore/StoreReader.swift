import Foundation
import SQLKit
import VoronkaCore

/// Reads inside one transaction: a consistent view of the data. `SQLStore.read` hands one out on a reader connection
/// (SQLite readers run beside the writer, never waiting for it); a `StoreTransaction` is one too, for the reads a
/// write makes.
public class StoreReader: @unchecked Sendable {
    // One reader is used by one task at a time.
    let sql: any SQLDatabase
    let backend: Backend

    init(sql: any SQLDatabase, backend: Backend) {
        self.sql = sql; self.backend = backend
    }

    /// A live record by id (soft-deleted ones only when asked).
    public func fetch(_ kind: EntityKind, _ id: Int64, includeDeleted: Bool = false) async throws -> Record? {
        try await Reads.fetch(sql, backend: backend, kind, id, includeDeleted: includeDeleted, forUpdate: false)
    }

    /// Whether a live record of this kind has this id.
    public func exists(_ kind: EntityKind, _ id: Int64) async throws -> Bool {
        try await sql.raw("SELECT id FROM \(unsafeRaw: kind.plural) WHERE id = \(bind: id) AND deleted_at IS NULL").first() != nil
    }

    /// One page of a list, read in this transaction.
    public func list(_ kind: EntityKind, query: ListQuery, scope: OwnerScope = .everyone) async throws -> Page {
        try await Reads.list(sql, backend: backend, kind, query: query, scope: scope)
    }

    /// Live records of a kind by ids, in id order (missing ids are left out).
    public func records(_ kind: EntityKind, ids: some Collection<Int64>) async throws -> [Record] {
        guard !ids.isEmpty else { return [] }
        let fields = kind.fields
        return try await RowCoding.records(sql, """
            SELECT \(unsafeRaw: fields.map(\.name).joined(separator: ", ")) FROM \(unsafeRaw: kind.plural)
            WHERE deleted_at IS NULL AND id IN \(SQLGroupExpression(SQLList(Set(ids).sorted().map { SQLBind($0) }))) ORDER BY id
            """, fields: fields)
    }

    /// Live records of a kind whose field equals a value, in id order.
    public func records(_ kind: EntityKind, where field: String, equals value: FieldValue) async throws -> [Record] {
        let fields = kind.fields
        return try await RowCoding.records(sql, """
            SELECT \(unsafeRaw: fields.map(\.name).joined(separator: ", ")) FROM \(unsafeRaw: kind.plural)
            WHERE deleted_at IS NULL AND \(SQLIdentifier(field)) = \(RowCoding.bind(value)) ORDER BY id
            """, fields: fields)
    }

    /// Every live record of a kind, in id order (small tables: users, pipelines, stages).
    public func all(_ kind: EntityKind) async throws -> [Record] {
        try await Reads.all(sql, kind)
    }

    /// The first live record of a kind matching all of `conditions`, in `order` (field names), other than `excluding`.
    public func firstID(_ kind: EntityKind, where conditions: [String: FieldValue], excluding: Int64? = nil, order: [String] = ["id"]) async throws -> Int64? {
        var parts: [any SQLExpression] = [SQLRaw("deleted_at IS NULL")]
        for (field, value) in conditions.sorted(by: { $0.key < $1.key }) {
            parts.append(SQLBinaryExpression(SQLIdentifier(field), .equal, RowCoding.bind(value)))
        }
        if let excluding { parts.append(SQLBinaryExpression(SQLIdentifier("id"), .notEqual, SQLBind(excluding))) }
        return try await sql.raw("""
            SELECT id FROM \(unsafeRaw: kind.plural) WHERE \(SQLList(parts, separator: SQLRaw(" AND ")))
            ORDER BY \(SQLList(order.map { SQLIdentifier($0) })) LIMIT 1
            """).first()?.decode(column: "id", as: Int64.self)
    }

    /// How many live records of a kind have `field` equal to `id`.
    public func countLive(_ kind: EntityKind, where field: String, equals id: Int64) async throws -> Int64 {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: kind.plural) WHERE \(SQLIdentifier(field)) = \(bind: id) AND deleted_at IS NULL")
            .first()?.decode(column: "n", as: Int64.self) ?? 0
    }

    /// Whether another user (live or deleted) has this email.
    public func emailTaken(_ email: String, excluding: Int64?) async throws -> Bool {
        try await sql.raw("SELECT id FROM users WHERE email = \(bind: email) AND id <> \(bind: excluding ?? 0)").first() != nil
    }

    /// The manager of every user.
    public func managers() async throws -> [Int64: Int64?] {
        try await Reads.managers(sql)
    }

    /// A setting's value, if set.
    public func setting(_ key: String) async throws -> JSONValue? {
        try await Reads.setting(sql, key)
    }
}
