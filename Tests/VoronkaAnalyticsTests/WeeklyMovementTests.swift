import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

@Suite("Weekly movement")
struct WeeklyMovementTests {
    @Test("A week's new leads, deals created, won and lost against the four weeks before, worked out by hand")
    func counts() {
        // setup: the week is days 28..<35; the four weeks before are days 0..<28
        var f = Fixture()
        f.lead(1, at: Fixture.at(29))                 // this week
        f.lead(2, at: Fixture.at(30))                 // this week
        f.lead(3, at: Fixture.at(10))                 // before
        f.lead(4, at: Fixture.at(36))                 // after the week: not counted
        f.deal(10, created: Fixture.at(28.5), path: [(11, Fixture.at(33))])   // created and won this week
        f.deal(11, created: Fixture.at(5), path: [(12, Fixture.at(31))])      // lost this week
        f.deal(12, created: Fixture.at(5), path: [(11, Fixture.at(20))])      // won before
        f.deal(13, created: Fixture.at(6), path: [(11, Fixture.at(21))])      // won before
        f.deal(14, created: Fixture.at(7), path: [(12, Fixture.at(22))])      // lost before
        f.deal(15, created: Fixture.at(8), owner: 7)                           // another owner, open
        // action
        let all = Metrics.weeklyMovement(f.snapshot(), start: Fixture.at(28))
        let rep7 = Metrics.weeklyMovement(f.snapshot(), AnalyticsFilter(team: [7]), start: Fixture.at(28))
        // check
        #expect(all.week == MovementCounts(newLeads: 2, dealsCreated: 1, won: 1, lost: 1))
        #expect(all.previousFourWeeks == MovementCounts(newLeads: 1, dealsCreated: 5, won: 2, lost: 1))
        #expect(all.previousAverage["deals_created"] == 1.3 && all.previousAverage["won"] == 0.5)
        #expect(all.conversion == 0.5 && all.previousConversion == Round.share(2.0 / 3))
        #expect(all.flagged == false, "two deals are no evidence")
        #expect(all.weekStart == "2024-01-29" && all.weekEnd == "2024-02-04")
        #expect(rep7.week == MovementCounts(newLeads: 0, dealsCreated: 0, won: 0, lost: 0) && rep7.previousFourWeeks.dealsCreated == 1)
        #expect(rep7.conversion == nil && rep7.test == nil)
    }
}
