import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

@Suite("Cohort anomalies and year over year")
struct CohortAnomalyTests {
    /// `n` leads received on the 5th of the month, `won` of them won 5 days later.
    static func cohort(_ f: inout Fixture, _ next: inout Int64, year: Int, month: Int, leads n: Int, won: Int) {
        for i in 0..<n {
            let at = Fixture.date(year, month, 5)
            if i < won { f.wonLead(next, at: at, afterDays: 5) } else { f.lead(next, at: at) }
            next += 1
        }
    }

    @Test("42 % → 2 % on 50 leads each is flagged; the steady cohorts are not")
    func collapse() {
        // setup: January–June 2023 at 21 of 50 (42 %), July at 1 of 50 (2 %)
        var f = Fixture()
        var id: Int64 = 1
        for month in 1...6 { Self.cohort(&f, &id, year: 2023, month: month, leads: 50, won: 21) }
        Self.cohort(&f, &id, year: 2023, month: 7, leads: 50, won: 1)
        // action
        let report = Metrics.cohortAnomalies(f.snapshot(), asOf: Fixture.date(2024, 6, 30), maturityDays: 30)
        // check: July against 126 of 300 (42 %): every expected cell ≥ 5, so the z-test; p ≈ 1e-6 < 0.01, effect 0.40.
        // January against 106 of 300 (35.3 %): z ≈ 0.91, p ≈ 0.36.
        #expect(report.flagged == ["2023-07"])
        let july = report.cohorts.first { $0.cohort == "2023-07" }!
        #expect(july.baselineLeads == 300 && july.baselineWon == 126 && july.baselineConversion == 0.42 && july.difference == -0.4)
        #expect(july.test.test == "z" && july.test.pValue < 1e-5)
        let january = report.cohorts.first { $0.cohort == "2023-01" }!
        #expect(!january.flagged && january.test.pValue > 0.3 && january.test.pValue < 0.4)
    }

    @Test("42 % → 38 % on a few dozen leads is not flagged")
    func noise() {
        // setup: 15 of 36 (41.7 %), then 14 of 37 (37.8 %)
        var f = Fixture()
        var id: Int64 = 1
        Self.cohort(&f, &id, year: 2023, month: 1, leads: 36, won: 15)
        Self.cohort(&f, &id, year: 2023, month: 2, leads: 37, won: 14)
        // action
        let report = Metrics.cohortAnomalies(f.snapshot(), asOf: Fixture.date(2024, 6, 30), maturityDays: 30)
        // check
        #expect(report.flagged.isEmpty)
        #expect(report.cohorts.allSatisfy { $0.test.pValue > 0.5 })
    }

    @Test("Year over year: the same month a year earlier")
    func yearOverYear() {
        // setup: March 2023 at 21 of 50, March 2024 at 1 of 50; April 2023 only
        var f = Fixture()
        var id: Int64 = 1
        Self.cohort(&f, &id, year: 2023, month: 3, leads: 50, won: 21)
        Self.cohort(&f, &id, year: 2023, month: 4, leads: 10, won: 4)
        Self.cohort(&f, &id, year: 2024, month: 3, leads: 50, won: 1)
        // action
        let report = Metrics.cohortAnomalies(f.snapshot(), asOf: Fixture.date(2024, 12, 31), maturityDays: 30)
        // check
        #expect(report.yearOverYear.count == 1)
        let yoy = report.yearOverYear[0]
        #expect(yoy.cohort == "2024-03" && yoy.previous == "2023-03" && yoy.conversion == 0.02 && yoy.previousConversion == 0.42)
        #expect(yoy.flagged && yoy.difference == -0.4)
    }

    @Test("Small counts use Fisher's exact test; a single mature cohort has no baseline")
    func fisherAndSingle() {
        // setup
        var f = Fixture()
        var id: Int64 = 1
        Self.cohort(&f, &id, year: 2023, month: 1, leads: 8, won: 6)
        Self.cohort(&f, &id, year: 2023, month: 2, leads: 8, won: 1)
        var one = Fixture()
        var id1: Int64 = 1
        Self.cohort(&one, &id1, year: 2023, month: 1, leads: 8, won: 6)
        // action
        let report = Metrics.cohortAnomalies(f.snapshot(), asOf: Fixture.date(2024, 6, 30), maturityDays: 30)
        let single = Metrics.cohortAnomalies(one.snapshot(), asOf: Fixture.date(2024, 6, 30), maturityDays: 30)
        let empty = Metrics.cohortAnomalies(Snapshot(), asOf: Fixture.date(2024, 6, 30))
        // check: [[6, 2], [1, 7]]: two-sided Fisher p = 0.040559 (≥ 0.01: not flagged despite the large effect)
        #expect(report.cohorts[0].test.test == "fisher")
        #expect(abs(report.cohorts[0].test.pValue - 0.040559) < 1e-6)
        #expect(report.flagged.isEmpty)
        #expect(single.cohorts.count == 1 && single.cohorts[0].baselineConversion == nil && !single.cohorts[0].flagged)
        #expect(empty.cohorts.isEmpty && empty.yearOverYear.isEmpty)
    }
}
