import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

@Suite("Kaplan–Meier cumulative conversion")
struct KaplanMeierTests {
    /// Five leads arrive on day 0. Lead 1 is won after 2.5 days (day 2), leads 2 and 5 after 5.2 and 5.9 days (day 5),
    /// lead 3 is still open at day 100, lead 4 went to junk on day 1.
    static func fixture() -> Fixture {
        var f = Fixture()
        f.wonLead(1, at: Fixture.at(0), afterDays: 2.5)
        f.wonLead(2, at: Fixture.at(0), afterDays: 5.2)
        f.lead(3, at: Fixture.at(0))
        f.lead(4, at: Fixture.at(0), path: [(5, Fixture.at(1))], outcome: .junk)
        f.wonLead(5, at: Fixture.at(0), afterDays: 5.9)
        return f
    }

    @Test("Hand-worked curve: a lead closed without a win stays at risk until the as-of date")
    func atRisk() {
        // setup
        let snapshot = Self.fixture().snapshot()
        // action
        let curve = Metrics.kaplanMeier(snapshot, asOf: Fixture.at(100))
        // check: day 2: 5 at risk, 1 won → S = 4/5, conversion 0.2; day 5: 4 at risk, 2 won → S = 0.8 · 2/4 = 0.4 → 0.6.
        // Greenwood at day 2: Σ = 1/(5·4) = 0.05, se = 0.8 · √0.05 = 0.178885; upper = 0.2 + 1.96 · 0.178885 = 0.550615.
        #expect(curve.map(\.day) == [2, 5])
        #expect(curve.map(\.atRisk) == [5, 4])
        #expect(curve.map(\.events) == [1, 2])
        #expect(curve.map(\.conversion) == [0.2, 0.6])
        #expect(curve[0].lower == 0 && curve[0].upper == 0.550615)
    }

    @Test("Censoring at the close overstates conversion (the documented alternative)")
    func censoredAtClose() {
        // setup
        let snapshot = Self.fixture().snapshot()
        // action
        let curve = Metrics.kaplanMeier(snapshot, asOf: Fixture.at(100), unwon: .censoredAtClose)
        // check: lead 4 leaves the risk set on day 1: day 2: S = 3/4 → 0.25; day 5: 3 at risk, 2 won → S = 0.75/3 → 0.75
        #expect(curve.map(\.atRisk) == [4, 3])
        #expect(curve.map(\.conversion) == [0.25, 0.75])
    }

    @Test("Censoring at the as-of date: a lead open at the as-of date adds no event; a later win is not seen")
    func asOf() {
        // setup
        let snapshot = Self.fixture().snapshot()
        // action: on day 4 only lead 1 has been won; the others are censored at ages of 4 days
        let curve = Metrics.kaplanMeier(snapshot, asOf: Fixture.at(4))
        // check
        #expect(curve.count == 1 && curve[0].day == 2 && curve[0].conversion == 0.2)
    }

    @Test("Empty and one-lead inputs")
    func small() {
        // setup
        var one = Fixture()
        one.wonLead(1, at: Fixture.at(0), afterDays: 3)
        var open = Fixture()
        open.lead(1, at: Fixture.at(0))
        // action
        let empty = Metrics.kaplanMeier(Snapshot(), asOf: Fixture.at(10))
        let single = Metrics.kaplanMeier(one.snapshot(), asOf: Fixture.at(10))
        let censored = Metrics.kaplanMeier(open.snapshot(), asOf: Fixture.at(10))
        // check
        #expect(empty.isEmpty)
        #expect(single.count == 1 && single[0].day == 3 && single[0].conversion == 1 && single[0].upper == 1)
        #expect(censored.isEmpty)
    }
}
