import Foundation
import Testing
import VoronkaCore
import VoronkaStore
import VoronkaTestDatabase

@Suite("Journal")
struct JournalTests {
    @Test("Create, update and delete each write one entry with the changed fields", arguments: TestDatabase.backends)
    func journaledWrites(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            let before = try await store.lastJournalSeq()
            // action
            let created = try await store.write(actor: nil, at: t0) { tx in try await tx.insert(.company, company("Acme", taxID: "7701234567")) }
            let id = created.int("id")!
            let changed = { var r = created; r["name"] = .text("Acme Steam"); r["headcount"] = .int(250); return r }()
            try await store.write(actor: nil, at: t0.addingTimeInterval(60)) { tx in
                let old = try await tx.fetch(.company, id)!
                try await tx.update(.company, from: old, to: changed)
                try await tx.update(.company, from: changed, to: changed) // no change, no entry
            }
            try await store.write(actor: nil, at: t0.addingTimeInterval(120)) { tx in
                try await tx.softDelete(.company, try await tx.fetch(.company, id)!)
            }
            // check
            let entries = try await store.journal(of: .company, id)
            #expect(entries.map(\.action) == [.create, .update, .delete])
            #expect(entries.allSatisfy { $0.seq > before })
            #expect(entries[0].newValue(of: "tax_id") == .text("7701234567"))
            #expect(Set(entries[1].changes.map(\.field)) == ["name", "headcount"])
            #expect(entries[1].changes.first { $0.field == "name" }?.old == .text("Acme"))
            #expect(entries[2].changes.map(\.field) == ["deleted_at"])
            #expect(try await store.fetch(.company, id) == nil)
            #expect(try await store.fetch(.company, id, includeDeleted: true)?.text("name") == "Acme Steam")
        }
    }

    @Test("A failed transaction leaves neither the record nor its entry", arguments: TestDatabase.backends)
    func rollback(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            struct Boom: Error {}
            let seq = try await store.lastJournalSeq()
            // action
            await #expect(throws: Boom.self) {
                try await store.write(actor: nil) { tx in
                    try await tx.insert(.company, company("Half"))
                    throw Boom()
                }
            }
            // check
            #expect(try await store.count(.company, includeDeleted: true) == 0)
            #expect(try await store.lastJournalSeq() == seq)
        }
    }

    @Test("Tailing after a sequence number returns later entries in order", arguments: TestDatabase.backends)
    func tail(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            let start = try await store.lastJournalSeq()
            for i in 0..<5 {
                try await store.write(actor: nil) { tx in try await tx.insert(.company, company("C\(i)")) }
            }
            // action
            let firstTwo = try await store.journal(after: start, limit: 2)
            let rest = try await store.journal(after: firstTwo.last!.seq)
            // check
            #expect(firstTwo.count == 2)
            #expect(rest.count == 3)
            let seqs = (firstTwo + rest).map(\.seq)
            #expect(seqs == seqs.sorted())
            #expect(Set(seqs).count == 5)
        }
    }

    @Test("Stage history is derived from the journal", arguments: TestDatabase.backends)
    func stageHistory(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            let stages = try await store.all(.stage).map(Stage.init(record:)).filter { $0.pipelineID == 2 }.sorted { $0.position < $1.position }
            let c = try await store.write(actor: nil) { tx in try await tx.insert(.company, company("Buyer")) }
            let deal = { var r = Deal(title: "Boiler", companyID: c.int("id")!, pipelineID: 2, stageID: stages[0].id).record; r["id"] = .null; return r }()
            // action
            let d = try await store.write(actor: nil, at: t0) { tx in try await tx.insert(.deal, deal) }
            for (i, stage) in stages[1...2].enumerated() {
                try await store.write(actor: nil, at: t0.addingTimeInterval(Double(i + 1) * 86_400)) { tx in
                    let old = try await tx.fetch(.deal, d.int("id")!)!
                    var new = old
                    new["stage_id"] = .int(stage.id)
                    try await tx.update(.deal, from: old, to: new)
                }
            }
            // check
            let entries = try await store.journal(of: .deal, d.int("id")!)
            #expect(entries.map(\.action) == [.create, .stage, .stage])
            let visits = JournalEntry.stageHistory(entries)
            #expect(visits.map(\.stageID) == stages[0...2].map(\.id))
            #expect(visits[0].leftAt == t0.addingTimeInterval(86_400))
            #expect(visits[2].leftAt == nil)
        }
    }
}
