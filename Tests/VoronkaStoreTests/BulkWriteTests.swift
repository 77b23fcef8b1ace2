import Foundation
import Testing
import VoronkaCore
import VoronkaStore
import VoronkaTestDatabase

/// The bulk paths (multi-row statements with flat binds, NULL as a literal on PostgreSQL) store exactly what the
/// one-row paths store.
@Suite("Bulk writes")
struct BulkWriteTests {
    private static func deal(_ id: Int64, title: String, owner: Int64?) -> Record {
        var r = Deal(id: id, title: title, companyID: 3, contactIDs: [4, 5], ownerID: owner, pipelineID: 2, stageID: 6, amount: 150_000_050,
                     tags: ["tender", "сталь"], custom: ["steam_tph": 5.5, "note": "a \"b\""]).record
        r["expected_close"] = .day(Day(year: 2025, month: 2, day: 28)!)
        r["stage_entered_at"] = .time(Date(timeIntervalSince1970: 1_700_000_123.25))
        r["need_described"] = .bool(true)
        return r
    }

    @Test("Records inserted in bulk read back as inserted one by one, nulls and every value type included", arguments: TestDatabase.backends)
    func bulkRecordsReadBack(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup: rows with different nulls in one statement, and more rows than one statement takes
            let rows = (1...2500).map { (i: Int) -> BulkRow in
                let owner: Int64? = i % 3 == 0 ? nil : Int64(i % 7)
                let record = Self.deal(Int64(i), title: "Котёл \(i)\n\"БМК\"", owner: owner)
                return BulkRow(kind: .deal, record: record, createdAt: t0.addingTimeInterval(Double(i)), updatedAt: t0.addingTimeInterval(Double(i) + 0.25))
            }
            let single = Self.deal(0, title: "Котёл 1\n\"БМК\"", owner: 1)
            // action
            try await store.write(actor: nil) { tx in try await tx.bulkInsert(rows) }
            try await store.syncIDSequences()
            let inserted = try await store.write(actor: nil, at: t0.addingTimeInterval(1)) { tx in try await tx.insert(.deal, single) }
            // check
            let stored = try await store.all(.deal)
            #expect(stored.count == 2501)
            for row in [rows[0], rows[2], rows[2499]] {
                var expected = row.record
                expected["created_at"] = .time(row.createdAt)
                expected["updated_at"] = .time(row.updatedAt)
                let fetched = try #require(try await store.fetch(.deal, row.record.int("id")!))
                for field in Deal.fields {
                    #expect(fetched[field.name] == expected[field.name], "\(field.name) of deal \(row.record.int("id")!)")
                }
            }
            let one = try #require(try await store.fetch(.deal, inserted.int("id")!))
            let bulk = try #require(try await store.fetch(.deal, 1))
            for field in Deal.fields where !["id", "updated_at"].contains(field.name) {
                #expect(one[field.name] == bulk[field.name], "\(field.name): one by one and in bulk")
            }
        }
    }

    @Test("Journal entries appended in bulk store their changes as [{f, n, o}] text and read back equal", arguments: TestDatabase.backends)
    func bulkJournal(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            let record = Self.deal(7, title: "Tab\there", owner: nil)
            let create = JournalEntry(seq: 0, at: t0, actorID: nil, entity: .deal, entityID: 7, action: .create,
                                      changes: JournalEntry.diff(Record(), record, fields: Deal.fields))
            let move = JournalEntry(seq: 0, at: t0.addingTimeInterval(86_400.5), actorID: 3, entity: .deal, entityID: 7, action: .stage, changes: [
                FieldChange(field: "stage_id", old: .int(6), new: .int(8)),
                FieldChange(field: "closed_at", old: .null, new: .time(t0.addingTimeInterval(86_400.5))),
                FieldChange(field: "amount", old: .int(150_000_050), new: .int(99)),
                FieldChange(field: "lost_reason", old: .text("price"), new: .null),
            ])
            let entries = [create, move] + (0..<3100).map { i in
                JournalEntry(seq: 0, at: t0, actorID: Int64(i % 2), entity: .company, entityID: Int64(i), action: .update,
                             changes: [FieldChange(field: "name", old: .text("A\(i)"), new: .text("B\(i)"))])
            }
            let seq = try await store.lastJournalSeq()
            // action
            try await store.write(actor: nil, origin: "import") { tx in try await tx.appendJournal(entries) }
            // check: the stored text, as the JSON values the journal always wrote
            var exported: [JournalExportRow] = []
            try await store.exportJournal { page in exported += page.filter { $0.seq > seq } }
            #expect(exported.count == entries.count)
            let types = Dictionary(Deal.fields.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
            for (row, entry) in zip(exported.prefix(2), entries) {
                let reference = JSONValue.array(entry.changes.map { c in
                    var object: [String: JSONValue] = ["f": .string(c.field), "n": c.new.json(as: types[c.field] ?? .text)]
                    if !c.old.isNull { object["o"] = c.old.json(as: types[c.field] ?? .text) }
                    return .object(object)
                }).jsonText
                #expect(row.changes == reference)
                #expect(row.stageID == (entry.action == .stage ? 8 : 6) && row.actorID == entry.actorID && row.origin == "import")
            }
            // check: and they read back as the entries appended
            let read = try await store.journal(of: .deal, 7)
            #expect(read.map(\.changes) == [create.changes, move.changes])
            #expect(read.map(\.at) == [create.at, move.at])
            #expect(zip(exported.dropFirst(2), entries.dropFirst(2)).allSatisfy { $0.entityID == $1.entityID && $0.actorID == $1.actorID })
        }
    }

    @Test("Import keys are saved, replaced and read back, with and without a history time", arguments: TestDatabase.backends)
    func importKeys(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            let keys = (0..<6000).map { (i: Int) -> ImportKey in
                let historyAt: Date? = i % 2 == 0 ? nil : t0.addingTimeInterval(Double(i) + 0.5)
                return ImportKey(kind: "deal", sourceID: "006B\(i)", entityID: Int64(i + 1), fingerprint: "fp\(i)", historyAt: historyAt)
            }
            let changed = ImportKey(kind: "deal", sourceID: "006B1", entityID: 99, fingerprint: "changed", historyAt: nil)
            // action
            try await store.write(actor: nil) { tx in try await tx.saveImportKeys(system: "sf", keys) }
            try await store.write(actor: nil) { tx in try await tx.saveImportKeys(system: "sf", [changed]) }
            let read = try await store.write(actor: nil) { tx in
                try await tx.importKeys(system: "sf", kind: "deal", sourceIDs: keys.map(\.sourceID) + ["missing"])
            }
            let other = try await store.write(actor: nil) { tx in try await tx.importKeys(system: "other", kind: "deal", sourceIDs: ["006B0"]) }
            // check
            #expect(read.count == keys.count && other.isEmpty)
            #expect(read["006B1"] == changed)
            for key in keys where key.sourceID != "006B1" { #expect(read[key.sourceID] == key) }
        }
    }
}
