import Foundation
import SQLKit
import VoronkaCore

extension SQLStore {
    /// Every record of a kind, deleted ones included, in id order, a page at a time (for exports).
    public func exportPages(_ kind: EntityKind, pageSize: Int = 5000, _ body: ([Record]) async throws -> Void) async throws {
        var query = ListQuery()
        query.limit = min(pageSize, ListQuery.maxLimit * 20)
        query.includeDeleted = true
        while true {
            let page = try await Reads.list(sql, backend: backend, kind, query: query, scope: .everyone)
            if page.records.isEmpty { return }
            try await body(page.records)
            guard page.nextCursor != nil, let last = page.records.last?.int("id") else { return }
            query.after = (value: .int(last), id: last)
        }
    }

    /// The whole journal in sequence order, a page at a time, with each entry's origin and recording time.
    public func exportJournal(pageSize: Int = 10_000, _ body: ([JournalExportRow]) async throws -> Void) async throws {
        var after: Int64 = 0
        while true {
            let rows = try await sql.raw("""
                SELECT seq, at, recorded_at, actor_id, entity, entity_id, action, stage_id, origin, changes FROM journal
                WHERE seq > \(bind: after) ORDER BY seq LIMIT \(literal: pageSize)
                """).all()
            if rows.isEmpty { return }
            let page = try rows.map { row in
                JournalExportRow(
                    seq: try row.decode(column: "seq", as: Int64.self), at: try row.decode(column: "at", as: Date.self),
                    recordedAt: try row.decode(column: "recorded_at", as: Date.self), actorID: try row.decode(column: "actor_id", as: Int64?.self),
                    entity: try row.decode(column: "entity", as: String.self), entityID: try row.decode(column: "entity_id", as: Int64.self),
                    action: try row.decode(column: "action", as: String.self), stageID: try row.decode(column: "stage_id", as: Int64?.self),
                    origin: try row.decode(column: "origin", as: String.self), changes: try row.decode(column: "changes", as: String.self))
            }
            try await body(page)
            guard let last = page.last else { return }
            after = last.seq
        }
    }
}

/// One journal entry as exported: its stored columns, changes as JSON text.
public struct JournalExportRow: Sendable {
    public let seq: Int64
    public let at: Date
    public let recordedAt: Date
    public let actorID: Int64?
    public let entity: String
    public let entityID: Int64
    public let action: String
    public let stageID: Int64?
    public let origin: String
    public let changes: String

    public static let columns = ["seq", "at", "recorded_at", "actor_id", "entity", "entity_id", "action", "stage_id", "origin", "changes"]

    public init(seq: Int64, at: Date, recordedAt: Date, actorID: Int64?, entity: String, entityID: Int64, action: String, stageID: Int64?,
                origin: String, changes: String) {
        self.seq = seq; self.at = at; self.recordedAt = recordedAt; self.actorID = actorID; self.entity = entity
        self.entityID = entityID; self.action = action; self.stageID = stageID; self.origin = origin; self.changes = changes
    }

    public var values: [String] {
        [String(seq), Timestamp.format(at), Timestamp.format(recordedAt), actorID.map(String.init) ?? "", entity, String(entityID),
         action, stageID.map(String.init) ?? "", origin, changes]
    }

    public var json: JSONValue {
        ["seq": .number(Double(seq)), "at": .string(Timestamp.format(at)), "recorded_at": .string(Timestamp.format(recordedAt)),
         "actor_id": actorID.map { .number(Double($0)) } ?? .null, "entity": .string(entity), "entity_id": .number(Double(entityID)),
         "action": .string(action), "stage_id": stageID.map { .number(Double($0)) } ?? .null, "origin": .string(origin),
         "changes": JSONValue.parse(changes) ?? .string(changes)]
    }
}
