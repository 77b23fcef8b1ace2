import Foundation
import VoronkaCore

/// One generated record's life: created in some state, then changed; every step writes the journal entry the live
/// system would have written, so that the final record is the creation replayed with its changes.
struct DemoHistory {
    let kind: EntityKind
    let id: Int64
    let actor: Int64?
    let createdAt: Double
    private(set) var record: Record
    private(set) var updatedAt: Double
    /// The layout the record was built in, when it was (fields are then set by position).
    var layout: RecordLayout?

    /// Creates the record at `at` (seconds since 1970) and journals the creation.
    init(_ kind: EntityKind, _ record: Record, at: Double, actor: Int64?, journal: inout [JournalEntry]) {
        self.init(kind, record, at: at, actor: actor, changes: DemoHistory.creationChanges(kind, record), journal: &journal)
    }

    init(_ kind: EntityKind, _ record: Record, at: Double, actor: Int64?, changes: [FieldChange], journal: inout [JournalEntry]) {
        self.kind = kind
        self.id = record.int("id") ?? 0
        self.actor = actor
        self.record = record
        createdAt = at
        updatedAt = at
        journal.append(JournalEntry(seq: 0, at: Date(timeIntervalSince1970: at), actorID: actor, entity: kind, entityID: id,
                                    action: .create, changes: changes))
    }

    /// Sets fields at `at` and journals the ones that changed, in field order (a stage move when `stage_id` changes).
    mutating func change(at: Double, _ values: [(String, FieldValue)], journal: inout [JournalEntry]) {
        var changes: [FieldChange] = []
        changes.reserveCapacity(values.count)
        var last = -1, inOrder = true
        for (field, value) in values {
            let old: FieldValue
            let position: Int
            if let layout, let place = layout.slot(field) {
                old = record.values.values[place.slot]
                if old != value { record.values.values[place.slot] = value }
                position = place.position
            } else {
                old = record.values.updateValue(value, forKey: field) ?? .null
                position = DemoHistory.order(kind).index(field)
            }
            if old != value {
                changes.append(FieldChange(field: field, old: old, new: value))
                if position < last { inOrder = false }
                last = position
            }
        }
        guard !changes.isEmpty else { return }
        if !inOrder {
            let order = DemoHistory.order(kind)
            let positions = changes.map { order.index($0.field) }
            changes = positions.indices.sorted { positions[$0] < positions[$1] }.map { changes[$0] }
        }
        journal.append(JournalEntry(seq: 0, at: Date(timeIntervalSince1970: at), actorID: actor, entity: kind, entityID: id,
                                    action: .of(changes), changes: changes))
        updatedAt = at
    }

    /// Moves the deal to `stage` at `at` with `values` besides, setting its times by `StageEntry`'s rule.
    mutating func enter(_ stage: Stage, at: Double, _ values: [(String, FieldValue)] = [], journal: inout [JournalEntry]) {
        let closedAt = field("closed_at").flatMap { if case .time(let t) = $0 { t } else { nil } }
        let times = StageEntry.times(entering: stage.kind, at: DemoTime.date(at), closedAt: closedAt)
        var all: [(String, FieldValue)] = [("stage_id", .int(stage.id))] + values
        all.append(("stage_entered_at", .time(times.enteredAt)))
        all.append(("closed_at", times.closedAt.map(FieldValue.time) ?? .null))
        change(at: at, all, journal: &journal)
    }

    /// A field's current value.
    func field(_ name: String) -> FieldValue? {
        if let layout, let place = layout.slot(name) { return record.values.values[place.slot] }
        return record.values[name]
    }

    var row: BulkRow {
        BulkRow(kind: kind, record: record, createdAt: Date(timeIntervalSince1970: createdAt), updatedAt: Date(timeIntervalSince1970: updatedAt))
    }

    /// `JournalEntry.diff(Record(), record, fields: kind.fields)`.
    static func creationChanges(_ kind: EntityKind, _ record: Record) -> [FieldChange] {
        kind.fields.compactMap { f in
            guard f.name != "created_at", f.name != "updated_at", let value = record.values[f.name], !value.isNull else { return nil }
            return FieldChange(field: f.name, old: .null, new: value)
        }
    }

    static func order(_ kind: EntityKind) -> FieldOrder { orders[kind] ?? FieldOrder(kind.fields.map(\.name)) }

    private static let orders: [EntityKind: FieldOrder] = Dictionary(uniqueKeysWithValues: EntityKind.allCases.map {
        ($0, FieldOrder($0.fields.map(\.name)))
    })
}

/// The positions of an entity's fields, found by a cheap signature of the name (its length and outer bytes) rather than
/// by hashing it: the journal orders every change, and that is most of the demo's work.
struct FieldOrder: Sendable {
    private let signatures: [UInt64]
    private let names: [String]
    private let unique: Bool
    let createdAt: Int
    let updatedAt: Int
    var count: Int { names.count }

    init(_ names: [String]) {
        self.names = names
        signatures = names.map(FieldOrder.signature)
        unique = Set(signatures).count == signatures.count
        createdAt = names.firstIndex(of: "created_at") ?? names.count
        updatedAt = names.firstIndex(of: "updated_at") ?? names.count
    }

    /// The field's position, or `count` when it is not a field.
    func index(_ name: String) -> Int {
        let signature = FieldOrder.signature(name)
        for i in signatures.indices where signatures[i] == signature {
            if unique || names[i] == name { return i }
        }
        return names.count
    }

    private static func signature(_ name: String) -> UInt64 {
        var head: UInt64 = 0, tail: UInt64 = 0, count: UInt64 = 0
        for b in name.utf8 {
            if count < 8 { head = head << 8 | UInt64(b) }
            tail = tail << 8 | UInt64(b)
            count += 1
        }
        return head ^ (tail &* 0x9E37_79B9_7F4A_7C15) ^ count << 56
    }
}

/// Times in seconds since 1970, rounded to whole seconds so they survive storage unchanged.
enum DemoTime {
    static let minute = 60.0
    static let hour = 3600.0
    static let day = 86_400.0

    @inline(__always)
    static func whole(_ t: Double) -> Double { t.rounded(.down) }

    static func value(_ t: Double) -> FieldValue { .time(Date(timeIntervalSince1970: t)) }

    static func date(_ t: Double) -> Date { Date(timeIntervalSince1970: t) }

    /// The UTC calendar day of an instant.
    static func dayOf(_ t: Double) -> Day { Day(daysSinceEpoch: Int((t / day).rounded(.down))) }
}
