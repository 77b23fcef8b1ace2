import VoronkaCore

/// Names of the core's enumerations; each switch is exhaustive, so a new case cannot go unnamed.
extension Localizer {
    public func name(_ outcome: LeadOutcome) -> String {
        switch outcome {
        case .deal: self[.outcomeDeal]
        case .nurture: self[.outcomeNurture]
        case .junk: self[.outcomeJunk]
        }
    }

    public func name(_ source: LeadSource) -> String {
        switch source {
        case .webForm: self[.sourceWebForm]
        case .phone: self[.sourcePhone]
        case .email: self[.sourceEmail]
        case .referral: self[.sourceReferral]
        case .event: self[.sourceEvent]
        case .outbound: self[.sourceOutbound]
        case .reactivation: self[.sourceReactivation]
        case .import: self[.sourceImport]
        }
    }

    public func name(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: self[.verdictPass]
        case .fail: self[.verdictFail]
        case .unknown: self[.verdictUnknown]
        }
    }

    public func name(_ role: BuyingRole) -> String {
        switch role {
        case .economicBuyer: self[.roleEconomicBuyer]
        case .technical: self[.roleTechnical]
        case .user: self[.roleUser]
        case .decisionMaker: self[.roleDecisionMaker]
        case .procurementOnly: self[.roleProcurementOnly]
        case .unknown: self[.roleUnknown]
        }
    }

    public func name(_ kind: ActivityKind) -> String {
        switch kind {
        case .call: self[.activityCall]
        case .meeting: self[.activityMeeting]
        case .email: self[.activityEmail]
        case .note: self[.activityNote]
        case .task: self[.activityTask]
        }
    }

    public func name(_ kind: StageKind) -> String {
        switch kind {
        case .open: self[.stageOpen]
        case .won: self[.stageWon]
        case .lost: self[.stageLost]
        case .postponed: self[.stagePostponed]
        }
    }

    public func name(_ status: BudgetStatus) -> String {
        switch status {
        case .unknown: self[.budgetUnknown]
        case .collecting: self[.budgetCollecting]
        case .allocated: self[.budgetAllocated]
        }
    }

    public func name(_ grade: DealGrade) -> String {
        grade == .ungraded ? self[.ungraded] : grade.rawValue
    }

    public func name(_ exception: EconomicsException.Kind) -> String {
        switch exception {
        case .largeBuyerSmallOrder: self[.exceptionLargeBuyer]
        case .trialDelivery: self[.exceptionTrial]
        }
    }

    /// Yes, No, or Unknown for nil.
    public func yesNo(_ flag: Bool?) -> String {
        switch flag {
        case true?: self[.yes]
        case false?: self[.no]
        case nil: self[.unknown]
        }
    }

    /// Items joined as a sentence's list: `a, b and c` / `a, b и c`.
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (language == .ru ? " и " : " and ") + items[items.count - 1]
    }
}
