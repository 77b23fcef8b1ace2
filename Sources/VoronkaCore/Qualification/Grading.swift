/// A deal's grade and what it rests on.
public struct GradeResult: Hashable, Sendable {
    /// AAA, BBB, CCC or ungraded, by the count of need, budget and urgency.
    public var grade: DealGrade
    /// The client's need is described (need_described is true).
    public var need: Bool
    /// The budget is allocated; a client still collecting offers has none.
    public var budget: Bool
    /// A deadline is set.
    public var urgency: Bool
    /// Who at the client the deal has reached.
    public var authority: Authority

    /// A result as given (tests and stored grades); `Grading.grade` computes one.
    public init(grade: DealGrade, need: Bool, budget: Bool, urgency: Bool, authority: Authority) {
        self.grade = grade; self.need = need; self.budget = budget; self.urgency = urgency; self.authority = authority
    }
}

/// Grades deals by need, budget and urgency, and reads their authority from the contacts.
public enum Grading {
    /// Grades a deal; `contacts` are the deal's contacts (those of its contact_ids).
    public static func grade(deal: Deal, contacts: [Contact]) -> GradeResult {
        let need = deal.needDescribed == true
        let budget = deal.budgetStatus == .allocated
        let urgency = deal.deadline != nil
        let count = [need, budget, urgency].filter { $0 }.count
        return GradeResult(grade: DealGrade(confirmed: count), need: need, budget: budget, urgency: urgency,
                           authority: Authority(contacts: contacts))
    }
}
