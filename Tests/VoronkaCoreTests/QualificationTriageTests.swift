import Testing
@testable import VoronkaCore

@Suite("Lead triage")
struct QualificationTriageTests {
    typealias F = QualificationFixtures

    @Test("Target audience asking for a catalog product is a hot deal, with every rule and term as reasons")
    func hotDeal() {
        // action
        let result = Triage.decide(company: F.dairy, request: "Нужны паровые котлы на 5 т/ч", profile: F.profile, matcher: F.matcher)
        // check
        #expect(result.outcome == .deal)
        #expect(result.fire)
        #expect(result.reasons.map(\.kind) == [.audienceRule, .audienceRule, .audienceRule, .requestTerm])
        #expect(result.reasons.last?.text == BilingualText(
            en: "request matches \"Паровой котёл Е-1,0-0,9\" by keyword \"паровой котел\"",
            ru: "запрос совпадает с «Паровой котёл Е-1,0-0,9» по ключевому слову «паровой котел»"))
        #expect(result.summary.en == "target audience, request within the catalog")
        #expect(result.ignoredData.isEmpty)
    }

    @Test("Target audience asking for something else is nurtured")
    func nurture() {
        // action
        let result = Triage.decide(company: F.dairy, request: "ищем бухгалтерские услуги", profile: F.profile, matcher: F.matcher)
        let silent = Triage.decide(company: F.dairy, request: "  ", profile: F.profile, matcher: F.matcher)
        // check
        #expect(result.outcome == .nurture)
        #expect(!result.fire)
        #expect(result.reasons.map(\.verdict) == [.pass, .pass, .pass, .fail])
        #expect(result.reasons.last?.text.ru == "запрос не совпадает ни с одним товаром каталога")
        #expect(silent.outcome == .nurture)
        #expect(silent.reasons.last?.kind == .requestUnmatched)
        #expect(silent.reasons.last?.verdict == .unknown)
    }

    @Test("Outside the target audience is junk whatever the request, and only the failing rules are the reasons")
    func junk() {
        // setup
        var shop = F.dairy
        shop.industry = "Retail"
        // action
        let result = Triage.decide(company: shop, request: "need two steam boilers", profile: F.profile, matcher: F.matcher)
        // check
        #expect(result.outcome == .junk)
        #expect(!result.fire)
        #expect(result.matches.map(\.product.id) == [10])
        #expect(result.reasons.count == 1)
        #expect(result.reasons.first?.verdict == .fail)
        #expect(result.summary.ru == "не целевая аудитория")
    }

    @Test("Audience unknown: a deal without fire when the request matches, junk when it does not")
    func unknownAudience() {
        // setup
        let data: [String: JSONValue] = ["industry": "chemicals"]
        // action
        let matching = Triage.decide(company: nil, companyData: data, request: "steam boiler", profile: F.profile, matcher: F.matcher)
        let other = Triage.decide(company: nil, companyData: data, request: "accounting", profile: F.profile, matcher: F.matcher)
        // check
        #expect(matching.outcome == .deal)
        #expect(!matching.fire)
        #expect(matching.audience.verdict == .unknown)
        #expect(matching.reasons.map(\.verdict) == [.unknown, .unknown, .pass])
        #expect(matching.reasons.first?.text.en == "steam output: no data")
        #expect(other.outcome == .junk)
        #expect(other.summary.en == "target audience not known, request outside the catalog")
    }

    @Test("Company data from the lead fills what the stored company lacks, in API form; the stored values win")
    func companyData() {
        // setup
        var noSteam = F.dairy
        noSteam.custom = [:]
        var weak = F.dairy
        weak.custom["steam_tph"] = 2
        let data: [String: JSONValue] = ["custom": ["steam_tph": 5], "annual_revenue": 1_500_000_000, "industry": "food"]
        // action
        let filled = Triage.decide(company: noSteam, companyData: data, request: "steam boiler", profile: F.profile, matcher: F.matcher)
        let storedWins = Triage.decide(company: weak, companyData: data, request: "steam boiler", profile: F.profile, matcher: F.matcher)
        let dataOnly = Triage.decide(company: nil, companyData: data, request: "steam boiler", profile: F.profile, matcher: F.matcher)
        // check
        #expect(filled.outcome == .deal && filled.fire)
        #expect(storedWins.outcome == .junk)
        #expect(dataOnly.audience.verdict == .pass)
        #expect(dataOnly.audience.rules[1].explanation.en == "annual turnover 1,500,000,000 RUB > 1,000,000,000 RUB")
    }

    @Test("Unreadable company data is left out and reported; missing tags stay unknown rather than empty")
    func unreadableData() {
        // setup
        let profile = AudienceProfile(rules: [AudienceRule(.headcount, .greater(100)), AudienceRule(.tags, .contains("key"))])
        // action
        let result = Triage.decide(company: nil, companyData: ["headcount": "many"], request: "steam boiler", profile: profile, matcher: F.matcher)
        // check
        #expect(result.ignoredData.map(\.field) == ["headcount"])
        #expect(result.audience.rules.map(\.verdict) == [.unknown, .unknown])
        #expect(result.outcome == .deal && !result.fire)
    }
}
