/// The built-in rules that nudge people to act on the funnel.
public enum NudgeRule: String, Sendable, Codable, CaseIterable {
    /// An open deal longer in its stage (since it entered it or since the last call, meeting or e-mail logged on it)
    /// than the stage's expected duration, or its historical 80th percentile.
    case stalled
    /// A postponed deal whose `postponed_until` has come, or every N days while it is postponed.
    case postponed
    /// A month before a yearly buyer's expected purchase month.
    case yearlyBuyer = "yearly_buyer"
    /// A new lead not answered within the response target.
    case leadResponse = "lead_response"
    /// An open deal nobody has touched for N days.
    case stale
    /// An open deal past the first meeting and unqualified, below the minimum economics without an exception, or
    /// past the control stage with its budget or need unknown.
    case qualification
    /// A webhook endpoint Voronka switched off (failing for a day): told to whoever made it.
    case webhookFailing = "webhook_failing"

    /// The rule's name in both languages, for lists and settings.
    public var title: BilingualText {
        switch self {
        case .stalled: BilingualText(en: "Stalled deal", ru: "Сделка застряла")
        case .postponed: BilingualText(en: "Postponed deal to check", ru: "Отложенная сделка: пора проверить")
        case .yearlyBuyer: BilingualText(en: "Yearly buyer", ru: "Ежегодный покупатель")
        case .leadResponse: BilingualText(en: "Lead not answered", ru: "Заявка без ответа")
        case .stale: BilingualText(en: "Deal untouched", ru: "Сделку давно не трогали")
        case .webhookFailing: BilingualText(en: "Webhook switched off", ru: "Вебхук отключён")
        case .qualification: BilingualText(en: "Deal needs qualification", ru: "Сделке нужна квалификация")
        }
    }
}

/// Where a nudge stands.
public enum NudgeState: String, Sendable, Codable, CaseIterable {
    /// Due and not yet acted on.
    case open
    /// Acted on: marked done by a person, or closed by the engine once its record no longer matches the rule.
    case done
    /// Hidden until `snoozed_until`; open again then.
    case snoozed
    /// Set aside with a reason.
    case dismissed
}
