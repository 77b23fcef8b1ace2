import Foundation

/// What the engine finds due at one evaluation: a nudge before it is stored. `key` is stable for the rule, the record,
/// the person told and the due period, so evaluating again finds the same key and stores nothing twice.
public struct NudgeCandidate: Sendable, Hashable {
    public var key: String
    public var rule: NudgeRule
    public var entity: EntityKind
    public var entityID: Int64
    /// Who is told.
    public var userID: Int64
    /// 0: the owner; 1: their manager; 2: the head of sales (escalations).
    public var level: Int
    /// When it became due.
    public var dueAt: Date
    /// Higher first in a person's list: the escalation level, then the amount at stake.
    public var urgency: Int64
    public var reason: BilingualText

    public init(key: String, rule: NudgeRule, entity: EntityKind, entityID: Int64, userID: Int64, level: Int, dueAt: Date,
                urgency: Int64, reason: BilingualText) {
        self.key = key; self.rule = rule; self.entity = entity; self.entityID = entityID; self.userID = userID; self.level = level
        self.dueAt = dueAt; self.urgency = urgency; self.reason = reason
    }

    /// The urgency of a nudge at an escalation level (0–8) with this much at stake (minor units, at most 10^14 − 1;
    /// negative counts as none): level × 10^14 + amount, so a higher level always comes first and the number stays exact
    /// in JSON.
    public static func urgency(level: Int, amount: Int64) -> Int64 {
        Int64(max(0, min(level, 8))) * 100_000_000_000_000 + min(max(amount, 0), 99_999_999_999_999)
    }
}

/// A stored nudge.
public struct Nudge: Sendable, Hashable {
    public var id: Int64
    public var key: String
    public var rule: NudgeRule
    public var entity: EntityKind
    public var entityID: Int64
    public var userID: Int64
    public var level: Int
    public var state: NudgeState
    public var dueAt: Date
    public var snoozedUntil: Date?
    public var urgency: Int64
    public var reason: BilingualText
    /// Why it was dismissed, or "resolved" when the engine closed it because its record no longer matches.
    public var note: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var closedAt: Date?

    public init(id: Int64, key: String, rule: NudgeRule, entity: EntityKind, entityID: Int64, userID: Int64, level: Int, state: NudgeState,
                dueAt: Date, snoozedUntil: Date?, urgency: Int64, reason: BilingualText, note: String?, createdAt: Date, updatedAt: Date,
                closedAt: Date?) {
        self.id = id; self.key = key; self.rule = rule; self.entity = entity; self.entityID = entityID; self.userID = userID
        self.level = level; self.state = state; self.dueAt = dueAt; self.snoozedUntil = snoozedUntil; self.urgency = urgency
        self.reason = reason; self.note = note; self.createdAt = createdAt; self.updatedAt = updatedAt; self.closedAt = closedAt
    }

    /// The fields a nudge's journal entries name, typed so that the journal reads them back as they were written.
    public static let journalFields: [FieldSpec] = [
        FieldSpec("rule", .text), FieldSpec("entity", .text), FieldSpec("entity_id", .int), FieldSpec("user_id", .id, references: .user),
        FieldSpec("state", .text), FieldSpec("snoozed_until", .timestamp), FieldSpec("note", .text),
    ]

    /// The note of a nudge the engine closed because its record was acted on.
    public static let resolvedNote = "resolved"
}
