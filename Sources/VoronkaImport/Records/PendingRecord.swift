import Foundation
import VoronkaCore

/// A record an import would write, built from one imported row and keyed by the row's id in the source system.
/// Values are kept by field position (the order of `kind.fields`): looking fields up by name cost more than the
/// rest of an import's work on a record.
public struct PendingRecord: Sendable {
    public var sourceID: String
    public var kind: EntityKind
    /// The record as it was first created (no id), a value for each of `kind.fields` …
    public var initial: [FieldValue]
    /// … and the changes that followed, at their times (a deal's stage history).
    public var steps: [Step] = []
    public var createdAt: Date
    /// An existing record this row matches although no import of this system wrote it (a company by tax id):
    /// it is linked and only its empty fields are filled.
    public var matchedID: Int64?
    /// Other source ids that name the same record (a contact by company and name as well as by its own id).
    public var aliases: [String] = []
    public private(set) var fingerprint = ""
    public static let alias = "alias"

    public struct Step: Sendable {
        public var at: Date
        /// Fields of the record's kind, with their new values.
        public var values: [(String, FieldValue)]
    }

    /// `createdAt` nil: the row has no date, and the record is created now (a rerun's "now" must not read as a change).
    public init(sourceID: String, initial: RecordValues, steps: [Step] = [], createdAt: Date?, now: Date, matchedID: Int64? = nil) {
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
    public var final: [FieldValue] {
        guard !steps.isEmpty else { return initial }
        var values = initial
        let index = kind.fieldIndexes
        for step in steps {
            for (field, value) in step.values { if let k = index[field] { values[k] = value } }
        }
        return values
    }

    /// The record after every step.
    public var finalRecord: Record {
        Record(Dictionary(zip(kind.fields.map(\.name), final), uniquingKeysWith: { a, _ in a }))
    }

    /// A field's value after every step.
    public func finalValue(_ name: String) -> FieldValue {
        for step in steps.reversed() {
            for (field, value) in step.values.reversed() where field == name { return value }
        }
        return kind.fieldIndex(name).map { initial[$0] } ?? .null
    }

    /// The fields the import owns: a changed re-import overwrites these and keeps the others.
    public var fields: [String] {
        zip(kind.fields.map(\.name), initial).compactMap { name, value in
            let owned = !["id", "created_at", "updated_at", "deleted_at"].contains(name)
                && (!value.isNull || steps.contains { $0.values.contains { $0.0 == name } })
            return owned ? name : nil
        }
    }

    public var historyAt: Date? { steps.last?.at }
}

/// A record being built for an import: a value for each field of its kind, set by field name.
public struct RecordValues: Sendable {
    public let kind: EntityKind
    private let index: [String: Int]
    public private(set) var values: [FieldValue]

    public init(_ kind: EntityKind) {
        self.kind = kind
        index = kind.fieldIndexes
        values = Array(repeating: .null, count: kind.fields.count)
    }

    /// A field's value; names that are not fields of the kind read as null and are not kept.
    public subscript(_ name: String) -> FieldValue {
        get { index[name].map { values[$0] } ?? .null }
        set { if let k = index[name] { values[k] = newValue } }
    }
}
