import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

@Suite("Stage conversion, time in stage, stalled deals")
struct StageTests {
    @Test("Stage-to-stage conversion and drop-off, hand-worked")
    func conversion() {
        // setup: D1 6→7→8→won (skips 9, 10); D2 6→7→lost; D3 6→8, open; D4 6→postponed; D5 6→lost
        var f = Fixture()
        f.deal(1, created: Fixture.at(0), path: [(7, Fixture.at(1)), (8, Fixture.at(2)), (11, Fixture.at(3))])
        f.deal(2, created: Fixture.at(0), path: [(7, Fixture.at(1)), (12, Fixture.at(2))])
        f.deal(3, created: Fixture.at(0), path: [(8, Fixture.at(1))])
        f.deal(4, created: Fixture.at(0), path: [(13, Fixture.at(1))])
        f.deal(5, created: Fixture.at(0), path: [(12, Fixture.at(1))])
        // action
        let report = Metrics.stageConversion(f.snapshot(), asOf: Fixture.at(10))
        // check: reached 5, 3, 2, 1, 1, won 1
        #expect(report.pipelines.count == 1)
        let steps = report.pipelines[0].steps
        #expect(report.pipelines[0].pipelineID == 2 && report.pipelines[0].deals == 5)
        #expect(steps.map(\.stageID) == [6, 7, 8, 9, 10, nil])
        #expect(steps.map(\.reached) == [5, 3, 2, 1, 1, 1])
        #expect(steps.map(\.lostHere) == [1, 1, 0, 0, 0, 0])
        #expect(steps.map(\.stillHere) == [1, 0, 1, 0, 0, 0])
        #expect(steps.map(\.conversion) == [0.6, 0.666667, 0.5, 1, 1, nil])
        #expect(steps.map(\.decidedConversion) == [0.75, 0.666667, 1, 1, 1, nil])
        #expect(steps[0].dropOff == 0.4)
    }

    @Test("As of an earlier date, later moves are not seen; empty snapshot has no funnels")
    func asOfAndEmpty() {
        // setup
        var f = Fixture()
        f.deal(1, created: Fixture.at(0), path: [(7, Fixture.at(1)), (8, Fixture.at(2)), (11, Fixture.at(3))])
        // action
        let early = Metrics.stageConversion(f.snapshot(), asOf: Fixture.at(1.5))
        let empty = Metrics.stageConversion(Snapshot(), asOf: Fixture.at(1.5))
        // check
        #expect(early.pipelines[0].steps.map(\.reached) == [1, 1, 0, 0, 0, 0])
        #expect(early.pipelines[0].steps[1].stillHere == 1)
        #expect(empty.pipelines.isEmpty)
    }

    /// Five deals leave stage 6 after 1, 2, 3, 4 and 10 days; deal 6 is still there (entered day 0). Five deals pass
    /// stage 8 (no expected duration) in 2, 4, 6, 8, 10 days; deals 16 and 17 have been in it 9 and 7 days at day 20.
    static func timing() -> Fixture {
        var f = Fixture()
        for (i, days) in [1.0, 2, 3, 4, 10].enumerated() { f.deal(Int64(1 + i), created: Fixture.at(0), path: [(7, Fixture.at(days))]) }
        f.deal(6, created: Fixture.at(0))
        for (i, days) in [2.0, 4, 6, 8, 10].enumerated() {
            f.deal(Int64(10 + i), created: Fixture.at(0), path: [(8, Fixture.at(1)), (9, Fixture.at(1 + days))])
        }
        f.deal(16, created: Fixture.at(0), path: [(8, Fixture.at(11))])
        f.deal(17, created: Fixture.at(0), path: [(8, Fixture.at(13))])
        f.deal(18, created: Fixture.at(0), path: [(13, Fixture.at(1))])
        return f
    }

    @Test("Median, 80th and 95th percentile by nearest rank; open visits are not measured")
    func timeInStage() {
        // setup
        let snapshot = Self.timing().snapshot()
        // action
        let report = Metrics.timeInStage(snapshot, asOf: Fixture.at(20))
        let six = report.stages.first { $0.stageID == 6 }!
        // check: stage 6: deals 1–5 left after 1, 2, 3, 4, 10 days; deals 10–14, 18 after 1 day; 16 after 11, 17 after 13.
        // 13 ended visits sorted: 1×7, 2, 3, 4, 10, 11, 13: median rank 7 → 1; p80 rank 11 → 10; p95 rank 13 → 13.
        #expect(six.closedVisits == 13 && six.openVisits == 1)
        #expect(six.medianDays == 1 && six.p80Days == 10 && six.p95Days == 13 && six.expectedDays == 14)
        let eight = report.stages.first { $0.stageID == 8 }!
        // Stage 8: 2, 4, 6, 8, 10 → median rank 3 → 6, p80 rank 4 → 8, p95 rank 5 → 10; deals 16, 17 still there.
        #expect(eight.closedVisits == 5 && eight.openVisits == 2)
        #expect(eight.medianDays == 6 && eight.p80Days == 8 && eight.p95Days == 10 && eight.expectedDays == nil)
        #expect(Metrics.timeInStage(Snapshot(), asOf: Fixture.at(20)).stages.isEmpty)
    }

    @Test("Stalled: past the expected duration, or past the 80th percentile when none is set; postponed deals wait")
    func stalled() {
        // setup
        let snapshot = Self.timing().snapshot()
        // action
        let report = Metrics.stalledDeals(snapshot, asOf: Fixture.at(20))
        // check: deal 6 in stage 6 for 20 days > 14 (expected); deal 16 in stage 8 for 9 days > 8 (p80); deal 17: 7 days, no.
        // Most overdue first: 20 / 14 = 1.43 before 9 / 8 = 1.125.
        #expect(report.count == 2)
        #expect(report.deals.map(\.dealID) == [6, 16])
        #expect(report.deals.map(\.basis) == ["expected_days", "p80"])
        #expect(report.deals[1].limitDays == 8 && report.deals[1].daysInStage == 9 && report.deals[1].enteredOn == "2024-01-12")
        #expect(Metrics.stalledDeals(Snapshot(), asOf: Fixture.at(20)).count == 0)
    }

    /// The timing fixture (owner 6) and owner 7's deals 30, 31 (stage 6 since day 0), 32 (stage 8 since day 5) and 33
    /// (stage 8 since day 19).
    static func twoOwners() -> Fixture {
        var f = timing()
        f.deal(30, created: Fixture.at(0), owner: 7)
        f.deal(31, created: Fixture.at(0), owner: 7)
        f.deal(32, created: Fixture.at(0), path: [(8, Fixture.at(5))], owner: 7)
        f.deal(33, created: Fixture.at(0), path: [(8, Fixture.at(19))], owner: 7)
        return f
    }

    @Test("Stalled by owner counts every stalled deal, however short the list, the most first")
    func stalledByOwner() {
        // setup: the timing fixture's stalled deals 6 and 16 are owner 6's; owner 7 gets three (two in stage 6 past its
        // 14 days, one in stage 8 past its 80th percentile of 8 days), and one that is not stalled (1 day in stage 8)
        let f = Self.twoOwners()
        // action
        let report = Metrics.stalledDeals(f.snapshot(), asOf: Fixture.at(20), limit: 1)
        // check
        #expect(report.count == 5 && report.deals.count == 1)
        #expect(report.byOwner == [StalledOwner(ownerID: 7, count: 3), StalledOwner(ownerID: 6, count: 2)])
    }

    @Test("The stalled list in each order: most overdue, most days, by stage, grouped by the owner with the most")
    func stalledOrders() {
        // setup: as above, plus deal 34 (owner 7) in stage 8 since day 2 and deal 35 (owner 6) in stage 6 since day 5.
        // At day 20, days and over the limit: 6, 30, 31: 20 d, 20/14 = 1.43; 34: 18 d, 18/8 = 2.25; 32: 15 d, 15/8 = 1.875;
        // 35: 15 d, 15/14 = 1.07; 16: 9 d, 9/8 = 1.125. Owner 7 has four (30, 31, 32, 34), owner 6 three (6, 16, 35).
        var f = Self.twoOwners()
        f.deal(34, created: Fixture.at(0), path: [(8, Fixture.at(2))], owner: 7)
        f.deal(35, created: Fixture.at(5))
        let snapshot = f.snapshot()
        // action
        func order(_ o: StalledOrder, limit: Int = 10) -> [Int64] {
            Metrics.stalledDeals(snapshot, asOf: Fixture.at(20), limit: limit, order: o).deals.map(\.dealID)
        }
        // check: ties by deal id
        #expect(order(.overdue) == [34, 32, 6, 30, 31, 16, 35])
        #expect(order(.days) == [6, 30, 31, 34, 32, 35, 16])
        #expect(order(.stage) == [6, 30, 31, 35, 34, 32, 16])
        #expect(order(.owner) == [34, 32, 30, 31, 6, 16, 35])
        // A short list is the head of the same order, and the count stays the whole
        #expect(order(.owner, limit: 2) == [34, 32] && order(.days, limit: 2) == [6, 30])
        #expect(Metrics.stalledDeals(snapshot, asOf: Fixture.at(20), limit: 2, order: .stage).count == 7)
    }
}

@Suite("Data quality")
struct DataQualityTests {
    @Test("Times that contradict each other are counted and listed, the furthest off first; consistent records are not")
    func contradictions() {
        // setup: lead 40's deal was won 2 days before the lead arrived (and closed a day before it was created);
        // deal 50 closed 2 days before it was created; lead 60 was answered half a day before it arrived; lead 70 is fine.
        var f = Fixture()
        f.wonLead(40, at: Fixture.at(10), afterDays: -2)
        f.deal(50, created: Fixture.at(5), path: [(11, Fixture.at(3))])
        _ = f.lead(60, at: Fixture.at(10), responded: Fixture.at(9.5))
        f.wonLead(70, at: Fixture.at(10), afterDays: 30)
        // action
        let report = Metrics.dataQuality(f.snapshot(), asOf: Fixture.at(60))
        let early = Metrics.dataQuality(f.snapshot(), asOf: Fixture.at(9))
        // check
        #expect(report.wonBeforeReceived == 1 && report.closedBeforeCreated == 2 && report.answeredBeforeReceived == 1 && report.total == 4)
        #expect(report.issues.map(\.kind) == ["won_before_received", "closed_before_created", "closed_before_created", "answered_before_received"])
        #expect(report.issues.map(\.daysEarly) == [2, 2, 1, 0.5])
        #expect(report.issues[0].leadID == 40 && report.issues[0].dealID == 40 && report.issues[1].dealID == 50)
        // As of day 9 the leads (day 10) have not arrived; deals 40 (created day 9) and 50 exist.
        #expect(early.closedBeforeCreated == 2 && early.wonBeforeReceived == 0 && early.answeredBeforeReceived == 0, "\(early)")
        #expect(Metrics.dataQuality(Snapshot(), asOf: Fixture.at(60)).total == 0)
    }
}
