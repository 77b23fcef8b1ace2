// The nudge benchmark: on a copy of a SQLite database (the million-deal demo), builds the snapshot, then times the
// nudge rules alone (a pure evaluation), a whole first run that stores every nudge, a steady run (nothing new), and a
// recheck of one deal as a write triggers it; prints one JSON object with the ratio of each to its reference: the
// issue's budget of 2 s for evaluating every rule, and the stalled-deals metric (one scan of the same deals).
//
// Usage: voronka-nudge-bench DATABASE [--as-of yyyy-MM-dd] [--runs N]   (the database is changed: use a copy)
import Foundation
import VoronkaAnalytics
import VoronkaCore
import VoronkaServer
import VoronkaStore

@main
enum NudgeBench {
    static func main() async throws {
        var args = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
            defer { args.removeSubrange(i...(i + 1)) }
            return args[i + 1]
        }
        let asOfText = option("--as-of")
        let runs = Int(option("--runs") ?? "5") ?? 5
        guard let path = args.first else {
            FileHandle.standardError.write(Data("usage: voronka-nudge-bench DATABASE [--as-of yyyy-MM-dd] [--runs N]\n".utf8))
            exit(2)
        }
        let asOf = asOfText.flatMap(Day.init).map { Date(timeIntervalSince1970: $0.startDate.timeIntervalSince1970 + 43_200) } ?? Date()
        let store = try await SQLStore.open(.sqlite(path: path))
        try await store.migrate()
        let analytics = AnalyticsEngine(store: store)
        let started = Date()
        let snapshot = try await analytics.snapshot()
        var result: [String: Any] = ["database": path, "as_of": asOfText ?? "now",
                                     "snapshot_build_s": round2(Date().timeIntervalSince(started)),
                                     "deals": snapshot.counts.deals, "leads": snapshot.counts.leads]
        let users = try await store.all(.user).map(User.init(record:)).filter(\.active)
        let people = NudgePeople(active: Set(users.map(\.id)), heads: users.filter { $0.role == .headOfSales }.map(\.id))
        let settings = NudgeSettings()

        var found = 0
        let pure = timings(runs) { found = NudgeEngine.evaluate(snapshot, settings: settings, people: people, now: asOf).count }
        let stalled = timings(runs) { _ = Metrics.stalledDeals(snapshot, asOf: asOf) }
        result["candidates"] = found
        result["rules_pure"] = pure
        result["reference_stalled_metric"] = stalled
        result["ratio_rules_to_stalled_metric"] = round2(pure["median_s"]! / max(stalled["median_s"]!, 1e-9))
        result["ratio_rules_to_budget_2s"] = round2(pure["median_s"]! / 2)

        let runner = NudgeRunner(store: store, analytics: analytics, clock: .fixed(asOf))
        var t = Date()
        let first = try await runner.evaluate()
        result["first_run_s"] = round2(Date().timeIntervalSince(t))
        result["first_run_created"] = first.created.count
        var steady: [Double] = []
        for _ in 0..<runs {
            t = Date()
            let changes = try await runner.evaluate()
            steady.append(Date().timeIntervalSince(t))
            if !changes.created.isEmpty { result["steady_created"] = changes.created.count }
        }
        steady.sort()
        result["steady_run_median_s"] = round2(steady[steady.count / 2])
        result["ratio_steady_run_to_budget_2s"] = round2(steady[steady.count / 2] / 2)
        let deals = try await store.list(.deal, query: ListQuery()).records
        if let deal = deals.first {
            var rechecks: [Double] = []
            for _ in 0..<runs {
                t = Date()
                await runner.recheck(.deal, deal)
                rechecks.append(Date().timeIntervalSince(t))
            }
            rechecks.sort()
            result["recheck_one_deal_median_s"] = round3(rechecks[rechecks.count / 2])
        }
        await store.shutdown()
        let data = try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    static func timings(_ runs: Int, _ body: () -> Void) -> [String: Double] {
        body()
        var times: [Double] = []
        for _ in 0..<runs {
            let t = Date()
            body()
            times.append(Date().timeIntervalSince(t))
        }
        times.sort()
        return ["median_s": round3(times[times.count / 2]), "min_s": round3(times[0]), "max_s": round3(times[times.count - 1])]
    }

    static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
    static func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
