import VoronkaCore
import VoronkaStore

/// A deal's qualification at a glance: grade and authority, the self-check list, economics and control.
enum DealReport {
    static func make(_ record: Record, tx: StoreReader, context: QualificationContext) async throws -> JSONValue {
        let deal = Deal(record: record)
        let contacts = try await tx.records(.contact, ids: deal.contactIDs).map(Contact.init(record:))
        let company = try await tx.fetch(.company, deal.companyID).map(Company.init(record:))
        let graded = Grading.grade(deal: deal, contacts: contacts)
        let checklist = Checklist.evaluate(deal: deal, company: company, contacts: contacts, profile: context.profile,
                                           matcher: context.matcher, economics: context.economics, exception: deal.claimedException)
        let economics = Economics.evaluate(deal: deal, settings: context.economics, exception: deal.claimedException)
        let stages = try await tx.records(.stage, where: "pipeline_id", equals: .int(deal.pipelineID)).map(Stage.init(record:))
        let control = Control.review(deals: [deal], stages: stages, settings: context.control) { _ in graded }.deals.first
        let authority = graded.authority
        var body: [String: JSONValue] = [
            "deal_id": .number(Double(deal.id)),
            "grade": .string(graded.grade.rawValue),
            "qualified": .bool(Qualification.isQualified(graded)),
            "need": .bool(graded.need), "budget": .bool(graded.budget), "urgency": .bool(graded.urgency),
            "authority": [
                "economic": .bool(authority.economic), "technical": .bool(authority.technical), "user": .bool(authority.user),
                "decision_maker_reached": .bool(authority.decisionMakerReached), "procurement_only": .bool(authority.procurementOnly),
                "missing": .array(authority.missingFunctions.map { .string($0.rawValue) }),
            ],
            "checklist": .array(checklist.map { item in
                ["id": .string(item.id.rawValue), "verdict": .string(item.verdict.rawValue), "en": .string(item.label.en), "ru": .string(item.label.ru)]
            }),
            "economics": economicsJSON(economics, minimum: context.economics.minimumProfit),
        ]
        if let control {
            body["control"] = [
                "violation": .bool(control.violation), "uncontrolled": .bool(control.uncontrolled),
                "probability": .number(Double(control.probability)), "capped_probability": .number(Double(control.cappedProbability)),
            ]
        }
        return .object(body)
    }

    static func economicsJSON(_ result: EconomicsResult, minimum: Int64?) -> JSONValue {
        var object: [String: JSONValue] = [
            "verdict": .string(result.verdict.rawValue),
            "minimum_profit": minimum.map { .number(Money.decimal(minorUnits: $0)) } ?? .null,
        ]
        switch result {
        case .above: object["result"] = "above"
        case .below: object["result"] = "below"
        case .unknown: object["result"] = "unknown"
        case .belowExcused(let kind, let reason):
            object["result"] = "below_excused"
            object["exception"] = .string(kind.rawValue)
            object["exception_reason"] = .string(reason)
        }
        return .object(object)
    }
}
