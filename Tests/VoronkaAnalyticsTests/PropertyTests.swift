import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

@Suite("Invariants on random funnels")
struct PropertyTests {
    static let now = Day(year: 2026, month: 3, day: 1)!.startDate.timeIntervalSince1970

    static func funnel(_ seed: UInt64) -> Snapshot {
        let f = SyntheticFunnel(leadCount: 3_000, companyCount: 200, years: 3, now: now, seed: seed)
        return SnapshotBuilder(leads: f.leads, deals: f.deals, stageEvents: f.dealEvents, stages: f.stages, companies: f.companies,
                               users: f.users, lastSeq: 1, leadStageEvents: f.leadEvents).snapshot
    }

    @Test("Every rate and share lies in [0, 1]", arguments: [11, 12, 13] as [UInt64])
    func ratesInRange(seed: UInt64) {
        // setup
        let snapshot = Self.funnel(seed)
        var rng = Seeded(seed)
        // action
        for _ in 0..<4 {
            let asOf = Date(timeIntervalSince1970: Self.now - Double(rng.below(700)) * 86_400)
            let d = Metrics.dashboard(snapshot, asOf: asOf, options: DashboardOptions(cohort: CohortGrain.allCases[rng.below(3)]))
            // check
            var rates = d.conversion.cohorts.flatMap { [$0.conversion, $0.conversionWithinWindow] }.compactMap { $0 }
            rates += d.curve.flatMap { [$0.conversion, $0.lower, $0.upper] }
            rates += d.stageConversion.pipelines.flatMap(\.steps).flatMap { [$0.conversion, $0.decidedConversion, $0.dropOff] }.compactMap { $0 }
            rates += ([d.velocity.overall] + d.velocity.byOwner + d.velocity.trend).compactMap(\.winRate)
            rates += d.forecast.stages.compactMap(\.learned) + d.referrals.rows.compactMap(\.conversion)
            rates += [d.calibration.configured.brier, d.calibration.learned.brier].compactMap { $0 }
            rates += d.calibration.learned.bins.compactMap(\.observedWinShare) + d.completeness.fields.compactMap(\.share)
            rates += d.completeness.owners.compactMap(\.meanShare) + d.anomalies.cohorts.map(\.test.pValue)
            #expect(!rates.isEmpty)
            #expect(rates.allSatisfy { $0 >= 0 && $0 <= 1 })
            #expect(d.forecast.total.weightedConfigured <= d.forecast.total.amount + 0.01)
        }
    }

    @Test("The Kaplan–Meier curve never decreases and never passes 1", arguments: [21, 22] as [UInt64])
    func curveMonotone(seed: UInt64) {
        // setup
        let snapshot = Self.funnel(seed)
        for unwon in UnwonLeadHandling.allCases {
            // action
            let curve = Metrics.kaplanMeier(snapshot, asOf: Date(timeIntervalSince1970: Self.now), unwon: unwon)
            // check
            #expect(curve.count > 10)
            #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.conversion <= $1.conversion && $0.day < $1.day })
            #expect(curve.allSatisfy { $0.conversion >= 0 && $0.conversion <= 1 && $0.lower <= $0.conversion && $0.conversion <= $0.upper })
        }
        // Censoring lost leads at their close can only raise the estimate.
        let kept = Metrics.kaplanMeier(snapshot, asOf: Date(timeIntervalSince1970: Self.now)).last!.conversion
        let dropped = Metrics.kaplanMeier(snapshot, asOf: Date(timeIntervalSince1970: Self.now), unwon: .censoredAtClose).last!.conversion
        #expect(kept <= dropped)
    }

    @Test("Adding a younger lead never changes a mature cohort", arguments: [31, 32, 33] as [UInt64])
    func youngerLead(seed: UInt64) {
        // setup
        let f = SyntheticFunnel(leadCount: 2_000, companyCount: 100, years: 3, now: Self.now, seed: seed)
        let asOf = Date(timeIntervalSince1970: Self.now)
        func build(_ extra: [Lead], _ extraDeals: [Deal] = []) -> Snapshot {
            SnapshotBuilder(leads: f.leads + extra, deals: f.deals + extraDeals, stageEvents: f.dealEvents, stages: f.stages,
                            companies: f.companies, users: f.users, lastSeq: 1, leadStageEvents: f.leadEvents).snapshot
        }
        let before = Metrics.conversion(build([]), asOf: asOf)
        let last = before.cohorts.last { $0.mature }!
        let younger = Lead(id: 999_999, receivedAt: Date(timeIntervalSince1970: Self.now - 86_400), source: .phone, companyID: 1,
                           ownerID: 6, pipelineID: 1, stageID: 1)
        var won = younger
        won.id = 999_998; won.dealID = 999_998; won.stageID = 3; won.outcome = .deal
        let wonDeal = Deal(id: 999_998, title: "x", companyID: 1, pipelineID: 2, stageID: 11, leadID: 999_998,
                           closedAt: Date(timeIntervalSince1970: Self.now - 3_600), createdAt: Date(timeIntervalSince1970: Self.now - 80_000))
        // action
        let withOpen = Metrics.conversion(build([younger]), asOf: asOf)
        let withWonFixed = Metrics.conversion(build([won], [wonDeal]), asOf: asOf, maturityDays: before.maturityDays)
        let fixedBefore = Metrics.conversion(build([]), asOf: asOf, maturityDays: before.maturityDays)
        // check
        #expect(withOpen.cohorts.filter(\.mature) == before.cohorts.filter(\.mature))
        #expect(withWonFixed.cohorts.filter(\.mature) == fixedBefore.cohorts.filter(\.mature))
        #expect(withOpen.cohorts.last!.leads == before.cohorts.last!.leads + (before.cohorts.last!.cohort == last.cohort ? 0 : 1)
                || withOpen.cohorts.count == before.cohorts.count + 1)
    }
}
