import Foundation
import VoronkaAnalytics
import VoronkaCore
import VoronkaStore

/// The in-memory snapshot behind every analytics answer: built from the tables at start, then kept current by
/// applying the journal entries after the last sequence number it has seen (so processes sharing one PostgreSQL agree).
public actor AnalyticsEngine {
    private let store: SQLStore
    private var builder: SnapshotBuilder?
    private var building: Task<SnapshotBuilder, any Error>?
    private var tail: Task<Void, Never>?

    /// An engine that builds its snapshot when first asked (or when tailing starts), not before:
    /// command-line tasks never pay for it, and the server answers other requests while it builds.
    public init(store: SQLStore) {
        self.store = store
    }

    /// Builds the snapshot from the tables' columns and the journal's stage entries.
    static func load(_ store: SQLStore) async throws -> SnapshotBuilder {
        // Entries written while the tables were read are applied again by `catchUp`; the builder skips what it has seen.
        try await SnapshotReader.load(store)
    }

    /// "idle" before anyone asked, "building", or "ready"; and how long the build took.
    public var state: (name: String, buildSeconds: Double?) {
        if builder != nil { return ("ready", buildSeconds) }
        return (building == nil ? "idle" : "building", nil)
    }
    private var buildSeconds: Double?

    /// The last journal entry the snapshot has applied; nil until it is built.
    public var lastSeq: Int64? { builder?.snapshot.lastSeq }

    /// Waits for the snapshot, starting its build if nobody has.
    private func ready() async throws {
        if builder != nil { return }
        let started = Date()
        let task = building ?? Task { [store] in try await Self.load(store) }
        building = task
        do {
            let built = try await task.value
            if builder == nil { builder = built; buildSeconds = Date().timeIntervalSince(started) }
        } catch {
            // A failed build (the database went away) is tried again by the next caller, not remembered forever.
            if building == task { building = nil }
            throw error
        }
    }

    /// While above zero, the snapshot does not follow the journal (see `suspendFollowing`).
    private var suspensions = 0

    /// Stops following the journal while a bulk write runs that `rebuild()` will read from the tables afterwards:
    /// following it entry by entry would cost the memory and the time of a second copy of that write. Answers in the
    /// meantime are as of the last entry applied, and say so (`last_seq`).
    public func suspendFollowing() { suspensions += 1 }

    /// Follows the journal again (after the rebuild, when there was one).
    public func resumeFollowing() { suspensions = max(0, suspensions - 1) }

    /// Applies every journal entry written since the last one seen.
    public func catchUp() async throws {
        try await ready()
        if suspensions > 0 { return }
        while let seen = builder?.snapshot.lastSeq {
            let entries = try await store.journal(after: seen, limit: 5000)
            if entries.isEmpty { return }
            builder?.apply(entries)
            if entries.count < 5000 { return }
        }
    }

    /// Builds the snapshot again from the tables: after a bulk write (an import of many records), reading the tables'
    /// columns is much faster than replaying every journal entry it wrote.
    public func rebuild() async throws {
        let started = Date()
        let built = try await Self.load(store)
        builder = built
        buildSeconds = Date().timeIntervalSince(started)
    }

    /// The current snapshot (a copy-on-write value; later changes do not affect it).
    public func snapshot() async throws -> Snapshot {
        try await catchUp()
        if let builder { return builder.snapshot }
        return try await Self.load(store).snapshot
    }

    /// Builds the snapshot in the background, then polls the journal every `interval` seconds until stopped.
    public func startTailing(every interval: Double = 0.5) {
        guard tail == nil else { return }
        tail = Task { [weak self] in
            while !Task.isCancelled {
                try? await self?.catchUp()
                try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
            }
        }
    }

    public func stopTailing() {
        tail?.cancel()
        tail = nil
        building?.cancel()
    }
}
