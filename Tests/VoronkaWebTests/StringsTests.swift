import Testing
import VoronkaCore
@testable import VoronkaWeb

@Suite("The strings table")
struct StringsTests {
    @Test("Every key has a text in English and in Russian")
    func noMissingKeys() {
        for language in VoronkaCore.Language.allCases {
            let table = Strings.table(language)
            let missing = StringKey.allCases.filter { (table[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(missing.isEmpty, "missing in \(language.rawValue): \(missing.map(\.rawValue))")
        }
    }

    @Test("Both languages use the same placeholders in each text")
    func samePlaceholders() {
        for key in StringKey.allCases {
            #expect(Strings.placeholders(Strings.text(key, .en)) == Strings.placeholders(Strings.text(key, .ru)), "\(key.rawValue)")
        }
    }

    @Test("The Russian table is translated, not copied")
    func translated() {
        let same = StringKey.allCases.filter { Strings.text($0, .en) == Strings.text($0, .ru) }
        #expect(same.isEmpty, "\(same.map(\.rawValue))")
    }

    @Test("Placeholders are filled; an unknown one stays visible")
    func fill() {
        #expect(Strings.fill("Lead #{id}", ["id": "7"]) == "Lead #7")
        #expect(Strings.fill("{a} and {b}", ["a": "x"]) == "x and {b}")
        #expect(Strings.fill("no braces", [:]) == "no braces")
        #expect(Strings.fill("open { only", [:]) == "open { only")
        #expect(Localizer(.ru)(.leadNumber, ["id": "12"]) == "Лид № 12")
    }

    @Test("Enumerations of the core have names in both languages")
    func names() {
        for language in VoronkaCore.Language.allCases {
            let t = Localizer(language)
            let names = LeadOutcome.allCases.map(t.name) + LeadSource.allCases.map(t.name) + Verdict.allCases.map(t.name)
                + BuyingRole.allCases.map(t.name) + ActivityKind.allCases.map(t.name) + StageKind.allCases.map(t.name)
                + BudgetStatus.allCases.map(t.name) + EconomicsException.Kind.allCases.map(t.name) + Shell.Section.allCases.map { Layout.title($0, t) }
            #expect(names.allSatisfy { !$0.isEmpty })
        }
        #expect(Localizer(.ru).name(BuyingRole.decisionMaker) == "ЛПР")
        #expect(Localizer(.ru).list(["a", "b", "c"]) == "a, b и c")
        #expect(Localizer(.en).list(["a"]) == "a")
    }
}

@Suite("Escaping")
struct EscapeTests {
    @Test("Text escapes markup characters and keeps entity-like input as typed")
    func text() {
        #expect(Escape.text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(Escape.text("R&amp;D") == "R&amp;amp;D")
        #expect(Escape.text("plain") == "plain")
    }

    @Test("Attribute values also escape quotes")
    func attribute() {
        #expect(Escape.attribute("\" onmouseover=\"alert(1)") == "&quot; onmouseover=&quot;alert(1)")
        #expect(Escape.attribute("it's") == "it&#39;s")
    }
}
