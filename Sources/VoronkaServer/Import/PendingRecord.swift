import Foundation
import VoronkaCore

/// A record an import would write, built from one imported row and keyed by the row's id in the source system.
/// Values are kept by field position (the order of `kind.fields`): looking fields up by name cost more than the
/// rest of an import's work on a record.
struct PendingRecord: Sendable {
    var sourceID: String
    var kind: EntityKind
    /// The record as it was first created (no id), a value for each of `kind.fields` …
    var initial: [FieldValue]
    /// … and the changes that followed, at their times (a deal's stage history).
    var steps: [Step] = []
    var createdAt: Date
    /// An existing record this row matches although no import of this system wrote it (a company by tax id):
    /// it is linked and only its empty fields are filled.
    var matchedID: Int64?
    /// Other source ids that name the same record (a contact by company and name as well as by its own id).
    var aliases: [String] = []
    private(set) var fingerprint = ""
    static let alias = "alias"

    struct Step: Sendable {
        var at: Date
        /// Fields of the record's kind, with their new values.
        var values: [(String, FieldValue)]
    }

    /// `createdAt` nil: the row has no date, and the record is created now (a rerun's "now" must not read as a change).
    init(sourceID: String, initial: RecordValues, steps: [Step] = [], createdAt: Date?, now: Date, matchedID: Int64? = nil) {
        let kind = initial.kind
        let specs = kind.fields
        self.sourceID = sourceID; self.kind = kind; self.steps = steps; self.createdAt = createdAt ?? now; self.matchedID = matchedID
        var values = initial.values
        for k in values.indices where values[k].isNull { values[k] = specs[k].defaultValue }
        self.initial = values
        var print = Fingerprint()
        var writer = JSONWriter(capacity: 1024)
        Record.write(final, fields: specs, to: &writer)
        print.add(writer.bytes)
        print.add(createdAt.map { String($0.timeIntervalSince1970) } ?? "-")
        for step in steps {
            print.add(String(step.at.timeIntervalSince1970))
            for (field, value) in step.values {
                print.add(field)
                writer.clear()
                writer.value(value, as: .text)
                print.add(writer.bytes)
            }
        }
        fingerprint = print.value
    }

    /// The values after every step, by field position.
    var final: [FieldValue] {
        guard !steps.isEmpty else { return initial }
        var values = initial
        let index = kind.fieldIndexes
        for step in steps {
            for (field, value) in step.values { if let k = index[field] { values[k] = value } }
        }
        return values
    }

    /// The record after every step.
    var finalRecord: Record {
        Record(Dictionary(zip(kind.fields.map(\.name), final), uniquingKeysWith: { a, _ in a }))
    }

    /// A field's value after every step.
    func finalValue(_ name: String) -> FieldValue {
        for step in steps.reversed() {
            for (field, value) in step.values.reversed() where field == name { return value }
        }
        return kind.fieldIndex(name).map { initial[$0] } ?? .null
    }

    /// The fields the import owns: a changed re-import overwrites these and keeps the others.
    var fields: [String] {
        zip(kind.fields.map(\.name), initial).compactMap { name, value in
            let owned = !["id", "created_at", "updated_at", "deleted_at"].contains(name)
                && (!value.isNull || steps.contains { $0.values.contains { $0.0 == name } })
            return owned ? name : nil
        }
    }

    var historyAt: Date? { steps.last?.at }
}

/// A record being built for an import: a value for each field of its kind, set by field name.
struct RecordValues: Sendable {
    let kind: EntityKind
    private let index: [String: Int]
    private(set) var values: [FieldValue]

    init(_ kind: EntityKind) {
        self.kind = kind
        index = kind.fieldIndexes
        values = Array(repeating: .null, count: kind.fields.count)
    }

    /// A field's value; names that are not fields of the kind read as null and are not kept.
    subscript(_ name: String) -> FieldValue {
        get { index[name].map { values[$0] } ?? .null }
        set { if let k = index[name] { values[k] = newValue } }
    }
}
