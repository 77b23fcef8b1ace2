import Foundation

/// An open deal that has been in its stage longer than expected.
public struct StalledDeal: Sendable, Codable, Equatable {
    public var dealID: Int64
    public var stageID: Int64
    public var ownerID: Int64?
    /// The day it entered the stage.
    public var enteredOn: String
    public var daysInStage: Double
    /// The limit it is past.
    public var limitDays: Double
    /// "expected_days" (the stage's configured duration) or "p80" (the stage's historical 80th percentile).
    public var basis: String
}

/// How many stalled deals one owner has (nil: deals without an owner).
public struct StalledOwner: Sendable, Codable, Equatable {
    public var ownerID: Int64?
    public var count: Int
}

/// How the stalled list is ordered; every order lists the most urgent first within its groups.
public enum StalledOrder: String, Sendable, Hashable, CaseIterable {
    /// Days in stage ÷ limit, the highest first (the default).
    case overdue
    /// Days in stage, the most first.
    case days
    /// By pipeline and stage position, then the most overdue first.
    case stage
    /// Grouped by owner, the owner with the most stalled deals first (as `byOwner`), then the most overdue first.
    case owner
}

/// Stalled deals. Definition "stalled v1":
///
/// Deals passing the filter (any period), open at the as-of date (not won or lost by then) and in an open stage (a
/// postponed deal waits by design and is not stalled). A deal is stalled when the days since it entered its stage
/// exceed the stage's expected duration, or, when the stage has none, the 80th percentile (nearest rank) of the days
/// of every ended visit to that stage by the as-of date (all live deals, unfiltered: the stage's norm). A stage with neither
/// stalls no deal. `deals` lists at most `limit` of them in `order`: by default the most overdue first (days in stage ÷
/// limit); ties by deal id.
public struct StalledReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("stalled")
    /// Stalled deals in all.
    public var count: Int
    public var deals: [StalledDeal]
    /// Every stalled deal counted by owner, the most first (ties by owner id, no owner last): who to talk to first.
    public var byOwner: [StalledOwner] = []
}

extension Metrics {
    /// Open deals in their stage longer than expected ("stalled v1").
    public static func stalledDeals(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date, limit: Int = 100,
                                    order: StalledOrder = .overdue) -> StalledReport {
        stalledDeals(Scope(snapshot, filter, asOf: asOf), limit: limit, order: order)
    }

    /// `norms`: the stages' 80th percentiles when already known for every visit (the unfiltered time in stage).
    static func stalledDeals(_ scope: Scope, limit: Int, order: StalledOrder = .overdue, norms known: [Double?]? = nil) -> StalledReport {
        let s = scope.snapshot
        let (limitDays, basis) = stallLimits(s, asOf: scope.asOf, known: known)
        var perOwner: [Int64?: Int] = [:]
        var stalled: [(d: Int, v: Int, days: Double, over: Double)] = []
        for d in 0..<s.deals.createdAt.count where scope.dealOK[d] && s.deals.closedAt[d] > scope.asOf {
            let v = scope.visitAt(d)
            guard v >= 0 else { continue }
            let st = Int(s.visits.stage[v])
            guard s.stages.kind[st] == Kind.open, limitDays[st].isFinite else { continue }
            let days = (scope.asOf - s.visits.enteredAt[v]) / 86_400
            if days > limitDays[st] {
                perOwner[scope.userID(s.deals.owner[d]), default: 0] += 1
                stalled.append((d, v, days, days / max(limitDays[st], 1.0 / 24)))
            }
        }
        let owners = perOwner.map { StalledOwner(ownerID: $0.key, count: $0.value) }
            .sorted { ($1.count, $1.ownerID == nil ? 1 : 0, -($1.ownerID ?? 0)) < ($0.count, $0.ownerID == nil ? 1 : 0, -($0.ownerID ?? 0)) }
        let ownerRank = Dictionary(owners.enumerated().map { ($0.element.ownerID, $0.offset) }, uniquingKeysWith: { a, _ in a })
        // A key per deal that sorts ascending, then the deal id: the order's groups, then the most overdue first.
        func key(_ e: (d: Int, v: Int, days: Double, over: Double)) -> (Int, Int, Double) {
            let st = Int(s.visits.stage[e.v])
            switch order {
            case .overdue: return (0, 0, -e.over)
            case .days: return (0, 0, -e.days)
            case .stage: return (Int(s.stages.pipeline[st]), Int(s.stages.position[st]), -e.over)
            case .owner: return (ownerRank[scope.userID(s.deals.owner[e.d])] ?? Int.max, 0, -e.over)
            }
        }
        var found = TopK<(d: Int, v: Int, days: Double, over: Double)>(limit) { a, b in
            let ka = key(a), kb = key(b)
            if ka != kb { return ka < kb }
            return s.deals.id[a.d] < s.deals.id[b.d]
        }
        for e in stalled { found.offer(e) }
        let listed = found.items.map { f in
            let st = Int(s.visits.stage[f.v])
            return StalledDeal(dealID: s.deals.id[f.d], stageID: s.stages.id[st], ownerID: scope.userID(s.deals.owner[f.d]),
                               enteredOn: Months.dayLabel(Int((s.visits.enteredAt[f.v] / 86_400).rounded(.down))),
                               daysInStage: Round.money(f.days), limitDays: Round.money(limitDays[st]), basis: basis[st])
        }
        return StalledReport(count: stalled.count, deals: listed, byOwner: owners)
    }
}

extension Metrics {
    /// Each stage's stall limit in days (`.infinity`: none) and its basis ("expected_days" or "p80"): the stage's
    /// expected duration, else the 80th percentile of every ended visit to it by `asOf` (all live deals). `known`: the
    /// 80th percentiles when already computed.
    static func stallLimits(_ s: Snapshot, asOf t: Double, known: [Double?]? = nil) -> (limits: [Double], basis: [String]) {
        let stageCount = s.stages.kind.count
        var limitDays = [Double](repeating: .infinity, count: stageCount)
        var basis = [String](repeating: "", count: stageCount)
        var needNorm = [Bool](repeating: false, count: stageCount)
        for st in 0..<stageCount where s.stages.kind[st] == Kind.open {
            if s.stages.expectedDays[st] >= 0 {
                limitDays[st] = Double(s.stages.expectedDays[st])
                basis[st] = "expected_days"
            } else {
                needNorm[st] = true
            }
        }
        if let known {
            for st in 0..<stageCount where needNorm[st] {
                if let p80 = known[st] { limitDays[st] = p80; basis[st] = "p80" }
            }
        } else if needNorm.contains(true) {
            // Every live deal created by the as-of date (what an unfiltered scope lets through), without building one.
            let flags = s.deals.flags, created = s.deals.createdAt, visitDeal = s.visits.deal
            let norms = StageDurations(s, asOf: t, ps: [0.8], stages: needNorm) { v in
                let d = Int(visitDeal[v])
                return flags[d] & DealFacts.deleted == 0 && created[d] <= t
            }
            for st in 0..<stageCount where needNorm[st] {
                if let p80 = norms.percentiles[st]?[0] { limitDays[st] = p80; basis[st] = "p80" }
            }
        }
        return (limitDays, basis)
    }
}
