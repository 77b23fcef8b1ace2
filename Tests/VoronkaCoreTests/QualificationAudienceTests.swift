import Testing
@testable import VoronkaCore

@Suite("Target audience")
struct QualificationAudienceTests {
    typealias F = QualificationFixtures

    @Test("The worked example: 5 t/h, 1.5 billion roubles, food passes every rule, explained in both languages")
    func workedExamplePasses() {
        // setup
        let profile = F.profile
        // action
        let result = profile.evaluate(F.dairy)
        // check
        #expect(result.verdict == .pass)
        #expect(result.rules.map(\.verdict) == [.pass, .pass, .pass])
        #expect(result.rules.map(\.explanation.en) == [
            "steam output 5 t/h > 3 t/h",
            "annual turnover 1,500,000,000 RUB > 1,000,000,000 RUB",
            "industry \"Food\" is one of: \"food\", \"chemicals\", \"pulp and paper\"",
        ])
        #expect(result.rules.map(\.explanation.ru) == [
            "паропроизводительность 5 т/ч > 3 т/ч",
            "годовой оборот 1 500 000 000 RUB > 1 000 000 000 RUB",
            "отрасль «Food» входит в список: «food», «chemicals», «pulp and paper»",
        ])
    }

    @Test("Thresholds are strict for greater: exactly 3 t/h and exactly 1 billion roubles fail; one kopeck more passes")
    func boundaries() {
        // setup
        var company = F.dairy
        company.custom["steam_tph"] = 3
        company.annualRevenue = 100_000_000_000
        var richer = company
        richer.annualRevenue = 100_000_000_001
        // action
        let atLimit = F.profile.evaluate(company)
        let kopeckAbove = F.profile.evaluate(richer)
        // check
        #expect(atLimit.rules.map(\.verdict) == [.fail, .fail, .pass])
        #expect(atLimit.rules[0].explanation.en == "steam output 3 t/h ≤ 3 t/h")
        #expect(atLimit.rules[1].explanation.ru == "годовой оборот 1 000 000 000 RUB ≤ 1 000 000 000 RUB")
        #expect(atLimit.verdict == .fail)
        #expect(kopeckAbove.rules[1].verdict == .pass)
        #expect(kopeckAbove.rules[1].explanation.en == "annual turnover 1,000,000,000.01 RUB > 1,000,000,000 RUB")
    }

    @Test("A missing value makes the profile unknown, unless another rule fails")
    func unknownUnlessFailing() {
        // setup
        var noSteam = F.dairy
        noSteam.custom = [:]
        var noSteamRetail = noSteam
        noSteamRetail.industry = "Retail"
        // action
        let unknown = F.profile.evaluate(noSteam)
        let failing = F.profile.evaluate(noSteamRetail)
        // check
        #expect(unknown.verdict == .unknown)
        #expect(unknown.rules[0].verdict == .unknown)
        #expect(unknown.rules[0].explanation == BilingualText(en: "steam output: no data", ru: "паропроизводительность: нет данных"))
        #expect(failing.verdict == .fail)
        #expect(failing.rules.map(\.verdict) == [.unknown, .pass, .fail])
        #expect(failing.rules[2].explanation.en == "industry \"Retail\" is not one of: \"food\", \"chemicals\", \"pulp and paper\"")
        #expect(failing.rules[2].explanation.ru == "отрасль «Retail» не входит в список: «food», «chemicals», «pulp and paper»")
    }

    @Test("A profile without rules takes every company")
    func emptyProfile() {
        // action
        let result = AudienceProfile(rules: []).evaluate(Company(name: "Anyone"))
        // check
        #expect(result.verdict == .pass)
        #expect(result.rules.isEmpty)
    }

    @Test("Other operators: at least, at most, equals with ё, flags, tags")
    func otherOperators() {
        // setup
        let company = Company(name: "Завод", segment: "Тёплые полы", headcount: 250,
                              custom: ["has_boiler_house": true, "region": "Урал"], tags: ["Key", "export"])
        let cases: [(AudienceRule, Verdict, String)] = [
            (AudienceRule(.headcount, .greaterOrEqual(250)), .pass, "headcount 250 ≥ 250"),
            (AudienceRule(.headcount, .less(250)), .fail, "headcount 250 ≥ 250"),
            (AudienceRule(.headcount, .lessOrEqual(100)), .fail, "headcount 250 > 100"),
            (AudienceRule(.segment, .equals("теплые полы")), .pass, "segment \"Тёплые полы\" = \"теплые полы\""),
            (AudienceRule(.custom("has_boiler_house"), .isTrue, label: "own boiler house"), .pass, "own boiler house: yes"),
            (AudienceRule(.custom("has_boiler_house"), .isFalse), .fail, "has_boiler_house: yes"),
            (AudienceRule(.custom("has_boiler_house"), .equals(true)), .pass, "has_boiler_house: yes"),
            (AudienceRule(.tags, .contains("key")), .pass, "tags \"Key\", \"export\" include \"key\""),
            (AudienceRule(.tags, .contains("vip")), .fail, "tags \"Key\", \"export\" do not include \"vip\""),
            (AudienceRule(.tags, .oneOf(["vip", "EXPORT"])), .pass, "tags \"Key\", \"export\" include one of: \"vip\", \"EXPORT\""),
            (AudienceRule(.custom("region"), .contains("ура")), .pass, "region \"Урал\" contains \"ура\""),
            (AudienceRule(.source, .equals("exhibition")), .unknown, "source: no data"),
        ]
        for (rule, verdict, en) in cases {
            // action
            let result = rule.evaluate(company)
            // check
            #expect(result.verdict == verdict, "\(rule.op.name) on \(rule.field.name)")
            #expect(result.explanation.en == en)
        }
    }

    @Test("Labels: a built-in field keeps its Russian name without label_ru; a custom attribute falls back to its label, then its key")
    func labels() {
        // check
        #expect(AudienceRule(.industry, .oneOf(["food"]), label: "sector").labelText == BilingualText(en: "sector", ru: "отрасль"))
        #expect(AudienceRule(.custom("boiler"), .isTrue, label: "own boiler house").labelText.ru == "own boiler house")
        #expect(AudienceRule(.custom("boiler"), .isTrue).labelText == BilingualText(en: "boiler", ru: "boiler"))
        #expect(AudienceRule(.headcount, .less(5), labelRu: "штат").labelText == BilingualText(en: "headcount", ru: "штат"))
    }

    @Test("A value of another type than the rule expects is unknown, not a fail")
    func typeMismatch() {
        // setup
        let company = Company(name: "Завод", custom: ["steam_tph": "about five"])
        let rule = F.profile.rules[0]
        // action
        let result = rule.evaluate(company)
        // check
        #expect(result.verdict == .unknown)
        #expect(result.explanation.en == "steam output: the value \"about five\" cannot be checked with greater 3")
        #expect(result.explanation.ru == "паропроизводительность: значение «about five» нельзя проверить условием greater 3")
    }

    @Test("Verdicts combine: a fail beats an unknown, an unknown beats a pass, none is a pass")
    func verdictsCombine() {
        // check
        #expect(Verdict.all([.pass, .unknown, .fail]) == .fail)
        #expect(Verdict.all([.pass, .unknown]) == .unknown)
        #expect(Verdict.all([.pass, .pass]) == .pass)
        #expect(Verdict.all([]) == .pass)
        // Property: adding a fail always fails; the result is always one of the inputs when there are some.
        for a in Verdict.allCases {
            for b in Verdict.allCases {
                #expect(Verdict.all([a, b, .fail]) == .fail)
                #expect([a, b].contains(Verdict.all([a, b])))
            }
        }
    }

    @Test("Numbers read the same on every machine: English commas, Russian spaces and decimal comma")
    func numberText() {
        // check
        #expect(NumberText.en(1_500_000.5) == "1,500,000.5")
        #expect(NumberText.ru(1_500_000.5) == "1 500 000,5")
        #expect(NumberText.en(999) == "999")
        #expect(NumberText.en(-1234.05) == "-1,234.05")
        #expect(NumberText.ru(0.1 + 0.2) == "0,3")
        #expect(NumberText.money(500_000) == BilingualText(en: "5,000", ru: "5 000"))
    }
}
