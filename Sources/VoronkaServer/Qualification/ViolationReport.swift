import VoronkaCore
import VoronkaStore

/// The control report: per owner, open deals past the first meeting that are not qualified (the goal is zero),
/// uncontrolled deals, and the weighted pipeline with and without the cap. The API encodes it (`json`); the
/// dashboard reads it as it is.
struct ViolationReport: Sendable {
    struct OwnerCounts: Sendable, Hashable {
        /// 0 for deals without an owner.
        let ownerID: Int64
        var openDeals = 0, violations = 0, uncontrolled = 0, belowMinimum = 0
    }

    /// A deal that breaks a control rule.
    struct FlaggedDeal: Sendable, Hashable {
        let dealID: Int64
        let ownerID: Int64?
        let grade: DealGrade
        let violation: Bool
        let uncontrolled: Bool
        /// Expected profit below the minimum profit per deal, with no exception claimed.
        let belowMinimum: Bool
        let probability: Int64
        let cappedProbability: Int64
    }

    /// By owner id.
    var owners: [OwnerCounts]
    /// In deal id order.
    var deals: [FlaggedDeal]
    /// In minor units.
    var weightedPipeline: Int64
    var weightedPipelineCapped: Int64

    var violations: [FlaggedDeal] { deals.filter(\.violation) }
    var uncontrolled: [FlaggedDeal] { deals.filter(\.uncontrolled) }
    var belowMinimum: [FlaggedDeal] { deals.filter(\.belowMinimum) }

    static func make(_ s: Services, viewer: Viewer, params: [String: String]) async throws -> ViolationReport {
        var filters = params.filter { ["owner_id", "pipeline_id", "id"].contains($0.key) }
        filters["closed_at_null"] = "true"
        filters["limit"] = "500"
        let query = try ListQuery.parse(filters, fields: Deal.fields, sortable: Deal.sortable).get()
        var scope = OwnerScope.everyone
        if let owners = viewer.visibleOwners { scope = .owners(owners) }
        var deals: [Deal] = []
        var page = try await s.store.list(.deal, query: query, scope: scope)
        deals += page.records.map(Deal.init(record:))
        while page.nextCursor != nil, let last = deals.last {
            var next = query
            next.after = (value: .int(last.id), id: last.id)
            page = try await s.store.list(.deal, query: next, scope: scope)
            deals += page.records.map(Deal.init(record:))
        }
        let stages = try await s.store.all(.stage).map(Stage.init(record:))
        let context = try await s.store.read { try await QualificationContext.load($0) }
        var perOwner: [Int64: OwnerCounts] = [:]
        var flagged: [FlaggedDeal] = []
        var weighted: Int64 = 0, capped: Int64 = 0
        for (pipeline, group) in Dictionary(grouping: deals, by: \.pipelineID) {
            let report = Control.review(deals: group, stages: stages.filter { $0.pipelineID == pipeline }, settings: context.control) { deal in
                var authority = Authority(contacts: [])
                authority.decisionMakerReached = deal.decisionMakerReached
                return GradeResult(grade: deal.grade, need: deal.needDescribed == true, budget: deal.budgetStatus == .allocated,
                                   urgency: deal.deadline != nil, authority: authority)
            }
            weighted += report.weightedPipeline
            capped += report.weightedPipelineCapped
            let byID = Dictionary(group.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for control in report.deals {
                let owner = byID[control.dealID]?.ownerID
                let below = byID[control.dealID].map {
                    Economics.evaluate(deal: $0, settings: context.economics, exception: $0.claimedException) == .below
                } ?? false
                var counts = perOwner[owner ?? 0] ?? OwnerCounts(ownerID: owner ?? 0)
                counts.openDeals += 1
                if control.violation { counts.violations += 1 }
                if control.uncontrolled { counts.uncontrolled += 1 }
                if below { counts.belowMinimum += 1 }
                perOwner[owner ?? 0] = counts
                if control.violation || control.uncontrolled || below {
                    flagged.append(FlaggedDeal(dealID: control.dealID, ownerID: owner, grade: control.grade, violation: control.violation,
                                               uncontrolled: control.uncontrolled, belowMinimum: below, probability: Int64(control.probability),
                                               cappedProbability: Int64(control.cappedProbability)))
                }
            }
        }
        return ViolationReport(owners: perOwner.values.sorted { $0.ownerID < $1.ownerID }, deals: flagged.sorted { $0.dealID < $1.dealID },
                               weightedPipeline: weighted, weightedPipelineCapped: capped)
    }

    /// The API's answer.
    var json: JSONValue {
        [
            "owners": .array(owners.map { c in
                ["owner_id": .number(Double(c.ownerID)), "open_deals": .number(Double(c.openDeals)),
                 "violations": .number(Double(c.violations)), "uncontrolled": .number(Double(c.uncontrolled)),
                 "below_minimum": .number(Double(c.belowMinimum))]
            }),
            "violations": .number(Double(violations.count)),
            "uncontrolled": .number(Double(uncontrolled.count)),
            "below_minimum": .number(Double(belowMinimum.count)),
            "weighted_pipeline": .number(Money.decimal(minorUnits: weightedPipeline)),
            "weighted_pipeline_capped": .number(Money.decimal(minorUnits: weightedPipelineCapped)),
            "deals": .array(deals.map { d in
                ["deal_id": .number(Double(d.dealID)), "owner_id": .number(Double(d.ownerID ?? 0)),
                 "grade": .string(d.grade.rawValue), "violation": .bool(d.violation), "uncontrolled": .bool(d.uncontrolled),
                 "below_minimum": .bool(d.belowMinimum),
                 "probability": .number(Double(d.probability)), "capped_probability": .number(Double(d.cappedProbability))]
            }),
        ]
    }
}

extension JSONValue {
    public func boolMember(_ key: String) -> Bool {
        if case .object(let o) = self, case .bool(let b)? = o[key] { return b }
        return false
    }
}

extension ViolationReport {
    /// The nudge rule's view of the control report: each open deal that breaks a rule, and which (all deals, or the
    /// given ones).
    static func flags(_ s: Services, deals: Set<Int64>?) async throws -> [Int64: QualificationFlags] {
        var params: [String: String] = [:]
        if let deals { params["id"] = deals.sorted().map(String.init).joined(separator: ",") }
        var out: [Int64: QualificationFlags] = [:]
        for d in try await make(s, viewer: .system, params: params).deals {
            var f = QualificationFlags()
            if d.violation { f.insert(.unqualified) }
            if d.belowMinimum { f.insert(.belowMinimum) }
            if d.uncontrolled { f.insert(.uncontrolled) }
            if !f.isEmpty { out[d.dealID] = f }
        }
        return out
    }
}
