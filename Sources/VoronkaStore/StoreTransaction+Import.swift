import Foundation
import SQLKit
import VoronkaCore

/// What imports need of a transaction: their keys, blocks of ids, and narrow reads of what exists.
extension StoreTransaction {
    /// The keys of these source ids that an earlier import of `system` stored, by source id.
    public func importKeys(system: String, kind: String, sourceIDs: [String]) async throws -> [String: ImportKey] {
        var out: [String: ImportKey] = [:]
        out.reserveCapacity(sourceIDs.count)
        var start = 0
        while start < sourceIDs.count {
            let chunk = sourceIDs[start..<min(start + 5000, sourceIDs.count)]
            start += 5000
            let text = "SELECT source_id, entity_id, fingerprint, history_at FROM import_keys WHERE system = \(FlatStatement.placeholder(1, backend))"
                + " AND kind = \(FlatStatement.placeholder(2, backend)) AND source_id IN "
                + FlatStatement.valueGroups(rows: 1, width: chunk.count, first: 3, backend: backend)
            var values: [FieldValue] = [.text(system), .text(kind)]
            values.reserveCapacity(chunk.count + 2)
            for id in chunk { values.append(.text(id)) }
            for row in try await rows(text, values, columns: Self.importKeyColumns) {
                guard case .text(let sourceID) = row[0], case .int(let entityID) = row[1], case .text(let fingerprint) = row[2] else {
                    throw StoreError.unsupported("an import key without source id, record or fingerprint")
                }
                let at: Date? = if case .double(let t) = row[3] { Date(timeIntervalSince1970: t) } else { nil }
                out[sourceID] = ImportKey(kind: kind, sourceID: sourceID, entityID: entityID, fingerprint: fingerprint, historyAt: at)
            }
        }
        return out
    }

    private static let importKeyColumns: [(name: String, type: FieldType)] = [
        ("source_id", .text), ("entity_id", .int), ("fingerprint", .text), ("history_at", .double),
    ]

    /// Every key of one kind that imports of `system` stored (companies, users, products: the small kinds).
    public func importKeys(system: String, kind: String) async throws -> [String: ImportKey] {
        let rows = try await sql.raw("""
            SELECT source_id, entity_id, fingerprint, history_at FROM import_keys WHERE system = \(bind: system) AND kind = \(bind: kind)
            """).all()
        var out: [String: ImportKey] = [:]
        for row in rows { let key = try Self.importKey(row, kind: kind); out[key.sourceID] = key }
        return out
    }

    /// Inserts or replaces keys.
    public func saveImportKeys(system: String, _ keys: [ImportKey]) async throws {
        let system = FieldValue.text(system)
        try await insertRows(keys, head: "INSERT INTO import_keys (system, kind, source_id, entity_id, fingerprint, history_at) VALUES ",
                             tail: " ON CONFLICT (system, kind, source_id) DO UPDATE SET entity_id = excluded.entity_id,"
                                 + " fingerprint = excluded.fingerprint, history_at = excluded.history_at",
                             width: 6, perStatement: FlatStatement.rowsPerStatement(width: 6, maxRows: 4000)) { k, values in
            values.append(system)
            values.append(.text(k.kind))
            values.append(.text(k.sourceID))
            values.append(.int(k.entityID))
            values.append(.text(k.fingerprint))
            values.append(k.historyAt.map { FieldValue.double($0.timeIntervalSince1970) } ?? .null)
        }
    }

    /// The first of `count` consecutive unused ids of a kind, for rows inserted with explicit ids. Takes the journal
    /// lock first, so that on PostgreSQL two writers cannot reserve the same block; `SQLStore.syncIDSequences` then
    /// moves the sequences past them.
    public func reserveIDs(_ kind: EntityKind, count: Int) async throws -> Int64 {
        try await lockJournal()
        let max = try await sql.raw("SELECT MAX(id) AS m FROM \(unsafeRaw: kind.plural)").first()?.decode(column: "m", as: Int64?.self) ?? 0
        return max + 1
    }

    /// Some fields of every live record of a kind (a catalog to match imported rows against).
    public func records(_ kind: EntityKind, fields names: [String]) async throws -> [Record] {
        let fields = kind.fields.filter { names.contains($0.name) }
        return try await sql.raw("""
            SELECT \(unsafeRaw: fields.map(\.name).joined(separator: ", ")) FROM \(unsafeRaw: kind.plural) WHERE deleted_at IS NULL ORDER BY id
            """).all().map { try RowCoding.record($0, fields: fields) }
    }

    private static func importKey(_ row: any SQLRow, kind: String) throws -> ImportKey {
        let at = try row.decode(column: "history_at", as: Double?.self)
        return ImportKey(kind: kind, sourceID: try row.decode(column: "source_id", as: String.self),
                         entityID: try row.decode(column: "entity_id", as: Int64.self),
                         fingerprint: try row.decode(column: "fingerprint", as: String.self),
                         historyAt: at.map { Date(timeIntervalSince1970: $0) })
    }
}
