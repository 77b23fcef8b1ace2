import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

@Suite("Building the snapshot from records and from the journal")
struct SnapshotBuilderTests {
    static func entry(_ seq: Int64, _ day: Double, _ kind: EntityKind, _ id: Int64, _ action: JournalAction,
                      _ values: [(String, FieldValue)]) -> JournalEntry {
        JournalEntry(seq: seq, at: Fixture.at(day), actorID: 6, entity: kind, entityID: id, action: action,
                     changes: values.map { FieldChange(field: $0.0, old: .null, new: $0.1) })
    }

    static func stageEntries() -> [JournalEntry] {
        SyntheticFunnel.standardStages().enumerated().map { i, s in
            JournalEntry(seq: Int64(i + 1), at: Fixture.at(-1), actorID: nil, entity: .stage, entityID: s.id, action: .create,
                         changes: JournalEntry.diff(Record(), s.record, fields: Stage.fields))
        }
    }

    @Test("Entries create a deal, move it, close it and delete it; visits open and close")
    func dealLifecycle() {
        // setup
        var builder = SnapshotBuilder()
        builder.apply(Self.stageEntries())
        // action
        builder.apply(Self.entry(20, 0, .deal, 1, .create, [("pipeline_id", .int(2)), ("stage_id", .int(6)), ("owner_id", .int(6)),
                                                               ("company_id", .int(100)), ("amount", .int(100_000))]))
        builder.apply(Self.entry(21, 3, .deal, 1, .stage, [("stage_id", .int(7))]))
        builder.apply(Self.entry(22, 5, .deal, 1, .stage, [("stage_id", .int(11))]))
        let won = builder.snapshot
        builder.apply(Self.entry(23, 6, .deal, 1, .delete, [("deleted_at", .time(Fixture.at(6)))]))
        // check
        let times = Metrics.timeInStage(won, asOf: Fixture.at(10)).stages
        #expect(times.map(\.stageID) == [6, 7, 11])
        #expect(times.map(\.medianDays) == [3, 2, nil])
        #expect(times.map(\.openVisits) == [0, 0, 1])
        #expect(Metrics.velocity(won, asOf: Fixture.at(10)).overall.wonDeals == 1)
        #expect(Metrics.velocity(builder.snapshot, asOf: Fixture.at(10)).overall.wonDeals == 0)
        #expect(builder.snapshot.counts.deals == 0 && builder.snapshot.lastSeq == 23)
    }

    @Test("Entries already applied are skipped; a lead linked to a deal created later finds it")
    func seqAndLinks() {
        // setup
        var builder = SnapshotBuilder()
        builder.apply(Self.stageEntries())
        let lead = Self.entry(20, 0, .lead, 1, .create, [("received_at", .time(Fixture.at(0))), ("pipeline_id", .int(1)),
                                                          ("stage_id", .int(1)), ("deal_id", .int(9)), ("company_id", .int(100))])
        // action
        builder.apply(lead)
        builder.apply(lead)
        builder.apply(Self.entry(19, 0, .lead, 2, .create, [("received_at", .time(Fixture.at(0)))]))
        builder.apply(Self.entry(21, 1, .deal, 9, .create, [("pipeline_id", .int(2)), ("stage_id", .int(6)), ("company_id", .int(100))]))
        builder.apply(Self.entry(22, 4, .deal, 9, .stage, [("stage_id", .int(11)), ("closed_at", .time(Fixture.at(4)))]))
        // check: one lead (the repeat and the older entry are skipped), won through deal 9
        let report = Metrics.conversion(builder.snapshot, asOf: Fixture.at(100), maturityDays: 10)
        #expect(report.matureLeads == 1 && report.matureWon == 1)
        #expect(builder.snapshot.lastSeq == 22)
    }

    @Test("Leads parked and reopened through the journal count as rescued")
    func leadStates() {
        // setup
        var builder = SnapshotBuilder()
        builder.apply(Self.stageEntries())
        // action
        builder.apply(Self.entry(20, 0, .lead, 1, .create, [("received_at", .time(Fixture.at(0))), ("pipeline_id", .int(1)),
                                                             ("stage_id", .int(1)), ("owner_id", .int(6)), ("company_id", .int(100))]))
        builder.apply(Self.entry(21, 2, .lead, 1, .stage, [("stage_id", .int(5)), ("outcome", .text("junk"))]))
        builder.apply(Self.entry(22, 30, .lead, 1, .stage, [("stage_id", .int(2)), ("outcome", .null)]))
        builder.apply(Self.entry(23, 31, .deal, 1, .create, [("pipeline_id", .int(2)), ("stage_id", .int(6)), ("lead_id", .int(1)),
                                                             ("company_id", .int(100))]))
        builder.apply(Self.entry(24, 31, .lead, 1, .stage, [("stage_id", .int(3)), ("outcome", .text("deal")), ("deal_id", .int(1))]))
        // check
        let report = Metrics.rescuedLeads(builder.snapshot, asOf: Fixture.at(100))
        #expect(report.rows == [RescueRow(ownerID: 6, quarter: "2024-Q1", reopened: 1, reactivated: 0, rescued: 1, won: 0, wonAmount: 0)])
    }

    @Test("Applying the journal entry by entry equals building in bulk from the stored state", arguments: [1, 2, 3] as [UInt64])
    func journalEqualsBulk(seed: UInt64) {
        // setup
        let now = Day(year: 2026, month: 3, day: 1)!.startDate.timeIntervalSince1970
        let history = JournalHistory(seed: seed, leadCount: 1_500, now: now)
        let asOf = Date(timeIntervalSince1970: now)
        // action
        let replayed = history.replayed(), bulk = history.bulk()
        // check
        for filter in [AnalyticsFilter.all, AnalyticsFilter(ownerID: 6), AnalyticsFilter(pipelineIDs: [2], sources: [.phone, .referral]),
                       AnalyticsFilter(segments: ["energy"], from: Date(timeIntervalSince1970: now - 400 * 86_400))] {
            let a = Metrics.dashboard(replayed, filter, asOf: asOf), b = Metrics.dashboard(bulk, filter, asOf: asOf)
            #expect(a == b)
        }
        #expect(replayed.counts.leads == bulk.counts.leads && replayed.counts.deals == bulk.counts.deals)
        #expect(bulk.counts.leads > 1_000 && bulk.counts.deals > 200)
    }

    @Test("A dashboard computed on one thread equals the one computed on two", arguments: [4, 5] as [UInt64])
    func sequentialEqualsParallel(seed: UInt64) {
        // setup
        let now = Day(year: 2026, month: 3, day: 1)!.startDate.timeIntervalSince1970
        let snapshot = JournalHistory(seed: seed, leadCount: 1_500, now: now).bulk()
        let asOf = Date(timeIntervalSince1970: now)
        for filter in [AnalyticsFilter.all, AnalyticsFilter(ownerID: 6)] {
            // action
            let one = Metrics.dashboard(snapshot, filter, asOf: asOf, parallel: false)
            let two = Metrics.dashboard(snapshot, filter, asOf: asOf, parallel: true)
            // check
            #expect(one == two)
            #expect(one.conversion != Metrics.dashboard(Snapshot(), filter, asOf: asOf, parallel: false).conversion)
        }
    }
}

@Suite("One metric")
struct MetricTests {
    @Test("Each metric computed alone equals the dashboard's, for every filter tried")
    func aloneEqualsDashboard() throws {
        // setup
        let now = Day(year: 2026, month: 3, day: 1)!.startDate.timeIntervalSince1970
        let snapshot = JournalHistory(seed: 7, leadCount: 1_200, now: now).bulk()
        let asOf = Date(timeIntervalSince1970: now)
        for filter in [AnalyticsFilter.all, AnalyticsFilter(ownerID: 6)] {
            let dashboard = Metrics.dashboard(snapshot, filter, asOf: asOf, parallel: false)
            let expected: [Metric: MetricValue] = [
                .conversion: .conversion(dashboard.conversion), .curve: .curve(dashboard.curve), .anomalies: .anomalies(dashboard.anomalies),
                .stageConversion: .stageConversion(dashboard.stageConversion), .timeInStage: .timeInStage(dashboard.timeInStage),
                .stalled: .stalled(dashboard.stalled), .velocity: .velocity(dashboard.velocity), .responseTimes: .responseTimes(dashboard.responseTimes),
                .forecast: .forecast(dashboard.forecast), .calibration: .calibration(dashboard.calibration),
                .rescuedLeads: .rescuedLeads(dashboard.rescuedLeads), .referrals: .referrals(dashboard.referrals),
                .completeness: .completeness(dashboard.completeness), .yearlyBuyers: .yearlyBuyers(dashboard.yearlyBuyers),
                .dataQuality: .dataQuality(dashboard.dataQuality), .channels: .channels(dashboard.channels),
            ]
            #expect(Set(expected.keys) == Set(Metric.allCases), "every metric is checked")
            for metric in Metric.allCases {
                // action
                let alone = Metrics.metric(metric, snapshot, filter, asOf: asOf)
                // check
                #expect(alone.value == expected[metric], "\(metric)")
                #expect(alone.asOf == dashboard.asOf && alone.lastSeq == dashboard.lastSeq)
            }
        }
    }
}
