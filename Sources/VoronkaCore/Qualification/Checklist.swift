import Foundation

/// One point of a deal's self-check list.
public struct ChecklistItem: Hashable, Sendable {
    /// The seven points, in the list's order.
    public enum ID: String, Sendable, Codable, CaseIterable {
        case economics, audience, request, authority
        case wholeNeed = "whole_need"
        case budget, timing
    }

    /// Which point this is.
    public var id: ID
    /// Whether the point holds for the deal.
    public var verdict: Verdict
    /// The point as a statement, e.g. "Budget allocated" / "Бюджет выделен".
    public var label: BilingualText

    /// The point with its built-in label.
    public init(id: ID, verdict: Verdict) {
        self.id = id
        self.verdict = verdict
        label = switch id {
        case .economics: BilingualText(en: "Expected profit above the minimum", ru: "Ожидаемая прибыль выше минимальной")
        case .audience: BilingualText(en: "Client in the target audience", ru: "Клиент из целевой аудитории")
        case .request: BilingualText(en: "Request within the catalog", ru: "Запрос в рамках каталога")
        case .authority: BilingualText(en: "Economic, technical and user functions covered",
                                       ru: "Охвачены экономическая, техническая и пользовательская функции")
        case .wholeNeed: BilingualText(en: "The whole need, not a part of it", ru: "Вся потребность, а не её часть")
        case .budget: BilingualText(en: "Budget allocated", ru: "Бюджет выделен")
        case .timing: BilingualText(en: "Delivery timing known", ru: "Сроки поставки известны")
        }
    }
}

/// The rep's self-check list for a deal: seven points, each pass, fail or unknown.
public enum Checklist {
    /// The custom attribute (a flag) telling whether the deal covers the client's whole need.
    public static let wholeNeedKey = "whole_need"

    /// Evaluates the seven points in order:
    /// - economics: expected profit at or above the minimum, or below with an exception claimed;
    /// - audience: the company passes every audience rule (unknown without a company or with data missing);
    /// - request: `request`, else the deal's need_text, names a catalog product (unknown when there is no text);
    /// - authority: economic, technical and user functions covered; unknown when a contact without a known
    ///   role might cover the rest;
    /// - whole_need: the deal's custom flag "whole_need", unknown when absent;
    /// - budget: allocated passes, collecting fails, unknown stays unknown;
    /// - timing: a deadline is set (fails otherwise: the timing is not known).
    public static func evaluate(deal: Deal, company: Company?, contacts: [Contact], request: String? = nil,
                                profile: AudienceProfile, matcher: RequestMatcher, economics: EconomicsSettings,
                                exception: EconomicsException? = nil) -> [ChecklistItem] {
        let facts = company.map(AudienceFacts.init) ?? AudienceFacts(sources: [])
        let text = (request ?? deal.needText ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let authority = Authority(contacts: contacts)
        let wholeNeed: Verdict = if case .bool(let b)? = deal.custom[wholeNeedKey] { Verdict(b) } else { .unknown }
        let budget: Verdict = switch deal.budgetStatus {
        case .allocated: .pass
        case .collecting: .fail
        case .unknown: .unknown
        }
        return [
            ChecklistItem(id: .economics, verdict: Economics.evaluate(deal: deal, settings: economics, exception: exception).verdict),
            ChecklistItem(id: .audience, verdict: profile.evaluate(facts).verdict),
            ChecklistItem(id: .request, verdict: text.isEmpty ? .unknown : Verdict(!matcher.match(text).isEmpty)),
            ChecklistItem(id: .authority, verdict: authority.allFunctionsCovered ? .pass : authority.hasUnknownRoles ? .unknown : .fail),
            ChecklistItem(id: .wholeNeed, verdict: wholeNeed),
            ChecklistItem(id: .budget, verdict: budget),
            ChecklistItem(id: .timing, verdict: Verdict(deal.deadline != nil)),
        ]
    }
}
