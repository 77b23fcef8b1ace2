import Foundation
import VoronkaCore
import VoronkaStore

/// A record an import would write, built from one imported row and keyed by the row's id in the source system.
struct PendingRecord: Sendable {
    var sourceID: String
    /// The record as it was first created (no id) …
    var initial: Record
    /// … and the changes that followed, at their times (a deal's stage history).
    var steps: [Step] = []
    var createdAt: Date
    var kind: EntityKind
    /// An existing record this row matches although no import of this system wrote it (a company by tax id):
    /// it is linked and only its empty fields are filled.
    var matchedID: Int64?
    /// Other source ids that name the same record (a contact by company and name as well as by its own id).
    var aliases: [String] = []
    private(set) var fingerprint = ""
    static let alias = "alias"

    struct Step: Sendable {
        var at: Date
        var values: [(String, FieldValue)]
    }

    /// `createdAt` nil: the row has no date, and the record is created now (a rerun's "now" must not read as a change).
    init(sourceID: String, initial: Record, steps: [Step] = [], createdAt: Date?, now: Date, kind: EntityKind, matchedID: Int64? = nil) {
        var initial = initial
        let specs = kind.fields
        for spec in specs where !spec.defaultValue.isNull && initial[spec.name].isNull { initial[spec.name] = spec.defaultValue }
        self.sourceID = sourceID; self.initial = initial; self.steps = steps; self.createdAt = createdAt ?? now; self.kind = kind
        self.matchedID = matchedID
        var print = Fingerprint()
        var writer = JSONWriter(capacity: 1024)
        (steps.isEmpty ? initial : final).write(fields: specs, to: &writer)
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

    /// The fields the import owns: a changed re-import overwrites these and keeps the others.
    var fields: [String] {
        kind.fields.map(\.name).filter { name in
            !["id", "created_at", "updated_at", "deleted_at"].contains(name)
                && (!initial[name].isNull || steps.contains { $0.values.contains { $0.0 == name } })
        }
    }

    /// A field's value after every step.
    func finalValue(_ name: String) -> FieldValue {
        for step in steps.reversed() {
            for (field, value) in step.values.reversed() where field == name { return value }
        }
        return initial[name]
    }

    /// The record after every step.
    var final: Record {
        var r = initial
        for step in steps { for (field, value) in step.values { r[field] = value } }
        return r
    }

    var historyAt: Date? { steps.last?.at }
}

/// What one batch wrote.
struct BatchOutcome: Sendable {
    var ids: [Int64]
    var tally = ImportResult.Tally()
    var entries = 0
    var problems: [String] = []
}

extension StoreTransaction {
    /// Writes one batch of records of a kind: new ones in bulk with their creation and history journaled at their
    /// own times, changed ones as journaled updates (history after what an earlier import took, then the fields),
    /// unchanged ones not at all; remembers every key. Returns the record id of every row, in order.
    func upsertImported(_ kind: EntityKind, keyKind: String, _ items: [PendingRecord], system: String) async throws -> BatchOutcome {
        var out = BatchOutcome(ids: [Int64](repeating: 0, count: items.count))
        guard !items.isEmpty else { return out }
        let keys = try await importKeys(system: system, kind: keyKind, sourceIDs: items.map(\.sourceID))
        var fresh: [Int] = []
        var changed: [(index: Int, id: Int64, key: ImportKey?)] = []
        for (i, item) in items.enumerated() {
            if let key = keys[item.sourceID] {
                out.ids[i] = key.entityID
                // An alias (a contact also known by company and name) links; the row it came from owns the record.
                if key.fingerprint == item.fingerprint || key.fingerprint == PendingRecord.alias { out.tally.unchanged += 1 } else { changed.append((i, key.entityID, key)) }
            } else if let id = item.matchedID {
                out.ids[i] = id
                changed.append((i, id, nil))
            } else {
                fresh.append(i)
            }
        }
        var saved: [ImportKey] = []
        if !fresh.isEmpty {
            let first = try await reserveIDs(kind, count: fresh.count)
            var rows: [DemoRow] = []
            var entries: [JournalEntry] = []
            rows.reserveCapacity(fresh.count)
            entries.reserveCapacity(fresh.count * 2)
            let fields = kind.fields
            for (n, i) in fresh.enumerated() {
                let item = items[i]
                let id = first + Int64(n)
                out.ids[i] = id
                var record = item.initial
                record["id"] = .int(id)
                record["created_at"] = .time(item.createdAt)
                entries.append(JournalEntry(seq: 0, at: item.createdAt, actorID: actor, entity: kind, entityID: id, action: .create,
                                            changes: JournalEntry.diff(Record(), record, fields: fields).filter { $0.field != "updated_at" }))
                var updated = item.createdAt
                for step in item.steps {
                    var changes: [FieldChange] = []
                    for (field, value) in step.values where record[field] != value {
                        changes.append(FieldChange(field: field, old: record[field], new: value))
                        record[field] = value
                    }
                    guard !changes.isEmpty else { continue }
                    entries.append(JournalEntry(seq: 0, at: step.at, actorID: actor, entity: kind, entityID: id,
                                                action: changes.contains { $0.field == "stage_id" } ? .stage : .update, changes: changes))
                    updated = max(updated, step.at)
                }
                rows.append(DemoRow(kind: kind, record: record, createdAt: item.createdAt, updatedAt: updated))
                saved.append(ImportKey(kind: keyKind, sourceID: item.sourceID, entityID: id, fingerprint: item.fingerprint, historyAt: item.historyAt))
            }
            try await bulkInsert(rows)
            try await appendJournal(entries)
            out.tally.created += fresh.count
            out.entries += entries.count
        }
        if !changed.isEmpty {
            let existing = Dictionary(try await records(kind, ids: changed.map(\.id)).map { ($0.int("id") ?? 0, $0) }, uniquingKeysWith: { a, _ in a })
            for (i, id, key) in changed {
                let item = items[i]
                guard var current = existing[id] else {
                    out.tally.skipped += 1
                    out.problems.append("\(keyKind) \(item.sourceID): its record \(id) was deleted in Voronka; left deleted")
                    continue
                }
                if key != nil {
                    let taken = key?.historyAt ?? .distantPast
                    for step in item.steps where step.at > taken {
                        var next = current
                        for (field, value) in step.values { next[field] = value }
                        let written = try await update(kind, from: current, to: next, action: .update, at: step.at)
                        if written != current { out.entries += 1 }
                        current = written
                    }
                }
                let final = item.final
                var target = current
                for field in item.fields where key != nil || current[field].isNull { target[field] = final[field] }
                let written = try await update(kind, from: current, to: target, action: .import)
                if written != current { out.entries += 1 }
                out.tally.updated += 1
                let historyAt = [item.historyAt, key?.historyAt].compactMap { $0 }.max()
                saved.append(ImportKey(kind: keyKind, sourceID: item.sourceID, entityID: id, fingerprint: item.fingerprint, historyAt: historyAt))
            }
        }
        var aliases: [ImportKey] = []
        for (i, item) in items.enumerated() where !item.aliases.isEmpty && out.ids[i] != 0 {
            for alias in item.aliases where keys[alias] == nil {
                aliases.append(ImportKey(kind: keyKind, sourceID: alias, entityID: out.ids[i], fingerprint: PendingRecord.alias))
            }
        }
        try await saveImportKeys(system: system, saved + aliases)
        return out
    }
}
