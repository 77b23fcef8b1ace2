/// One fact that decided a triage: an audience rule's answer, a matched catalog term, or an unmatched request.
public struct TriageReason: Hashable, Sendable {
    /// What the reason is about.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case audienceRule = "audience_rule"
        case requestTerm = "request_term"
        case requestUnmatched = "request_unmatched"
    }

    /// What the reason is about.
    public var kind: Kind
    /// Pass for a rule that holds or a matched term; fail or unknown otherwise.
    public var verdict: Verdict
    /// The reason in words, e.g. "steam output 5 t/h > 3 t/h".
    public var text: BilingualText

    /// A reason as given.
    public init(kind: Kind, verdict: Verdict, text: BilingualText) { self.kind = kind; self.verdict = verdict; self.text = text }
}

/// What to do with a lead, and why.
public struct TriageResult: Hashable, Sendable {
    /// Deal, nurture or junk.
    public var outcome: LeadOutcome
    /// A hot lead: the target audience asking for what we sell (the lead's `fire` flag).
    public var fire: Bool
    /// Every audience rule's answer, including those that did not decide the outcome.
    public var audience: AudienceResult
    /// The catalog products the request names.
    public var matches: [ProductMatch]
    /// The rules and terms that decided the outcome, audience first.
    public var reasons: [TriageReason]
    /// One line for the lead's outcome_reason, e.g. "target audience, request within the catalog".
    public var summary: BilingualText
    /// Fields of the supplied company data that could not be read and were left out.
    public var ignoredData: [FieldError]
}
