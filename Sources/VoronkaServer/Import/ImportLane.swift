import VoronkaStore

/// An import's CPU work (reading and planning the files, turning rows into records) runs here: on one thread of its
/// own at nice 10, outside Swift's cooperative pool. On that pool a planning held one of this machine's two threads for
/// seconds and a conversion the other, and every page and API read waited for them.
enum ImportLane {
    private static let lane = WorkLane(name: "voronka.import", nice: 10)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await lane.run(work)
    }
}
