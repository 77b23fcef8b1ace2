import Foundation

/// Sorts an inbound lead into a deal, a nurture company or junk.
public enum Triage {
    /// Decides a lead by its company and its request:
    /// - target audience and a request within the catalog: `.deal`, `fire` = true;
    /// - target audience, request outside the catalog (or none): `.nurture`;
    /// - not the target audience: `.junk`, whatever the request;
    /// - audience not known (data missing, no rule failing): `.deal` with `fire` = false when the request names
    ///   a product, else `.junk`. A lead asking for what we sell is worth a rep's call, and the call is where
    ///   the missing data comes from; one that asks for nothing we sell is not worth the time before we know more.
    ///
    /// `companyData` holds company fields the lead supplied (a web form, enrichment) in the API's form: keys as a
    /// company's fields, money in major units, custom attributes under "custom". It fills what the stored company
    /// lacks; the stored company's values win. Fields that cannot be read are left out and listed in `ignoredData`.
    public static func decide(company: Company?, companyData: [String: JSONValue] = [:], request: String?,
                              profile: AudienceProfile, matcher: RequestMatcher) -> TriageResult {
        var sources: [AudienceFacts.Source] = []
        if let company { sources.append(.init(company: company, hasTags: true)) }
        var record = Record()
        let ignored = companyData.isEmpty ? [] : RecordInput.apply(companyData, to: &record, fields: Company.fields, creating: false)
        let tagsRead = companyData["tags"] != nil && !ignored.contains { $0.field == "tags" }
        sources.append(.init(company: Company(record: record), hasTags: tagsRead))

        let audience = profile.evaluate(AudienceFacts(sources: sources))
        let text = request?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let matches = text.isEmpty ? [] : matcher.match(text)
        let inCatalog = !matches.isEmpty

        let outcome: LeadOutcome
        switch audience.verdict {
        case .pass: outcome = inCatalog ? .deal : .nurture
        case .fail: outcome = .junk
        case .unknown: outcome = inCatalog ? .deal : .junk
        }

        var reasons = audience.rules.filter { $0.verdict == audience.verdict }.map {
            TriageReason(kind: .audienceRule, verdict: $0.verdict, text: $0.explanation)
        }
        if audience.verdict != .fail {
            reasons += inCatalog ? termReasons(matches) : [unmatchedReason(hasRequest: !text.isEmpty)]
        }
        return TriageResult(outcome: outcome, fire: outcome == .deal && audience.verdict == .pass, audience: audience,
                            matches: matches, reasons: reasons, summary: summary(audience.verdict, inCatalog: inCatalog),
                            ignoredData: ignored)
    }

    private static func termReasons(_ matches: [ProductMatch]) -> [TriageReason] {
        matches.flatMap { match in
            match.terms.map { term in
                let by: BilingualText = switch term.kind {
                case .name: BilingualText(en: "by name", ru: "по названию")
                case .category: BilingualText(en: "by category", ru: "по категории")
                case .keyword: BilingualText(en: "by keyword", ru: "по ключевому слову")
                }
                return TriageReason(kind: .requestTerm, verdict: .pass, text: BilingualText(
                    en: "request matches \(Quote.en(match.product.name)) \(by.en) \(Quote.en(term.text))",
                    ru: "запрос совпадает с \(Quote.ru(match.product.name)) \(by.ru) \(Quote.ru(term.text))"))
            }
        }
    }

    private static func unmatchedReason(hasRequest: Bool) -> TriageReason {
        TriageReason(kind: .requestUnmatched, verdict: hasRequest ? .fail : .unknown, text: hasRequest
            ? BilingualText(en: "request matches no catalog product", ru: "запрос не совпадает ни с одним товаром каталога")
            : BilingualText(en: "no request text", ru: "текста запроса нет"))
    }

    private static func summary(_ audience: Verdict, inCatalog: Bool) -> BilingualText {
        let request = inCatalog
            ? BilingualText(en: "request within the catalog", ru: "запрос в рамках каталога")
            : BilingualText(en: "request outside the catalog", ru: "запрос вне каталога")
        switch audience {
        case .pass: return BilingualText(en: "target audience, \(request.en)", ru: "целевая аудитория, \(request.ru)")
        case .fail: return BilingualText(en: "not the target audience", ru: "не целевая аудитория")
        case .unknown:
            return BilingualText(en: "target audience not known, \(request.en)",
                                 ru: "принадлежность к целевой аудитории не известна, \(request.ru)")
        }
    }
}
