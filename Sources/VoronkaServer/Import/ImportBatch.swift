import Foundation
import VoronkaCore
import VoronkaImport
import VoronkaStore

/// What one batch wrote.
struct BatchOutcome: Sendable {
    var ids: [Int64]
    var tally = ImportResult.Tally()
    var entries = 0
    var problems: [ImportMessage] = []
}

/// One batch of an import written in a transaction of the store: the import's own logic (keys, fingerprints, the
/// journal entries of a record's history) over the store's bulk operations.
enum ImportBatch {
    /// Writes one batch of records of a kind: new ones in bulk with their creation and history journaled at their
    /// own times, changed ones as journaled updates (history after what an earlier import took, then the fields),
    /// unchanged ones not at all; remembers every key. Returns the record id of every row, in order.
    static func upsert(_ tx: StoreTransaction, _ kind: EntityKind, keyKind: String, _ items: [PendingRecord], system: String) async throws -> BatchOutcome {
        var out = BatchOutcome(ids: [Int64](repeating: 0, count: items.count))
        guard !items.isEmpty else { return out }
        let keys = try await tx.importKeys(system: system, kind: keyKind, sourceIDs: items.map(\.sourceID))
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
            let first = try await tx.reserveIDs(kind, count: fresh.count)
            var rows: [[FieldValue]] = []
            var entries: [JournalEntry] = []
            rows.reserveCapacity(fresh.count)
            entries.reserveCapacity(fresh.count * 2)
            let specs = kind.fields
            let index = kind.fieldIndexes
            let idField = index["id"], createdField = index["created_at"], updatedField = index["updated_at"]
            for (n, i) in fresh.enumerated() {
                let item = items[i]
                let id = first + Int64(n)
                out.ids[i] = id
                var values = item.initial
                if let idField { values[idField] = .int(id) }
                if let createdField { values[createdField] = .time(item.createdAt) }
                var created: [FieldChange] = []
                for k in specs.indices where k != createdField && k != updatedField && !values[k].isNull {
                    created.append(FieldChange(field: specs[k].name, old: .null, new: values[k]))
                }
                entries.append(JournalEntry(seq: 0, at: item.createdAt, actorID: tx.actor, entity: kind, entityID: id, action: .create, changes: created))
                var updated = item.createdAt
                for step in item.steps {
                    var changes: [FieldChange] = []
                    for (field, value) in step.values {
                        guard let k = index[field], values[k] != value else { continue }
                        changes.append(FieldChange(field: field, old: values[k], new: value))
                        values[k] = value
                    }
                    guard !changes.isEmpty else { continue }
                    entries.append(JournalEntry(seq: 0, at: step.at, actorID: tx.actor, entity: kind, entityID: id,
                                                action: .of(changes), changes: changes))
                    updated = max(updated, step.at)
                }
                if let updatedField { values[updatedField] = .time(updated) }
                rows.append(values)
                saved.append(ImportKey(kind: keyKind, sourceID: item.sourceID, entityID: id, fingerprint: item.fingerprint, historyAt: item.historyAt))
            }
            try await tx.bulkInsert(kind, values: rows)
            try await tx.appendJournal(entries)
            out.tally.created += fresh.count
            out.entries += entries.count
        }
        if !changed.isEmpty {
            let existing = Dictionary(try await tx.records(kind, ids: changed.map(\.id)).map { ($0.int("id") ?? 0, $0) }, uniquingKeysWith: { a, _ in a })
            for (i, id, key) in changed {
                let item = items[i]
                guard var current = existing[id] else {
                    out.tally.skipped += 1
                    out.problems.append(ImportMessage("{0} {1}: its record {2} was deleted in Voronka; left deleted", .kind(keyKind), .text(item.sourceID), .text(String(id))))
                    continue
                }
                if key != nil {
                    let taken = key?.historyAt ?? .distantPast
                    for step in item.steps where step.at > taken {
                        var next = current
                        for (field, value) in step.values { next[field] = value }
                        let written = try await tx.update(kind, from: current, to: next, action: .update, at: step.at)
                        if written != current { out.entries += 1 }
                        current = written
                    }
                }
                let final = item.finalRecord
                var target = current
                for field in item.fields where key != nil || current[field].isNull { target[field] = final[field] }
                let written = try await tx.update(kind, from: current, to: target, action: .import)
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
        try await tx.saveImportKeys(system: system, saved + aliases)
        return out
    }
}
