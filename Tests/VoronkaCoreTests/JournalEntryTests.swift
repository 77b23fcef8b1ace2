import Foundation
import Testing
@testable import VoronkaCore

@Suite("Journal entries")
struct JournalEntryTests {
    @Test("A diff lists only changed fields, never the update time")
    func diff() {
        // setup
        var old = Deal(title: "A", companyID: 1, pipelineID: 2, stageID: 6, amount: 100).record
        old["updated_at"] = .time(Date(timeIntervalSince1970: 1))
        var new = old
        new["amount"] = .int(200)
        new["updated_at"] = .time(Date(timeIntervalSince1970: 2))
        // action
        let changes = JournalEntry.diff(old, new, fields: Deal.fields)
        // check
        #expect(changes == [FieldChange(field: "amount", old: .int(100), new: .int(200))])
    }

    @Test("Stage visits follow the journal's stage changes; repeats of the same stage are one visit")
    func visits() {
        // setup
        func entry(_ seq: Int64, _ day: Double, _ stage: Int64?) -> JournalEntry {
            JournalEntry(seq: seq, at: Date(timeIntervalSince1970: day * 86_400), actorID: 1, entity: .deal, entityID: 9,
                         action: seq == 1 ? .create : .stage,
                         changes: stage.map { [FieldChange(field: "stage_id", old: .null, new: .int($0))] } ?? [FieldChange(field: "title", old: .null, new: .text("x"))])
        }
        let entries = [entry(1, 0, 6), entry(2, 3, nil), entry(3, 5, 7), entry(4, 6, 7), entry(5, 10, 8)]
        // action
        let visits = JournalEntry.stageHistory(entries)
        // check
        #expect(visits.map(\.stageID) == [6, 7, 8])
        #expect(visits.map { $0.leftAt.map { Int($0.timeIntervalSince1970 / 86_400) } } == [5, 10, nil])
    }

    @Test("A record without stage entries has no visits")
    func empty() {
        #expect(JournalEntry.stageHistory([]).isEmpty)
    }
}
