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
    /// Fields of `initial` that are not fields of `kind` are left out.
    init(sourceID: String, initial: Record, steps: [Step] = [], createdAt: Date?, now: Date, kind: EntityKind, matchedID: Int64? = nil) {
        let specs = kind.fields
        self.sourceID = sourceID; self.kind = kind; self.steps = steps; self.createdAt = createdAt ?? now; self.matchedID = matchedID
        self.initial = specs.map { spec in
            let value = initial[spec.name]
            return value.isNull ? spec.defaultValue : value
        }
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
        for step in steps {
            for (field, value) in step.values { if let k = kind.fieldIndex(field) { values[k] = value } }
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
        zip(kind.fields, initial).compactMap { spec, value in
            let name = spec.name
            let owned = !["id", "created_at", "updated_at", "deleted_at"].contains(name)
                && (!value.isNull || steps.contains { $0.values.contains { $0.0 == name } })
            return owned ? name : nil
        }
    }

    var historyAt: Date? { steps.last?.at }
}
