import Foundation

/// How often one required field is filled.
public struct FieldFill: Sendable, Codable, Equatable {
    public var field: String
    public var filled: Int
    public var share: Double?
}

/// One deal's completeness.
public struct DealCompleteness: Sendable, Codable, Equatable {
    public var dealID: Int64
    public var ownerID: Int64?
    /// Required fields filled, of `Metrics.requiredDealFields.count`.
    public var filled: Int
    public var share: Double
    public var missing: [String]
    /// Whole days since the deal last changed.
    public var daysSinceUpdate: Int
}

/// Completeness of one owner's open deals.
public struct OwnerCompleteness: Sendable, Codable, Equatable {
    public var ownerID: Int64?
    public var deals: Int
    /// Mean share of required fields filled.
    public var meanShare: Double?
    /// Deals with every required field filled.
    public var complete: Int
    /// Deals not changed for more than the untouched days.
    public var untouched: Int
}

/// CRM completeness. Definition "completeness v1":
///
/// Deals passing the filter (any period) that are open at the as-of date (not won or lost; postponed ones included).
/// Required fields: amount > 0, expected_close set, a contact present, need described (need_described is true),
/// budget status known (not "unknown"), deadline set. A deal's share = filled / 6; an owner's = the mean over their
/// deals. Untouched: the deal's last change (any journaled field) is more than `untouchedDays` days before the as-of
/// date. `worst` lists the least complete deals first (then the longest untouched), at most `limit`.
public struct CompletenessReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("completeness")
    public var untouchedDays: Int
    public var overall: OwnerCompleteness
    public var fields: [FieldFill]
    public var owners: [OwnerCompleteness]
    public var worst: [DealCompleteness]
}

extension Metrics {
    /// The required fields, in report order.
    public static let requiredDealFields = ["amount", "expected_close", "contact", "need_described", "budget_status", "deadline"]

    /// Share of required fields filled per deal and per owner, and untouched deals ("completeness v1").
    public static func completeness(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date, untouchedDays: Int = 14,
                                    limit: Int = 100) -> CompletenessReport {
        completeness(Scope(snapshot, filter, asOf: asOf), untouchedDays: untouchedDays, limit: limit)
    }

    static func completeness(_ scope: Scope, untouchedDays: Int, limit: Int) -> CompletenessReport {
        let s = scope.snapshot
        let groups = s.users.id.count + 1
        let deals = Scratch(repeating: 0, count: groups), filled = Scratch(repeating: 0, count: groups)
        let complete = Scratch(repeating: 0, count: groups), untouched = Scratch(repeating: 0, count: groups)
        let fieldCounts = Scratch(repeating: 0, count: 6)
        var worst = TopK<(d: Int, filled: Int, idle: Double)>(limit) { a, b in
            (a.filled, -a.idle, s.deals.id[a.d]) < (b.filled, -b.idle, s.deals.id[b.d])
        }
        let limitSeconds = Double(untouchedDays) * 86_400
        for d in 0..<s.deals.createdAt.count where scope.dealOK[d] && s.deals.closedAt[d] > scope.asOf {
            let has = fields(s, d)
            var count = 0
            for i in 0..<6 where has & (1 << i) != 0 { fieldCounts[i] += 1; count += 1 }
            let g = Int(s.deals.owner[d]) + 1
            deals[g] += 1
            filled[g] += count
            if count == 6 { complete[g] += 1 }
            let idle = scope.asOf - s.deals.updatedAt[d]
            if idle > limitSeconds { untouched[g] += 1 }
            worst.offer((d, count, idle))
        }
        func row(_ g: Int?, _ n: Int, _ f: Int, _ c: Int, _ u: Int) -> OwnerCompleteness {
            OwnerCompleteness(ownerID: g.flatMap { $0 > 0 ? s.users.id[$0 - 1] : nil }, deals: n,
                              meanShare: n > 0 ? Round.share(Double(f) / Double(6 * n)) : nil, complete: c, untouched: u)
        }
        let owners = (0..<groups).filter { deals[$0] > 0 }.map { row($0, deals[$0], filled[$0], complete[$0], untouched[$0]) }
            .sorted { ($0.ownerID ?? 0) < ($1.ownerID ?? 0) }
        let total = deals.array.reduce(0, +)
        let overall = row(nil, total, filled.array.reduce(0, +), complete.array.reduce(0, +), untouched.array.reduce(0, +))
        let listed = worst.items.map { c -> DealCompleteness in
            let has = fields(s, c.d)
            return DealCompleteness(dealID: s.deals.id[c.d], ownerID: scope.userID(s.deals.owner[c.d]), filled: c.filled,
                                    share: Round.share(Double(c.filled) / 6),
                                    missing: requiredDealFields.indices.filter { has & (1 << $0) == 0 }.map { requiredDealFields[$0] },
                                    daysSinceUpdate: Int((max(0, c.idle) / 86_400).rounded(.down)))
        }
        return CompletenessReport(untouchedDays: untouchedDays, overall: overall,
                                  fields: zip(requiredDealFields, fieldCounts.array).map { FieldFill(field: $0, filled: $1, share: Round.ratio($1, total)) },
                                  owners: owners, worst: listed)
    }

    /// Bit i set when required field i (in `requiredDealFields` order) of the deal is filled.
    @inline(__always)
    private static func fields(_ s: Snapshot, _ d: Int) -> Int {
        (s.deals.amount[d] > 0 ? 1 : 0) | (s.deals.expectedClose[d] != noDay ? 2 : 0) | (s.deals.has(d, DealFacts.hasContact) ? 4 : 0)
            | (s.deals.has(d, DealFacts.needDescribed) ? 8 : 0) | (s.deals.has(d, DealFacts.budgetKnown) ? 16 : 0)
            | (s.deals.deadline[d] != noDay ? 32 : 0)
    }
}
