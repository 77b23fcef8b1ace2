import Foundation

/// What a journal entry records.
public enum JournalAction: String, Sendable, Codable, CaseIterable {
    case create, update, delete
    /// A deal or lead moved to another stage.
    case stage
    /// A record written or changed by an import.
    case `import`
}

/// One field's value before and after a change.
public struct FieldChange: Hashable, Sendable {
    public let field: String
    public let old: FieldValue
    public let new: FieldValue

    public init(field: String, old: FieldValue, new: FieldValue) {
        self.field = field; self.old = old; self.new = new
    }
}

/// An append-only record of one change; `seq` orders every entry of the installation.
public struct JournalEntry: Hashable, Sendable {
    public let seq: Int64
    public let at: Date
    public let actorID: Int64?
    public let entity: EntityKind
    public let entityID: Int64
    public let action: JournalAction
    public let changes: [FieldChange]

    public init(seq: Int64, at: Date, actorID: Int64?, entity: EntityKind, entityID: Int64, action: JournalAction, changes: [FieldChange]) {
        self.seq = seq; self.at = at; self.actorID = actorID; self.entity = entity; self.entityID = entityID
        self.action = action; self.changes = changes
    }

    /// The field changes between two states of a record, in field order; unchanged fields are left out.
    public static func diff(_ old: Record, _ new: Record, fields: [FieldSpec]) -> [FieldChange] {
        fields.compactMap { f in
            guard f.name != "updated_at", f.name != "created_at", old[f.name] != new[f.name] else { return nil }
            return FieldChange(field: f.name, old: old[f.name], new: new[f.name])
        }
    }

    /// The new value of a field if this entry changed it.
    public func newValue(of field: String) -> FieldValue? { changes.first { $0.field == field }?.new }
}

/// A deal's (or lead's) time in one stage, derived from the journal.
public struct StageVisit: Hashable, Sendable {
    public let stageID: Int64
    public let enteredAt: Date
    public let leftAt: Date?
    public let actorID: Int64?
}

extension JournalEntry {
    /// The stage visits of one record from its journal entries (in `seq` order).
    public static func stageHistory(_ entries: [JournalEntry]) -> [StageVisit] {
        var visits: [StageVisit] = []
        var current: (stage: Int64, at: Date, actor: Int64?)?
        for entry in entries.sorted(by: { ($0.at, $0.seq) < ($1.at, $1.seq) }) {
            guard case .int(let stage)? = entry.newValue(of: "stage_id") else { continue }
            if let c = current {
                if c.stage == stage { continue }
                visits.append(StageVisit(stageID: c.stage, enteredAt: c.at, leftAt: entry.at, actorID: c.actor))
            }
            current = (stage, entry.at, entry.actorID)
        }
        if let c = current { visits.append(StageVisit(stageID: c.stage, enteredAt: c.at, leftAt: nil, actorID: c.actor)) }
        return visits
    }
}
