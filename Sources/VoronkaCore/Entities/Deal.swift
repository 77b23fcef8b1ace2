import Foundation

/// What is known of the client's budget for the deal.
public enum BudgetStatus: String, Sendable, Codable, CaseIterable {
    case unknown
    /// The client is still collecting offers: no budget yet.
    case collecting
    case allocated
}

/// A sales opportunity moving through a pipeline.
public struct Deal: Entity, Hashable {
    public static let kind = EntityKind.deal
    public static let ownerField: String? = "owner_id"
    public static let sortable = ["id", "created_at", "updated_at", "amount", "title"]
    public static let fields: [FieldSpec] = FieldSpec.system + [
        FieldSpec("title", .text, required: true, maxLength: 300),
        FieldSpec("company_id", .id, required: true, references: .company),
        FieldSpec("contact_ids", .json, required: true, default: .json(.array([])), shape: .ids),
        FieldSpec("owner_id", .id, references: .user),
        FieldSpec("pipeline_id", .id, required: true, references: .pipeline),
        FieldSpec("stage_id", .id, required: true, references: .stage),
        FieldSpec("amount", .money, required: true, range: 0...9e13, default: .int(0)),
        FieldSpec("currency", .text, required: true, default: .text("RUB")),
        FieldSpec("expected_profit", .money, range: -9e13...9e13),
        FieldSpec("expected_close", .day),
        FieldSpec("probability_override", .int, range: 0...100),
        FieldSpec("probability_reason", .text, maxLength: 2000),
        FieldSpec("lost_reason", .text, maxLength: 2000),
        FieldSpec("postponed_until", .day),
        FieldSpec("lead_id", .id, references: .lead),
        FieldSpec("referral", .bool, required: true, default: .bool(false)),
        FieldSpec("tender", .bool, required: true, default: .bool(false)),
        FieldSpec("tender_cost", .money, range: 0...9e13),
        FieldSpec("tags", .json, required: true, default: .json(.array([])), shape: .strings(allowed: nil)),
        FieldSpec("custom", .json, required: true, default: .json(.object([:])), shape: .attributes),
        FieldSpec("need_described", .bool),
        FieldSpec("need_text", .text, maxLength: 20_000),
        .enumeration("budget_status", BudgetStatus.self, required: true, default: .unknown),
        FieldSpec("budget_amount", .money, range: 0...9e13),
        FieldSpec("deadline", .day),
        FieldSpec("stage_entered_at", .timestamp, writable: false),
        FieldSpec("closed_at", .timestamp, writable: false),
        FieldSpec("grade", .text, required: true, writable: false, allowed: DealGrade.allCases.map(\.rawValue), default: .text(DealGrade.ungraded.rawValue)),
        FieldSpec("decision_maker_reached", .bool, required: true, writable: false, default: .bool(false)),
        .enumeration("economics_exception", EconomicsException.Kind.self),
        FieldSpec("economics_exception_reason", .text, maxLength: 2000),
    ]

    public var id: Int64
    public var title: String
    public var companyID: Int64
    public var contactIDs: [Int64]
    public var ownerID: Int64?
    public var pipelineID: Int64
    public var stageID: Int64
    /// In minor units of `currency`.
    public var amount: Int64
    public var currency: String
    public var expectedProfit: Int64?
    public var expectedClose: Day?
    public var probabilityOverride: Int64?
    public var probabilityReason: String?
    public var lostReason: String?
    public var postponedUntil: Day?
    public var leadID: Int64?
    public var referral: Bool
    public var tender: Bool
    public var tenderCost: Int64?
    public var tags: [String]
    public var custom: [String: JSONValue]
    /// Whether the client's need is described: nil while unknown.
    public var needDescribed: Bool?
    public var needText: String?
    public var budgetStatus: BudgetStatus
    public var budgetAmount: Int64?
    public var deadline: Day?
    public var stageEnteredAt: Date?
    public var closedAt: Date?
    public var createdAt: Date?
    /// The need/budget/urgency grade, recomputed by the server on every relevant change.
    public var grade: DealGrade = .ungraded
    /// Whether a decision maker or the economic buyer is among the contacts (recomputed with the grade).
    public var decisionMakerReached = false
    /// A claimed exception to the minimum economics of a deal, with its reason.
    public var economicsException: EconomicsException.Kind?
    public var economicsExceptionReason: String?

    public init(id: Int64 = 0, title: String, companyID: Int64, contactIDs: [Int64] = [], ownerID: Int64? = nil,
                pipelineID: Int64, stageID: Int64, amount: Int64 = 0, currency: String = "RUB", expectedProfit: Int64? = nil,
                expectedClose: Day? = nil, probabilityOverride: Int64? = nil, probabilityReason: String? = nil,
                lostReason: String? = nil, postponedUntil: Day? = nil, leadID: Int64? = nil, referral: Bool = false,
                tender: Bool = false, tenderCost: Int64? = nil, tags: [String] = [], custom: [String: JSONValue] = [:],
                needDescribed: Bool? = nil, needText: String? = nil, budgetStatus: BudgetStatus = .unknown,
                budgetAmount: Int64? = nil, deadline: Day? = nil, stageEnteredAt: Date? = nil, closedAt: Date? = nil, createdAt: Date? = nil) {
        self.id = id; self.title = title; self.companyID = companyID; self.contactIDs = contactIDs; self.ownerID = ownerID
        self.pipelineID = pipelineID; self.stageID = stageID; self.amount = amount; self.currency = currency
        self.expectedProfit = expectedProfit; self.expectedClose = expectedClose; self.probabilityOverride = probabilityOverride
        self.probabilityReason = probabilityReason; self.lostReason = lostReason; self.postponedUntil = postponedUntil
        self.leadID = leadID; self.referral = referral; self.tender = tender; self.tenderCost = tenderCost; self.tags = tags
        self.custom = custom; self.needDescribed = needDescribed; self.needText = needText; self.budgetStatus = budgetStatus
        self.budgetAmount = budgetAmount; self.deadline = deadline; self.stageEnteredAt = stageEnteredAt
        self.closedAt = closedAt; self.createdAt = createdAt
    }

    public init(record r: Record) {
        id = r.int("id") ?? 0
        title = r.text("title") ?? ""
        companyID = r.int("company_id") ?? 0
        contactIDs = r.ids("contact_ids")
        ownerID = r.int("owner_id")
        pipelineID = r.int("pipeline_id") ?? 0
        stageID = r.int("stage_id") ?? 0
        amount = r.int("amount") ?? 0
        currency = r.text("currency") ?? "RUB"
        expectedProfit = r.int("expected_profit")
        expectedClose = r.day("expected_close")
        probabilityOverride = r.int("probability_override")
        probabilityReason = r.text("probability_reason")
        lostReason = r.text("lost_reason")
        postponedUntil = r.day("postponed_until")
        leadID = r.int("lead_id")
        referral = r.bool("referral") ?? false
        tender = r.bool("tender") ?? false
        tenderCost = r.int("tender_cost")
        tags = r.strings("tags")
        if case .object(let o)? = r.json("custom") { custom = o } else { custom = [:] }
        needDescribed = r.bool("need_described")
        needText = r.text("need_text")
        budgetStatus = r.enumValue("budget_status", BudgetStatus.self) ?? .unknown
        budgetAmount = r.int("budget_amount")
        deadline = r.day("deadline")
        stageEnteredAt = r.time("stage_entered_at")
        closedAt = r.time("closed_at")
        createdAt = r.time("created_at")
        grade = r.enumValue("grade", DealGrade.self) ?? .ungraded
        decisionMakerReached = r.bool("decision_maker_reached") ?? false
        economicsException = r.enumValue("economics_exception", EconomicsException.Kind.self)
        economicsExceptionReason = r.text("economics_exception_reason")
    }

    public var record: Record {
        Record([
            "id": .int(id), "title": .text(title), "company_id": .int(companyID), "contact_ids": Record.idList(contactIDs),
            "owner_id": Record.optional(ownerID), "pipeline_id": .int(pipelineID), "stage_id": .int(stageID),
            "amount": .int(amount), "currency": .text(currency), "expected_profit": Record.optional(expectedProfit),
            "expected_close": Record.optional(expectedClose), "probability_override": Record.optional(probabilityOverride),
            "probability_reason": Record.optional(probabilityReason), "lost_reason": Record.optional(lostReason),
            "postponed_until": Record.optional(postponedUntil), "lead_id": Record.optional(leadID), "referral": .bool(referral),
            "tender": .bool(tender), "tender_cost": Record.optional(tenderCost), "tags": Record.list(tags),
            "custom": .json(.object(custom)), "need_described": Record.optional(needDescribed),
            "need_text": Record.optional(needText), "budget_status": .text(budgetStatus.rawValue),
            "budget_amount": Record.optional(budgetAmount), "deadline": Record.optional(deadline),
            "stage_entered_at": Record.optional(stageEnteredAt), "closed_at": Record.optional(closedAt),
            "created_at": Record.optional(createdAt), "grade": .text(grade.rawValue), "decision_maker_reached": .bool(decisionMakerReached),
            "economics_exception": Record.optional(economicsException?.rawValue),
            "economics_exception_reason": Record.optional(economicsExceptionReason),
        ])
    }

    /// The claimed economics exception, if one is claimed with a reason.
    public var claimedException: EconomicsException? {
        guard let kind = economicsException else { return nil }
        return try? EconomicsException(kind: kind, reason: economicsExceptionReason)
    }

    public func validate() -> [FieldError] {
        var errors = Rules.nonEmpty(title, field: "title") + Rules.currency(currency)
        if probabilityOverride != nil, (probabilityReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("probability_reason", .probabilityReasonRequired))
        }
        if tenderCost != nil, !tender { errors.append(FieldError("tender_cost", .tenderCostWithoutTender)) }
        if let kind = economicsException {
            do { _ = try EconomicsException(kind: kind, reason: economicsExceptionReason) } catch { errors.append(error) }
        }
        if budgetStatus == .allocated, let amount = budgetAmount, amount <= 0 {
            errors.append(FieldError("budget_amount", .allocatedBudgetPositive))
        }
        return errors
    }
}
