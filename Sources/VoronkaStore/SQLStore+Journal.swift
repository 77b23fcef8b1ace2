import Foundation
import SQLKit
import VoronkaCore

extension SQLStore {
    /// Journal entries after a sequence number, oldest first; the cheap way to tail every change.
    public func journal(after seq: Int64, limit: Int = 1000) async throws -> [JournalEntry] {
        try await journalRows(where: SQLBinaryExpression(SQLIdentifier("seq"), .greaterThan, SQLBind(seq)), limit: limit)
    }

    /// The journal of one record, oldest first.
    public func journal(of kind: EntityKind, _ id: Int64, limit: Int = 10_000) async throws -> [JournalEntry] {
        try await journalRows(where: SQLList([
            SQLBinaryExpression(SQLIdentifier("entity"), .equal, SQLBind(kind.rawValue)),
            SQLBinaryExpression(SQLIdentifier("entity_id"), .equal, SQLBind(id)),
        ], separator: SQLRaw(" AND ")), limit: limit)
    }

    /// The highest sequence number written so far (0 for an empty journal).
    public func lastJournalSeq() async throws -> Int64 {
        try await read { try await $0.journalEnd() }
    }

    private func journalRows(where condition: any SQLExpression, limit: Int) async throws -> [JournalEntry] {
        try await Self.journalRows(sql, where: condition, limit: limit)
    }

    static func journalRows(_ sql: any SQLDatabase, where condition: any SQLExpression, limit: Int) async throws -> [JournalEntry] {
        let rows = try await sql.raw("""
            SELECT seq, at, actor_id, entity, entity_id, action, changes FROM journal WHERE \(condition) ORDER BY seq LIMIT \(literal: limit)
            """).all()
        return try rows.compactMap { row in
            let entityName = try row.decode(column: "entity", as: String.self)
            guard let kind = EntityKind(rawValue: entityName),
                  let action = JournalAction(rawValue: try row.decode(column: "action", as: String.self)) else { return nil }
            return JournalEntry(
                seq: try row.decode(column: "seq", as: Int64.self),
                at: try row.decode(column: "at", as: Date.self),
                actorID: try row.decode(column: "actor_id", as: Int64?.self),
                entity: kind,
                entityID: try row.decode(column: "entity_id", as: Int64.self),
                action: action,
                changes: JournalCodec.decode(try row.decode(column: "changes", as: String.self), kind: kind))
        }
    }
}

extension StoreReader {
    /// Journal entries after a sequence number, oldest first, read in this transaction.
    public func journalEntries(after seq: Int64, limit: Int) async throws -> [JournalEntry] {
        try await SQLStore.journalRows(sql, where: SQLBinaryExpression(SQLIdentifier("seq"), .greaterThan, SQLBind(seq)), limit: limit)
    }

    /// The highest sequence number this transaction sees (0 for an empty journal).
    public func journalEnd() async throws -> Int64 {
        try await sql.raw("SELECT MAX(seq) AS seq FROM journal").first()?.decode(column: "seq", as: Int64?.self) ?? 0
    }
}

extension SQLStore {
    /// Every stage entry of deals and leads from the journal, in sequence order, without decoding the changes.
    public func stageEvents(_ body: (EntityKind, Int64, Int64, Date) throws -> Void) async throws {
        var after: Int64 = 0
        while true {
            let rows = try await sql.raw("""
                SELECT seq, entity, entity_id, stage_id, at FROM journal WHERE stage_id IS NOT NULL AND seq > \(bind: after)
                ORDER BY seq LIMIT 50000
                """).all()
            guard let last = rows.last else { return }
            for row in rows {
                guard let kind = EntityKind(rawValue: try row.decode(column: "entity", as: String.self)) else { continue }
                try body(kind, try row.decode(column: "entity_id", as: Int64.self), try row.decode(column: "stage_id", as: Int64.self),
                         try row.decode(column: "at", as: Date.self))
            }
            after = try last.decode(column: "seq", as: Int64.self)
        }
    }
}
