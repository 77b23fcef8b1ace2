/// The target audience (ideal customer profile): a company belongs to it when every rule passes.
public struct AudienceProfile: Hashable, Sendable {
    /// The conditions, all of which must hold.
    public var rules: [AudienceRule]

    /// A profile of these rules; none means every company is in the audience.
    public init(rules: [AudienceRule]) { self.rules = rules }

    /// Checks a stored company against every rule.
    public func evaluate(_ company: Company) -> AudienceResult { evaluate(AudienceFacts(company)) }

    func evaluate(_ facts: AudienceFacts) -> AudienceResult {
        let results = rules.map { $0.evaluate(facts) }
        return AudienceResult(verdict: Verdict.all(results.map(\.verdict)), rules: results)
    }
}

/// Whether a company is in the target audience, and each rule's answer.
public struct AudienceResult: Hashable, Sendable {
    /// Fail when any rule fails; else unknown when any rule lacks data; else pass (also with no rules).
    public var verdict: Verdict
    /// One result per rule, in the profile's order.
    public var rules: [AudienceRuleResult]
}
