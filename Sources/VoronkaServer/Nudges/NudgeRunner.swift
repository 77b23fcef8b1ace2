import Foundation
import Logging
import VoronkaAnalytics
import VoronkaCore
import VoronkaStore

/// Evaluates the nudge rules against the funnel's present state and stores what is due: every minute, at start, and
/// for one record right after it was written (so that logging the call closes the nudge before the page reloads).
/// Several servers on one PostgreSQL may all run it: each nudge's key is unique and one evaluation writes at a time.
public actor NudgeRunner {
    private let store: SQLStore
    private let analytics: AnalyticsEngine
    private let clock: Clock
    private let logger = Logger(label: "voronka.nudges")
    private var loop: Task<Void, Never>?
    /// Keys known to be stored (in any state), so that a closed nudge is not offered to the database every minute.
    private var known = Set<String>()
    /// The stages' stall limits of the last whole evaluation, for the one-record ones after it.
    private var norms: (at: Date, value: NudgeNorms)?
    /// Finds the open deals that break a qualification rule (all, or the given ones): the control report.
    public typealias QualificationSource = @Sendable (Set<Int64>?) async throws -> [Int64: QualificationFlags]
    private var qualificationSource: QualificationSource?
    /// The last whole control report's findings (it reads every open deal: made at most every 15 minutes), kept
    /// current for the deals rechecked since.
    private var qualificationFlags: (at: Date, flags: [Int64: QualificationFlags])?

    /// Sets where the qualification rule's findings come from (the server's control report).
    public func setQualificationSource(_ source: @escaping QualificationSource) { qualificationSource = source }

    /// The qualification findings for an evaluation: every deal's (from a control report at most 15 minutes old) or
    /// the scope's deals' (made now).
    private func qualification(_ settings: NudgeSettings, whole: Bool, deals: Set<Int64>?, now: Date) async throws -> [Int64: QualificationFlags] {
        guard settings.qualification.enabled, let source = qualificationSource else { return [:] }
        if whole {
            if let kept = qualificationFlags, now >= kept.at, now.timeIntervalSince(kept.at) < 900 { return kept.flags }
            let flags = try await source(nil)
            qualificationFlags = (now, flags)
            return flags
        }
        guard let deals, !deals.isEmpty else { return [:] }
        let fresh = try await source(deals)
        if var kept = qualificationFlags {
            for id in deals { kept.flags[id] = fresh[id] }
            qualificationFlags = kept
        }
        return fresh
    }
    /// When the last whole evaluation finished, and what it changed.
    public private(set) var lastRun: (at: Date, seconds: Double, changes: NudgeChanges)?

    public init(store: SQLStore, analytics: AnalyticsEngine, clock: Clock) {
        self.store = store; self.analytics = analytics; self.clock = clock
    }

    /// Evaluates every rule over every record (or the scope's records) and stores the result.
    @discardableResult
    public func evaluate(scope: NudgeScope = .everything) async throws -> NudgeChanges {
        let started = Date()
        let now = clock.now()
        let settings = try await Self.settings(store)
        let people = try await Self.people(store)
        let snapshot = try await analytics.snapshot()
        let whole = scope.deals == nil && scope.leads == nil && scope.companies == nil
        var reuse: NudgeNorms?
        if !whole, let kept = norms, now.timeIntervalSince(kept.at) < 900, now >= kept.at { reuse = kept.value }
        let limits = reuse ?? NudgeNorms(snapshot, now: now)
        if whole { norms = (now, limits) }
        let flags = try await qualification(settings, whole: whole, deals: scope.deals, now: now)
        let candidates = NudgeEngine.evaluate(snapshot, settings: settings, people: people, now: now, scope: scope, norms: limits,
                                              qualification: flags)
        let skip = known
        let records: [EntityKind: Set<Int64>]? = whole ? nil : [.deal: scope.deals ?? [], .lead: scope.leads ?? [], .company: scope.companies ?? []]
        let changes = try await store.write(actor: nil, origin: "nudges", at: now) { tx in
            try await tx.reconcileNudges(candidates, inScope: { scope.contains($0, $1) }, records: records, skip: skip)
        }
        if known.count > 2_000_000 { known.removeAll() }
        known.formUnion(changes.known)
        for c in candidates where !skip.contains(c.key) { known.insert(c.key) }
        if whole { lastRun = (now, Date().timeIntervalSince(started), changes) }
        return changes
    }

    /// Re-evaluates the records a write touched: the record itself and the deal, lead or company it belongs to. Before
    /// the snapshot is first built (a server just started on a large database) it leaves them to the minute's run
    /// rather than keep the write waiting for the build.
    public func recheck(_ kind: EntityKind, _ record: Record) async {
        guard await analytics.state.name == "ready" else { return }
        var deals = Set<Int64>(), leads = Set<Int64>(), companies = Set<Int64>()
        let id = record.int("id")
        switch kind {
        case .deal:
            if let id { deals.insert(id) }
            if let company = record.int("company_id") { companies.insert(company) }
        case .lead:
            if let id { leads.insert(id) }
            if let deal = record.int("deal_id") { deals.insert(deal) }
        case .activity:
            if let deal = record.int("deal_id") { deals.insert(deal) }
            if let lead = record.int("lead_id") { leads.insert(lead) }
        case .company:
            if let id { companies.insert(id) }
        default:
            return
        }
        do {
            try await evaluate(scope: NudgeScope(deals: deals, leads: leads, companies: companies))
        } catch {
            logger.warning("Nudges of \(kind.rawValue) \(id ?? 0) were not re-evaluated: \(error)")
        }
    }

    /// Evaluates now, then every `interval` seconds until stopped; a failed run is logged and tried again next time.
    public func start(every interval: Double = 60) {
        guard loop == nil else { return }
        loop = Task { [weak self] in
            while !Task.isCancelled {
                do { try await self?.evaluate() } catch { await self?.log(error) }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
            }
        }
    }

    public func stop() {
        loop?.cancel()
        loop = nil
    }

    private func log(_ error: any Error) { logger.warning("Nudge evaluation failed (tried again in a minute): \(error)") }

    /// The stored rule settings, or the defaults.
    static func settings(_ store: SQLStore) async throws -> NudgeSettings {
        guard let stored = try await store.setting(SettingKey.nudges.rawValue), let settings = try? NudgeSettings(json: stored) else {
            return NudgeSettings()
        }
        return settings
    }

    /// Active users and the heads of sales (the admins when there is no head).
    static func people(_ store: SQLStore) async throws -> NudgePeople {
        let users = try await store.all(.user).map(User.init(record:)).filter(\.active)
        let heads = users.filter { $0.role == .headOfSales }.map(\.id)
        return NudgePeople(active: Set(users.map(\.id)), heads: heads.isEmpty ? users.filter { $0.role == .admin }.map(\.id) : heads,
                           reps: users.filter { $0.role == .salesRep }.map(\.id))
    }
}
