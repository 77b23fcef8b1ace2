import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

@Suite("Velocity, forecast and calibration")
struct MoneyMetricTests {
    @Test("Sales velocity overall, per owner and by month, hand-worked")
    func velocity() {
        // setup: as of day 400 the history window is (day 35, day 400].
        // W1 (owner 6) created 100, won 130, 1 000.00; W2 (owner 7) created 200, won 260, 3 000.00;
        // L1 (owner 6) created 150, lost 170; L2 created 10, lost 20 (before the window); open O1 (6), O2, O3 (7).
        var f = Fixture()
        f.deal(1, created: Fixture.at(100), path: [(11, Fixture.at(130))], amount: 100_000, owner: 6)
        f.deal(2, created: Fixture.at(200), path: [(11, Fixture.at(260))], amount: 300_000, owner: 7)
        f.deal(3, created: Fixture.at(150), path: [(12, Fixture.at(170))], owner: 6)
        f.deal(4, created: Fixture.at(10), path: [(12, Fixture.at(20))], owner: 6)
        f.deal(5, created: Fixture.at(300), owner: 6)
        f.deal(6, created: Fixture.at(350), owner: 7)
        f.deal(7, created: Fixture.at(390), owner: 7)
        // action
        let report = Metrics.velocity(f.snapshot(), asOf: Fixture.at(400))
        // check: 3 open × 2/3 × 2 000 ÷ 45 days = 88.89 per day
        #expect(report.overall.openDeals == 3 && report.overall.wonDeals == 2 && report.overall.lostDeals == 1)
        #expect(report.overall.winRate == 0.666667 && report.overall.averageWonAmount == 2000 && report.overall.averageCycleDays == 45)
        #expect(report.overall.perDay == 88.89)
        // Owner 6: 1 × 1/2 × 1 000 ÷ 30 = 16.67; owner 7: 2 × 1 × 3 000 ÷ 60 = 100.
        #expect(report.byOwner.map(\.ownerID) == [6, 7])
        #expect(report.byOwner.map(\.perDay) == [16.67, 100])
        // Trend: 12 months to February 2025 (day 400 = 2025-02-04); the last point is the as-of figure.
        #expect(report.trend.count == 12 && report.trend.last?.month == "2025-02" && report.trend.first?.month == "2024-03")
        #expect(report.trend.last?.perDay == 88.89)
        // End of June 2024 (day 182): nothing open; history W1 won, L1 and L2 lost.
        let june = report.trend.first { $0.month == "2024-06" }!
        #expect(june.openDeals == 0 && june.wonDeals == 1 && june.lostDeals == 2 && june.perDay == 0)
    }

    @Test("Velocity of nothing, and amounts in other currencies")
    func velocityEdges() {
        // setup
        var f = Fixture()
        f.deal(1, created: Fixture.at(0), path: [(11, Fixture.at(10))], amount: 10_000, currency: "USD")
        f.deal(2, created: Fixture.at(0), path: [(11, Fixture.at(20))], amount: 10_000, currency: "GBP")
        f.deal(3, created: Fixture.at(5))
        // action
        let empty = Metrics.velocity(Snapshot(), asOf: Fixture.at(30))
        let mixed = Metrics.velocity(f.snapshot(), asOf: Fixture.at(30))
        // check: 100 USD = 9 000 RUB; the GBP deal counts as a win but not in the average amount
        #expect(empty.overall.perDay == nil && empty.overall.openDeals == 0 && empty.byOwner.isEmpty)
        #expect(mixed.overall.averageWonAmount == 9000 && mixed.unconvertedDeals == 1 && mixed.overall.wonDeals == 2)
    }

    /// History: H1 6→7→won, H2 6→7→lost, H3 6→7→8→lost (all by day 30). Open on 2024-03-15 (day 74):
    /// A stage 7, 1 000 RUB, closes 2024-04-10; B stage 9, 100 USD, override 80 %, closes 2024-04-20;
    /// C stage 10, 2 000 RUB, no date; D stage 8, 500 RUB, was due 2024-02-01; E postponed.
    static func forecastFixture() -> Fixture {
        var f = Fixture()
        f.deal(1, created: Fixture.at(0), path: [(7, Fixture.at(5)), (11, Fixture.at(20))])
        f.deal(2, created: Fixture.at(0), path: [(7, Fixture.at(5)), (12, Fixture.at(20))])
        f.deal(3, created: Fixture.at(0), path: [(7, Fixture.at(5)), (8, Fixture.at(10)), (12, Fixture.at(30))])
        f.deal(4, created: Fixture.at(40), path: [(7, Fixture.at(41))], amount: 100_000, expectedClose: Day("2024-04-10"))
        f.deal(5, created: Fixture.at(40), path: [(9, Fixture.at(41))], amount: 10_000, currency: "USD",
               expectedClose: Day("2024-04-20"), override: 80)
        f.deal(6, created: Fixture.at(40), path: [(10, Fixture.at(41))], amount: 200_000)
        f.deal(7, created: Fixture.at(40), path: [(8, Fixture.at(41))], amount: 50_000, expectedClose: Day("2024-02-01"))
        f.deal(8, created: Fixture.at(40), path: [(13, Fixture.at(41))], amount: 50_000)
        return f
    }

    @Test("Weighted pipeline by month: configured and learned probabilities, hand-worked")
    func forecast() {
        // setup
        let snapshot = Self.forecastFixture().snapshot()
        // action
        let report = Metrics.forecast(snapshot, asOf: Fixture.date(2024, 3, 15))
        // check: learned: stage 7 1 of 3 won, stage 8 0 of 1, stages 9 and 10 no history (configured).
        // April: A 1 000 × 0.1 = 100 and B 9 000 × 0.8 = 7 200 → 7 300; learned 1 000 / 3 + 9 000 × 0.5 = 4 833.33.
        // Overdue: D 500 × 0.4 = 200, learned 0. Unscheduled: C 2 000 × 0.85 = 1 700 either way.
        #expect(report.months.map(\.month) == ["overdue", "2024-04", "unscheduled"])
        #expect(report.months.map(\.amount) == [500, 10_000, 2_000])
        #expect(report.months.map(\.weightedConfigured) == [200, 7_300, 1_700])
        #expect(report.months.map(\.weightedLearned) == [0, 4_833.33, 1_700])
        #expect(report.total.deals == 4 && report.total.weightedConfigured == 9_200 && report.total.weightedLearned == 6_533.33)
        #expect(report.postponedDeals == 1)
        let seven = report.stages.first { $0.stageID == 7 }!
        #expect(seven.closedDeals == 3 && seven.wonDeals == 1 && seven.learned == 0.333333 && seven.configured == 0.1)
        #expect(report.stages.first { $0.stageID == 9 }!.learned == nil)
        #expect(Metrics.forecast(Snapshot(), asOf: Fixture.at(0)).months.isEmpty)
    }

    @Test("Calibration: Brier score and reliability table, configured vs learned (leave-one-out)")
    func calibration() {
        // setup
        let snapshot = Self.forecastFixture().snapshot()
        // action
        let report = Metrics.calibration(snapshot, asOf: Fixture.date(2024, 3, 15))
        // check: predictions H1: 6, 7 (won); H2: 6, 7; H3: 6, 7, 8 (lost) → 7 from 3 deals.
        // Configured: (0 − 1)² + (0.1 − 1)² + 0.1² + 0.1² + 0.4² = 1.99 → 1.99 / 7 = 0.284286.
        // Learned: stages 6 and 7 leave-one-out: won deal 0/2 → 1; lost ones 1/2 → 0.25 each; stage 8 alone → 0.4.
        // (1 + 0.25 + 0.25) × 2 + 0.16 = 3.16 → 0.451429.
        #expect(report.predictions == 7 && report.deals == 3)
        #expect(report.configured.brier == 0.284286 && report.learned.brier == 0.451429)
        let bins = report.configured.bins
        #expect(bins[0].predictions == 3 && bins[0].meanPredicted == 0 && bins[0].observedWinShare == 0.333333)
        #expect(bins[1].predictions == 3 && bins[1].meanPredicted == 0.1)
        #expect(bins[4].predictions == 1 && bins[4].observedWinShare == 0)
        #expect(report.learned.bins[0].predictions == 2 && report.learned.bins[5].predictions == 4)
        let empty = Metrics.calibration(Snapshot(), asOf: Fixture.at(0))
        #expect(empty.predictions == 0 && empty.configured.brier == nil)
    }
}
