import Foundation
import SQLKit
import VoronkaCore

/// What one reconciliation changed.
public struct NudgeChanges: Sendable, Equatable {
    /// Nudges stored for the first time.
    public var created: [Int64] = []
    /// Open or snoozed nudges closed because their record no longer matches the rule.
    public var resolved: [Int64] = []
    /// Snoozed nudges whose time came, open again.
    public var woke: [Int64] = []
    /// Keys found already stored (in any state): the caller may skip them next time.
    public var known: [String] = []

    public init() {}
}

/// A page of nudges and the cursor of the next one.
public struct NudgePage: Sendable {
    public var nudges: [Nudge]
    /// "urgency:id" of the last nudge when more follow.
    public var nextCursor: String?
}

/// What a list of nudges is narrowed to.
public struct NudgeFilter: Sendable, Hashable {
    public var userID: Int64?
    /// Several people's (a manager's team), when `userID` is nil.
    public var userIDs: Set<Int64>?
    public var states: [NudgeState]
    public var rule: NudgeRule?
    public var entity: EntityKind?
    public var entityID: Int64?

    public init(userID: Int64? = nil, states: [NudgeState] = [.open], rule: NudgeRule? = nil, entity: EntityKind? = nil, entityID: Int64? = nil) {
        self.userID = userID; self.states = states; self.rule = rule; self.entity = entity; self.entityID = entityID
    }
}

extension StoreReader {
    static let nudgeColumns = """
        id, key, rule, entity, entity_id, user_id, level, state, due_at, snoozed_until, urgency, reason_en, reason_ru, note, \
        created_at, updated_at, closed_at
        """

    /// The WHERE clause of a filter (and a cursor), or "" for none; the list and its count read the same rows.
    static func nudgeWhere(_ filter: NudgeFilter, after: (urgency: Int64, id: Int64)? = nil) -> SQLQueryString {
        var conditions: [SQLQueryString] = []
        if let user = filter.userID { conditions.append("user_id = \(bind: user)") } else if let users = filter.userIDs {
            conditions.append(users.isEmpty ? "1 = 0" : "user_id IN (\(SQLList(users.sorted().map { SQLBind($0) })))")
        }
        if !filter.states.isEmpty { conditions.append("state IN (\(SQLList(filter.states.map { SQLBind($0.rawValue) })))") }
        if let rule = filter.rule { conditions.append("rule = \(bind: rule.rawValue)") }
        if let entity = filter.entity { conditions.append("entity = \(bind: entity.rawValue)") }
        if let id = filter.entityID { conditions.append("entity_id = \(bind: id)") }
        if let after { conditions.append("(urgency < \(bind: after.urgency) OR (urgency = \(bind: after.urgency) AND id < \(bind: after.id)))") }
        guard let first = conditions.first else { return "" }
        return " WHERE " + conditions.dropFirst().reduce(first) { $0 + " AND " + $1 }
    }

    /// Nudges matching the filter, the most urgent first (urgency, then the newest), `limit` at a time after `after`.
    public func nudges(_ filter: NudgeFilter, after: (urgency: Int64, id: Int64)? = nil, limit: Int) async throws -> NudgePage {
        let query: SQLQueryString = "SELECT \(unsafeRaw: Self.nudgeColumns) FROM nudges" + Self.nudgeWhere(filter, after: after)
            + " ORDER BY urgency DESC, id DESC LIMIT \(bind: limit + 1)"
        var nudges = try await sql.raw(query).all().map(Self.nudge)
        var next: String?
        if nudges.count > limit {
            nudges.removeLast()
            next = nudges.last.map { "\($0.urgency):\($0.id)" }
        }
        return NudgePage(nudges: nudges, nextCursor: next)
    }

    /// How many nudges match (the bell's count, a list's total).
    public func nudgeCount(_ filter: NudgeFilter) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM nudges" + Self.nudgeWhere(filter)).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
    }

    /// One nudge by id.
    public func nudge(id: Int64) async throws -> Nudge? {
        try await sql.raw("SELECT \(unsafeRaw: Self.nudgeColumns) FROM nudges WHERE id = \(bind: id)").first().map(Self.nudge)
    }

    static func nudge(_ row: any SQLRow) throws -> Nudge {
        Nudge(id: try row.decode(column: "id", as: Int64.self), key: try row.decode(column: "key", as: String.self),
              rule: NudgeRule(rawValue: try row.decode(column: "rule", as: String.self)) ?? .stalled,
              entity: EntityKind(rawValue: try row.decode(column: "entity", as: String.self)) ?? .deal,
              entityID: try row.decode(column: "entity_id", as: Int64.self), userID: try row.decode(column: "user_id", as: Int64.self),
              level: try row.decode(column: "level", as: Int.self),
              state: NudgeState(rawValue: try row.decode(column: "state", as: String.self)) ?? .open,
              dueAt: try row.decode(column: "due_at", as: Date.self), snoozedUntil: try row.decode(column: "snoozed_until", as: Date?.self),
              urgency: try row.decode(column: "urgency", as: Int64.self),
              reason: BilingualText(en: try row.decode(column: "reason_en", as: String.self), ru: try row.decode(column: "reason_ru", as: String.self)),
              note: try row.decode(column: "note", as: String?.self), createdAt: try row.decode(column: "created_at", as: Date.self),
              updatedAt: try row.decode(column: "updated_at", as: Date.self), closedAt: try row.decode(column: "closed_at", as: Date?.self))
    }
}

extension StoreTransaction {
    /// Makes the stored nudges agree with what is due now: stores each new candidate once (a key already stored, in
    /// any state, is left as it is: a dismissed nudge stays dismissed for its period), closes the open and snoozed
    /// ones of the scope that are no longer due (their record was acted on) and opens snoozed ones whose time came.
    /// `skip`: keys the caller knows are stored. On PostgreSQL one evaluation runs at a time across servers.
    /// `records`: the records of a one-record evaluation (kind and ids), whose live nudges alone are looked at; nil for
    /// a whole evaluation.
    public func reconcileNudges(_ candidates: [NudgeCandidate], inScope: @Sendable (EntityKind, Int64) -> Bool,
                                records: [EntityKind: Set<Int64>]? = nil, skip: Set<String> = []) async throws -> NudgeChanges {
        if backend == .postgres {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: JournalCodec.advisoryLockKey + 1))").run()
        }
        try await lockJournal()
        var changes = NudgeChanges()
        let due = Dictionary(candidates.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var live: [any SQLRow] = []
        if let records {
            for (kind, ids) in records.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where !ids.isEmpty {
                live += try await sql.raw("""
                    SELECT id, key, entity, entity_id, state, snoozed_until FROM nudges WHERE entity = \(bind: kind.rawValue)
                    AND entity_id IN (\(SQLList(ids.sorted().map { SQLBind($0) }))) AND state IN ('open', 'snoozed')
                    """).all()
            }
        } else {
            live = try await sql.raw("""
                SELECT id, key, entity, entity_id, state, snoozed_until FROM nudges WHERE state IN ('open', 'snoozed')
                """).all()
        }
        var liveKeys = Set<String>()
        for row in live {
            let id = try row.decode(column: "id", as: Int64.self), key = try row.decode(column: "key", as: String.self)
            let entity = EntityKind(rawValue: try row.decode(column: "entity", as: String.self)) ?? .deal
            let entityID = try row.decode(column: "entity_id", as: Int64.self)
            let state = try row.decode(column: "state", as: String.self)
            liveKeys.insert(key)
            if due[key] == nil {
                guard inScope(entity, entityID) else { continue }
                try await sql.raw("""
                    UPDATE nudges SET state = 'done', note = \(bind: Nudge.resolvedNote), closed_at = \(RowCoding.bind(.time(now))),
                    updated_at = \(RowCoding.bind(.time(now))) WHERE id = \(bind: id)
                    """).run()
                try await journal(.nudge, id, .update, changes: [FieldChange(field: "state", old: .text(state), new: .text("done")),
                                                                 FieldChange(field: "note", old: .null, new: .text(Nudge.resolvedNote))], at: now)
                changes.resolved.append(id)
            } else if state == NudgeState.snoozed.rawValue, let until = try row.decode(column: "snoozed_until", as: Date?.self), until <= now {
                try await sql.raw("""
                    UPDATE nudges SET state = 'open', snoozed_until = NULL, updated_at = \(RowCoding.bind(.time(now))) WHERE id = \(bind: id)
                    """).run()
                try await journal(.nudge, id, .update, changes: [FieldChange(field: "state", old: .text(state), new: .text("open"))], at: now)
                changes.woke.append(id)
            }
        }
        let fresh = candidates.filter { !liveKeys.contains($0.key) && !skip.contains($0.key) }
        var start = 0
        while start < fresh.count {
            let batch = fresh[start..<min(start + 200, fresh.count)]
            start += batch.count
            let rows: [SQLQueryString] = batch.map { c in
                """
                (\(bind: c.key), \(bind: c.rule.rawValue), \(bind: c.entity.rawValue), \(bind: c.entityID), \(bind: c.userID), \
                \(bind: c.level), 'open', \(RowCoding.bind(.time(c.dueAt))), \(bind: c.urgency), \(bind: c.reason.en), \(bind: c.reason.ru), \
                \(RowCoding.bind(.time(now))), \(RowCoding.bind(.time(now))))
                """
            }
            let values = rows.dropFirst().reduce(rows[rows.startIndex]) { $0 + ", " + $1 }
            let made = try await sql.raw("""
                INSERT INTO nudges (key, rule, entity, entity_id, user_id, level, state, due_at, urgency, reason_en, reason_ru,
                created_at, updated_at) VALUES \(values) ON CONFLICT (key) DO NOTHING RETURNING id, key
                """).all()
            var madeKeys = Set<String>()
            for row in made {
                let id = try row.decode(column: "id", as: Int64.self), key = try row.decode(column: "key", as: String.self)
                madeKeys.insert(key)
                changes.created.append(id)
                guard let c = due[key] else { continue }
                try await journal(.nudge, id, .create, changes: [
                    FieldChange(field: "rule", old: .null, new: .text(c.rule.rawValue)),
                    FieldChange(field: "entity", old: .null, new: .text(c.entity.rawValue)),
                    FieldChange(field: "entity_id", old: .null, new: .int(c.entityID)),
                    FieldChange(field: "user_id", old: .null, new: .int(c.userID)),
                    FieldChange(field: "state", old: .null, new: .text("open")),
                ], at: now)
            }
            changes.known += batch.map(\.key).filter { !madeKeys.contains($0) }
        }
        return changes
    }

    /// Changes a nudge's state (done, snoozed until a time, dismissed with a note), journaled. Nil when there is none.
    public func setNudgeState(id: Int64, _ state: NudgeState, snoozedUntil: Date? = nil, note: String? = nil) async throws -> Nudge? {
        guard let old = try await nudge(id: id) else { return nil }
        let closed: FieldValue = state == .done || state == .dismissed ? .time(now) : .null
        try await sql.raw("""
            UPDATE nudges SET state = \(bind: state.rawValue), snoozed_until = \(RowCoding.bind(snoozedUntil.map(FieldValue.time) ?? .null)),
            note = \(RowCoding.bind(note.map(FieldValue.text) ?? .null)), closed_at = \(RowCoding.bind(closed)),
            updated_at = \(RowCoding.bind(.time(now))) WHERE id = \(bind: id)
            """).run()
        var fields = [FieldChange(field: "state", old: .text(old.state.rawValue), new: .text(state.rawValue))]
        if old.snoozedUntil != snoozedUntil {
            fields.append(FieldChange(field: "snoozed_until", old: old.snoozedUntil.map(FieldValue.time) ?? .null,
                                      new: snoozedUntil.map(FieldValue.time) ?? .null))
        }
        if old.note != note { fields.append(FieldChange(field: "note", old: old.note.map(FieldValue.text) ?? .null, new: note.map(FieldValue.text) ?? .null)) }
        try await lockJournal()
        try await journal(.nudge, id, .update, changes: fields, at: now)
        return try await nudge(id: id)
    }
}
