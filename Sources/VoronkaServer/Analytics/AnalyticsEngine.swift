import Foundation
import VoronkaAnalytics
import VoronkaCore
import VoronkaStore

/// The in-memory snapshot behind every analytics answer: built from the tables at start, then kept current by
/// applying the journal entries after the last sequence number it has seen (so processes sharing one PostgreSQL agree).
public actor AnalyticsEngine {
    private var builder: SnapshotBuilder
    private let store: SQLStore
    private var tail: Task<Void, Never>?

    init(builder: SnapshotBuilder, store: SQLStore) {
        self.builder = builder
        self.store = store
    }

    /// Builds the snapshot from the store's records and the journal's stage events.
    public static func build(_ store: SQLStore) async throws -> AnalyticsEngine {
        let lastSeq = try await store.lastJournalSeq()
        let source = try await SnapshotSource.load(store)
        let builder = SnapshotBuilder(leads: source.leads, deals: source.deals, stageEvents: source.dealStages, stages: source.stages,
                                      companies: source.companies, users: source.users, lastSeq: lastSeq,
                                      leadStageEvents: source.leadStages, dealUpdatedAt: source.dealUpdatedAt)
        let engine = AnalyticsEngine(builder: builder, store: store)
        // Entries written while the tables were read are applied again; the builder skips what it has seen.
        try await engine.catchUp()
        return engine
    }

    /// Applies every journal entry written since the last one seen.
    public func catchUp() async throws {
        while true {
            let entries = try await store.journal(after: builder.snapshot.lastSeq, limit: 5000)
            if entries.isEmpty { return }
            builder.apply(entries)
            if entries.count < 5000 { return }
        }
    }

    /// The current snapshot (a copy-on-write value; later changes do not affect it).
    public func snapshot() async throws -> Snapshot {
        try await catchUp()
        return builder.snapshot
    }

    /// Polls the journal every `interval` seconds until stopped.
    public func startTailing(every interval: Double = 0.5) {
        guard tail == nil else { return }
        tail = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
                try? await self?.catchUp()
            }
        }
    }

    public func stopTailing() {
        tail?.cancel()
        tail = nil
    }
}

/// The records a snapshot is built from, read in one pass per table.
struct SnapshotSource {
    var leads: [Lead] = []
    var deals: [Deal] = []
    var dealUpdatedAt: [Int64: Date] = [:]
    var stages: [Stage] = []
    var companies: [Company] = []
    var users: [User] = []
    var dealStages: [(dealID: Int64, stageID: Int64, at: Date)] = []
    var leadStages: [(leadID: Int64, stageID: Int64, at: Date)] = []

    static func load(_ store: SQLStore) async throws -> SnapshotSource {
        var s = SnapshotSource()
        try await store.exportPages(.user) { s.users += $0.filter { $0["deleted_at"].isNull }.map(User.init(record:)) }
        try await store.exportPages(.stage) { s.stages += $0.filter { $0["deleted_at"].isNull }.map(Stage.init(record:)) }
        try await store.exportPages(.company) { s.companies += $0.filter { $0["deleted_at"].isNull }.map(Company.init(record:)) }
        try await store.exportPages(.lead) { s.leads += $0.filter { $0["deleted_at"].isNull }.map(Lead.init(record:)) }
        try await store.exportPages(.deal) { page in
            for record in page where record["deleted_at"].isNull {
                let deal = Deal(record: record)
                s.deals.append(deal)
                if let updated = record.time("updated_at") { s.dealUpdatedAt[deal.id] = updated }
            }
        }
        try await store.stageEvents { kind, id, stage, at in
            if kind == .deal { s.dealStages.append((id, stage, at)) } else if kind == .lead { s.leadStages.append((id, stage, at)) }
        }
        return s
    }
}
