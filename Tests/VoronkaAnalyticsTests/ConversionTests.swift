import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

@Suite("Lead → won conversion by cohort")
struct ConversionTests {
    /// January: 4 leads (5th, 10th, 15th, 20th), two won 27 and 51 days later → 2 of 4 = 0.5, "2 to 1";
    /// within a 30-day window only the first → 1. February: 3 leads, none won → "no wins of 3".
    /// December: 1 lead, younger than 30 days at 2024-12-31 → left out. Mature total 2 of 7 = 0.285714, 3.5 leads per win.
    static func fixture() -> Fixture {
        var f = Fixture()
        f.wonLead(1, at: Fixture.date(2024, 1, 5), afterDays: 27)
        f.wonLead(2, at: Fixture.date(2024, 1, 10), afterDays: 51)
        f.lead(3, at: Fixture.date(2024, 1, 15))
        f.lead(4, at: Fixture.date(2024, 1, 20))
        for (i, d) in [3, 12, 25].enumerated() { f.lead(Int64(10 + i), at: Fixture.date(2024, 2, d)) }
        f.lead(20, at: Fixture.date(2024, 12, 10))
        return f
    }

    @Test("Monthly cohorts, hand-worked")
    func monthly() {
        // setup
        let snapshot = Self.fixture().snapshot()
        // action
        let report = Metrics.conversion(snapshot, asOf: Fixture.date(2024, 12, 31), cohort: .month, maturityDays: 30)
        // check
        #expect(report.cohorts.map(\.cohort) == ["2024-01", "2024-02", "2024-12"])
        let jan = report.cohorts[0], feb = report.cohorts[1], dec = report.cohorts[2]
        #expect(jan.leads == 4 && jan.won == 2 && jan.wonWithinWindow == 1)
        #expect(jan.conversion == 0.5 && jan.conversionWithinWindow == 0.25 && jan.leadsPerWin == 2 && jan.ratio == "2 to 1")
        #expect(feb.conversion == 0 && feb.leadsPerWin == nil && feb.ratio == "no wins of 3")
        #expect(!dec.mature && dec.conversion == nil && dec.ratio == "left out: younger than 30 days")
        #expect(report.leftOut == ["2024-12"])
        #expect(report.matureLeads == 7 && report.matureWon == 2 && report.matureConversion == 0.285714)
        #expect(report.matureLeadsPerWin == 3.5)
        #expect(jan.start == "2024-01-01" && jan.end == "2024-02-01")
    }

    @Test("The default maturity window is the 80th percentile of lead → win days, else 90")
    func defaultMaturity() {
        // setup
        let snapshot = Self.fixture().snapshot()
        var none = Fixture()
        none.lead(1, at: Fixture.date(2024, 1, 5))
        // action
        let learned = Metrics.conversion(snapshot, asOf: Fixture.date(2024, 12, 31))
        let fallback = Metrics.conversion(none.snapshot(), asOf: Fixture.date(2024, 12, 31))
        // check: wins after 27 and 51 days; nearest rank ⌈0.8 · 2⌉ = 2 → 51
        #expect(learned.maturityDays == 51 && learned.maturityBasis == "p80 of 2 wins")
        #expect(fallback.maturityDays == 90 && fallback.maturityBasis == "default: no wins yet")
    }

    @Test("Quarter and year cohorts")
    func grains() {
        // setup
        let snapshot = Self.fixture().snapshot()
        // action
        let quarters = Metrics.conversion(snapshot, asOf: Fixture.date(2024, 12, 31), cohort: .quarter, maturityDays: 30)
        let years = Metrics.conversion(snapshot, asOf: Fixture.date(2025, 3, 1), cohort: .year, maturityDays: 30)
        // check: Q1 has 7 leads, 2 won; Q4 is young. The year 2024 ended on 2025-01-01, 59 days before 2025-03-01.
        #expect(quarters.cohorts.map(\.cohort) == ["2024-Q1", "2024-Q4"])
        #expect(quarters.cohorts[0].conversion == 0.285714 && !quarters.cohorts[1].mature)
        #expect(years.cohorts.map(\.cohort) == ["2024"] && years.cohorts[0].leads == 8 && years.cohorts[0].conversion == 0.25)
    }

    @Test("A win after the as-of date does not count; nor does a lead received after it")
    func asOf() {
        // setup
        let snapshot = Self.fixture().snapshot()
        // action: 2024-02-20: lead 2 (won 2024-03-01) not won yet; the December lead not received yet
        let report = Metrics.conversion(snapshot, asOf: Fixture.date(2024, 2, 20), maturityDays: 0)
        // check
        #expect(report.cohorts.map(\.cohort) == ["2024-01", "2024-02"])
        #expect(report.cohorts[0].won == 1)
        #expect(report.cohorts[1].leads == 2)
    }

    @Test("Empty and one-lead snapshots")
    func small() {
        // setup
        var one = Fixture()
        one.wonLead(1, at: Fixture.date(2024, 1, 5), afterDays: 3)
        // action
        let empty = Metrics.conversion(Snapshot(), asOf: Fixture.date(2024, 12, 31))
        let single = Metrics.conversion(one.snapshot(), asOf: Fixture.date(2024, 12, 31))
        // check
        #expect(empty.cohorts.isEmpty && empty.matureConversion == nil && empty.maturityDays == 90)
        #expect(single.maturityDays == 3 && single.cohorts.count == 1 && single.cohorts[0].conversion == 1)
        #expect(single.cohorts[0].ratio == "1 to 1")
    }

    @Test("Filters: owner, source, segment, period")
    func filters() {
        // setup
        var f = Self.fixture()
        f.wonLead(30, at: Fixture.date(2024, 1, 25), afterDays: 2, owner: 7, company: 200, source: .phone)
        let snapshot = f.snapshot()
        let asOf = Fixture.date(2024, 12, 31)
        // action
        let rep7 = Metrics.conversion(snapshot, AnalyticsFilter(ownerID: 7), asOf: asOf, maturityDays: 30)
        let team = Metrics.conversion(snapshot, AnalyticsFilter(team: snapshot.team(of: 5)), asOf: asOf, maturityDays: 30)
        let phone = Metrics.conversion(snapshot, AnalyticsFilter(sources: [.phone]), asOf: asOf, maturityDays: 30)
        let food = Metrics.conversion(snapshot, AnalyticsFilter(segments: ["food"]), asOf: asOf, maturityDays: 30)
        let february = Metrics.conversion(snapshot, AnalyticsFilter(from: Fixture.date(2024, 2, 1), to: Fixture.date(2024, 3, 1)),
                                          asOf: asOf, maturityDays: 30)
        // check
        #expect(rep7.matureLeads == 1 && rep7.matureWon == 1)
        #expect(team.matureLeads == 8 && team.matureWon == 3)
        #expect(phone.matureLeads == 1)
        #expect(food.matureLeads == 1)
        #expect(february.cohorts.map(\.cohort) == ["2024-02"] && february.matureLeads == 3)
        #expect(snapshot.team(of: 5) == [5, 6, 7] && snapshot.team(of: 6) == [6])
    }
}
