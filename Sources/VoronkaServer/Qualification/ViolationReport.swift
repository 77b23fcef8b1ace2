import VoronkaCore
import VoronkaStore

/// The control report: per owner, open deals past the first meeting that are not qualified (the goal is zero),
/// uncontrolled deals, and the weighted pipeline with and without the cap.
enum ViolationReport {
    static func make(_ s: Services, viewer: Viewer, params: [String: String]) async throws -> JSONValue {
        var filters = params.filter { ["owner_id", "pipeline_id"].contains($0.key) }
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
        var perOwner: [Int64: (violations: Int, uncontrolled: Int, open: Int)] = [:]
        var listed: [JSONValue] = []
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
                let owner = byID[control.dealID]?.ownerID ?? 0
                var counts = perOwner[owner] ?? (0, 0, 0)
                counts.open += 1
                if control.violation { counts.violations += 1 }
                if control.uncontrolled { counts.uncontrolled += 1 }
                perOwner[owner] = counts
                if control.violation || control.uncontrolled {
                    listed.append(["deal_id": .number(Double(control.dealID)), "owner_id": .number(Double(owner)),
                                   "grade": .string(control.grade.rawValue), "violation": .bool(control.violation),
                                   "uncontrolled": .bool(control.uncontrolled), "probability": .number(Double(control.probability)),
                                   "capped_probability": .number(Double(control.cappedProbability))])
                }
            }
        }
        return [
            "owners": .array(perOwner.sorted { $0.key < $1.key }.map { owner, c in
                ["owner_id": .number(Double(owner)), "open_deals": .number(Double(c.open)),
                 "violations": .number(Double(c.violations)), "uncontrolled": .number(Double(c.uncontrolled))]
            }),
            "violations": .number(Double(listed.filter { $0.boolMember("violation") }.count)),
            "uncontrolled": .number(Double(listed.filter { $0.boolMember("uncontrolled") }.count)),
            "weighted_pipeline": .number(Money.decimal(minorUnits: weighted)),
            "weighted_pipeline_capped": .number(Money.decimal(minorUnits: capped)),
            "deals": .array(listed),
        ]
    }
}

extension JSONValue {
    public func boolMember(_ key: String) -> Bool {
        if case .object(let o) = self, case .bool(let b)? = o[key] { return b }
        return false
    }
}
