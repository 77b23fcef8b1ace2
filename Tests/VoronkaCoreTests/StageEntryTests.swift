import Foundation
import Testing
import VoronkaCore

@Suite("Stage entry rules")
struct StageEntryTests {
    let t1 = Date(timeIntervalSince1970: 1_780_000_000)
    let t2 = Date(timeIntervalSince1970: 1_780_086_400)

    func stage(_ kind: StageKind, pipeline: Int64 = 2) -> Stage {
        Stage(id: 7, pipelineID: pipeline, name: "Этап", kind: kind, position: 1, probability: kind == .won ? 100 : 0)
    }

    @Test("A lost stage asks for the reason, a postponed one for the date; blank text is no reason")
    func requirements() {
        // setup / action
        let lostBlank = StageEntry.requirements(entering: stage(.lost), lostReason: "  \n", postponedUntil: nil)
        let lost = StageEntry.requirements(entering: stage(.lost), lostReason: "цена", postponedUntil: nil)
        let postponed = StageEntry.requirements(entering: stage(.postponed), lostReason: nil, postponedUntil: nil)
        let open = StageEntry.requirements(entering: stage(.open), lostReason: nil, postponedUntil: nil)
        // check
        #expect(lostBlank.map(\.field) == ["lost_reason"] && lostBlank.first?.code == .lostReasonRequired(stage: "Этап"))
        #expect(lost.isEmpty)
        #expect(postponed.map(\.field) == ["postponed_until"])
        #expect(open.isEmpty)
    }

    @Test("Closing keeps the first closing time, or takes the stated one, else the entry time; reopening clears it")
    func times() {
        // setup / action
        let firstClose = StageEntry.times(entering: .won, at: t2, closedAt: nil)
        let stated = StageEntry.times(entering: .lost, at: t2, closedAt: nil, closing: t1)
        let secondClosed = StageEntry.times(entering: .won, at: t2, closedAt: t1)
        let reopened = StageEntry.times(entering: .open, at: t2, closedAt: t1)
        let postponed = StageEntry.times(entering: .postponed, at: t2, closedAt: t1)
        var record = Record(["closed_at": .time(t1)])
        StageEntry.apply(entering: .open, at: t2, to: &record)
        // check
        #expect(firstClose.enteredAt == t2 && firstClose.closedAt == t2)
        #expect(stated.closedAt == t1)
        #expect(secondClosed.closedAt == t1)
        #expect(reopened.closedAt == nil && postponed.closedAt == nil)
        #expect(record["stage_entered_at"] == .time(t2) && record["closed_at"] == .null)
    }

    @Test("A stage of another pipeline, or a pipeline of the other funnel, is refused with a code")
    func placement() {
        // setup
        let deals = Pipeline(id: 2, name: "Продажи", kind: .deal)
        let leads = Pipeline(id: 1, name: "Заявки", kind: .lead)
        // action
        let elsewhere = StageEntry.placementErrors(stage: stage(.open, pipeline: 3), pipeline: deals, for: .deal)
        let otherFunnel = StageEntry.placementErrors(stage: stage(.open, pipeline: 1), pipeline: leads, for: .deal)
        let fine = StageEntry.placementErrors(stage: stage(.open), pipeline: deals, for: .deal)
        // check
        #expect(elsewhere.map(\.field) == ["stage_id"] && elsewhere.first?.reason == "stage 7 (Этап) is not a stage of pipeline 2 (Продажи)")
        #expect(otherFunnel.map(\.field) == ["pipeline_id"] && otherFunnel.first?.code == .pipelineOfOtherKind(pipeline: "Заявки", id: 1, kind: "lead", wanted: "deal"))
        #expect(fine.isEmpty)
    }

    @Test("A journal entry is a stage move exactly when the stage changed")
    func journalAction() {
        #expect(JournalAction.of([FieldChange(field: "amount", old: .int(1), new: .int(2))]) == .update)
        #expect(JournalAction.of([FieldChange(field: "amount", old: .int(1), new: .int(2)), FieldChange(field: "stage_id", old: .int(1), new: .int(2))]) == .stage)
    }
}
