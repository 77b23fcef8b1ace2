/// Whether a deal is qualified, and what keeps an unqualified one out of a stage.
public enum Qualification {
    /// A deal is qualified when its grade is AAA or BBB (at least two of need, budget and urgency confirmed)
    /// and a decision maker or the economic buyer is among its contacts.
    public static func isQualified(_ grade: GradeResult) -> Bool {
        (grade.grade == .aaa || grade.grade == .bbb) && grade.authority.decisionMakerReached
    }

    /// The errors that refuse an unqualified deal a stage with requires_qualification, one per missing item
    /// ("need_described", "budget_status", "deadline", "contact_ids"); empty when the deal may enter.
    /// Below BBB every missing one of need, budget and deadline is named, since any of them would help.
    public static func gate(deal: Deal, grade: GradeResult, stage: Stage) -> [FieldError] {
        guard stage.requiresQualification, !isQualified(grade) else { return [] }
        let rule = "stage \"\(stage.name)\" takes qualified deals only"
        var errors: [FieldError] = []
        if grade.grade == .ccc || grade.grade == .ungraded {
            let needed = "\(rule): two of need, budget and deadline (the deal is \(grade.grade.rawValue))"
            if !grade.need { errors.append(FieldError("need_described", "the client's need is not described; \(needed)")) }
            if !grade.budget {
                let state = deal.budgetStatus == .collecting ? "the client is still collecting offers" : "the budget is not known"
                errors.append(FieldError("budget_status", "\(state), not allocated; \(needed)"))
            }
            if !grade.urgency { errors.append(FieldError("deadline", "no deadline is set; \(needed)")) }
        }
        if !grade.authority.decisionMakerReached {
            errors.append(FieldError("contact_ids", "no contact is a decision maker or the economic buyer; \(rule): one must be reached"))
        }
        return errors
    }
}
