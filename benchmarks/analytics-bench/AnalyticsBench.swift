// The analytics benchmark: builds the snapshot from a SQLite database (time and peak memory), times the full dashboard
// without and with filters, each metric on its own, and applying journal entries; prints one JSON object.
//
// Run `voronka migrate` on the database first (M0006 adds the index the snapshot's read relies on).
// Usage: voronka-analytics-bench DATABASE [--as-of yyyy-MM-dd] [--runs N] [--dump DASHBOARD.json] [--loop N]
import Foundation
import VoronkaAnalytics
import VoronkaCore
import VoronkaServer
import VoronkaStore

@main
enum AnalyticsBench {
    static func main() async throws {
        var args = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
            defer { args.removeSubrange(i...(i + 1)) }
            return args[i + 1]
        }
        let asOfText = option("--as-of")
        let runs = Int(option("--runs") ?? "7") ?? 7
        let dump = option("--dump")
        /// For profiling: only build the snapshot, then compute the unfiltered dashboard this many times.
        let loop = option("--loop").flatMap { Int($0) }
        guard let path = args.first else {
            FileHandle.standardError.write(Data("usage: voronka-analytics-bench DATABASE [--as-of yyyy-MM-dd] [--runs N] [--dump FILE]\n".utf8))
            exit(2)
        }

        let store = try await SQLStore.open(.sqlite(path: path))
        var result: [String: Any] = ["database": path]
        let rssBefore = peakRSSMegabytes()
        let loadStart = Date()
        var builder = try await SnapshotReader.load(store)
        let snapshot = builder.snapshot
        result["snapshot_build_s"] = round(Date().timeIntervalSince(loadStart) * 100) / 100
        result["rss_before_build_mb"] = round(rssBefore)
        result["peak_rss_after_build_mb"] = round(peakRSSMegabytes())
        result["snapshot_bytes_mb"] = snapshot.approximateBytes / 1_048_576
        let counts = snapshot.counts
        result["counts"] = ["leads": counts.leads, "deals": counts.deals, "visits": counts.visits]

        let asOf = asOfText.flatMap(Day.init).map { Date(timeIntervalSince1970: $0.startDate.timeIntervalSince1970 + 86_399) } ?? Date()
        result["as_of"] = asOfText ?? "now"
        if let loop {
            for _ in 0..<loop { _ = Metrics.dashboard(snapshot, .all, asOf: asOf) }
            exit(0)
        }
        let deals = try await store.list(.deal, query: ListQuery()).records
        let owner = deals.compactMap { $0.int("owner_id") }.first
        let pipeline = deals.compactMap { $0.int("pipeline_id") }.first
        let filters: [(String, AnalyticsFilter)] = [
            ("all", .all),
            ("one_owner", AnalyticsFilter(ownerID: owner)),
            ("one_pipeline", AnalyticsFilter(pipelineIDs: pipeline.map { [$0] })),
            ("source_and_period", AnalyticsFilter(sources: [.webForm, .referral], from: asOf.addingTimeInterval(-365 * 86_400))),
        ]
        var dashboards: [String: Any] = [:]
        for (name, filter) in filters {
            _ = Metrics.dashboard(snapshot, filter, asOf: asOf)   // warm-up
            dashboards[name] = timings(runs) { _ = Metrics.dashboard(snapshot, filter, asOf: asOf) }
        }
        result["dashboard"] = dashboards

        let metrics: [(String, () -> Void)] = [
            ("conversion", { _ = Metrics.conversion(snapshot, asOf: asOf) }),
            ("kaplan_meier", { _ = Metrics.kaplanMeier(snapshot, asOf: asOf) }),
            ("stage_conversion", { _ = Metrics.stageConversion(snapshot, asOf: asOf) }),
            ("time_in_stage", { _ = Metrics.timeInStage(snapshot, asOf: asOf) }),
            ("stalled", { _ = Metrics.stalledDeals(snapshot, asOf: asOf) }),
            ("velocity", { _ = Metrics.velocity(snapshot, asOf: asOf) }),
            ("response_times", { _ = Metrics.responseTimes(snapshot, asOf: asOf) }),
            ("forecast", { _ = Metrics.forecast(snapshot, asOf: asOf) }),
            ("calibration", { _ = Metrics.calibration(snapshot, asOf: asOf) }),
            ("rescued_leads", { _ = Metrics.rescuedLeads(snapshot, asOf: asOf) }),
            ("referrals", { _ = Metrics.referrals(snapshot, asOf: asOf) }),
            ("completeness", { _ = Metrics.completeness(snapshot, asOf: asOf) }),
            ("yearly_buyers", { _ = Metrics.yearlyBuyers(snapshot, asOf: asOf) }),
        ]
        var perMetric: [String: Any] = [:]
        for (name, body) in metrics { perMetric[name] = timings(max(3, runs / 2), body) }
        result["metric"] = perMetric

        if let dump {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(Metrics.dashboard(snapshot, .all, asOf: asOf)).write(to: URL(fileURLWithPath: dump))
        }

        // Applying entries: 100,000 stage moves of existing deals (each to another stage of its pipeline) and 100,000 new
        // leads, in a shuffled but seeded order, after the snapshot's last entry.
        let stages = try await store.all(.stage).map(Stage.init(record:))
        let byPipeline = Dictionary(grouping: stages, by: \.pipelineID)
        final class IDs: @unchecked Sendable { var ids: [Int64] = [] }
        let allDeals = IDs()
        try await store.scan([ScanStep("SELECT id FROM deals WHERE deleted_at IS NULL") { r in allDeals.ids.append(r.int(0)!) }])
        let dealIDs = allDeals.ids
        var state: UInt64 = 42
        func next() -> UInt64 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return state >> 17 }
        let maxLead = Int64(try await store.count(.lead, includeDeleted: true)) + 10_000_000
        var entries: [JournalEntry] = []
        let base = asOf.addingTimeInterval(60)
        for i in 0..<200_000 {
            let at = base.addingTimeInterval(Double(i))
            if i % 2 == 0 {
                let id = dealIDs[Int(next() % UInt64(dealIDs.count))]
                let pipelineStages = byPipeline[pipeline ?? 0] ?? stages
                let stage = pipelineStages[Int(next() % UInt64(pipelineStages.count))].id
                entries.append(JournalEntry(seq: 0, at: at, actorID: nil, entity: .deal, entityID: id, action: .update,
                                            changes: [FieldChange(field: "stage_id", old: .null, new: .int(stage))]))
            } else {
                let id = maxLead + Int64(i)
                entries.append(JournalEntry(seq: 0, at: at, actorID: nil, entity: .lead, entityID: id, action: .create,
                                            changes: [FieldChange(field: "received_at", old: .null, new: .time(at)),
                                                      FieldChange(field: "source", old: .null, new: .text("web_form")),
                                                      FieldChange(field: "owner_id", old: .null, new: owner.map(FieldValue.int) ?? .null),
                                                      FieldChange(field: "pipeline_id", old: .null, new: .int(1)),
                                                      FieldChange(field: "stage_id", old: .null, new: .int(stages.first!.id))]))
            }
        }
        var worst = 0.0
        let total = seconds {
            for chunk in stride(from: 0, to: entries.count, by: 2_000) {
                let slice = entries[chunk..<min(entries.count, chunk + 2_000)]
                let t = seconds { builder.apply(slice) }
                worst = max(worst, t / Double(slice.count))
            }
        }
        result["apply_entry_us"] = ["mean": round(total / Double(entries.count) * 1e7) / 10, "worst_batch_mean": round(worst * 1e7) / 10,
                                    "entries": entries.count]
        result["peak_rss_end_mb"] = round(peakRSSMegabytes())
        await store.shutdown()

        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Milliseconds of each run, and their minimum and median.
func timings(_ runs: Int, _ body: () -> Void) -> [String: Any] {
    let times = (0..<runs).map { _ in seconds(body) * 1000 }.sorted()
    return ["min_ms": round(times[0] * 10) / 10, "median_ms": round(times[times.count / 2] * 10) / 10, "runs": runs]
}
