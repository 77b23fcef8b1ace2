import Foundation
import VoronkaStore

/// Heavy analytics (a dashboard is hundreds of milliseconds of CPU at a million deals) run here: on one thread of
/// their own, one at a time, outside Swift's cooperative pool. Run on that pool, a dashboard held both of this
/// machine's two threads, and every other request waited for it (their p99 was the dashboard's time).
enum AnalyticsLane {
    private static let lane = WorkLane(name: "voronka.analytics", nice: 0)

    /// Runs `work` on the lane and returns its result to the caller's task.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await lane.run(work)
    }
}
