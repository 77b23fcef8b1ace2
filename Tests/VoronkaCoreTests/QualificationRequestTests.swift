import Testing
@testable import VoronkaCore

@Suite("Target request")
struct QualificationRequestTests {
    typealias F = QualificationFixtures

    @Test("Russian word forms match: \"паровые котлы\" is the keyword \"паровой котел\"")
    func russianForms() {
        // action
        let matches = F.matcher.match("Нужны паровые котлы на 5 т/ч")
        // check
        #expect(matches.map(\.product.id) == [10])
        #expect(matches.first?.terms == [MatchedTerm(kind: .keyword, text: "паровой котел")])
    }

    @Test("English plurals match: \"steam boilers\" is the keyword \"steam boiler\"")
    func englishPlurals() {
        // action
        let matches = F.matcher.match("need two steam boilers")
        // check
        #expect(matches.map(\.product.id) == [10])
        #expect(matches.first?.terms == [MatchedTerm(kind: .keyword, text: "steam boiler")])
    }

    @Test("A request outside an industrial catalog matches nothing")
    func outsideCatalog() {
        // check
        #expect(F.matcher.match("ищем бухгалтерские услуги").isEmpty)
        #expect(F.matcher.match("").isEmpty)
        #expect(F.matcher.match("?!").isEmpty)
    }

    @Test("Every word of a multi-word term must occur; one is not enough")
    func allWordsOfATerm() {
        // check
        #expect(F.matcher.match("паровая турбина").isEmpty)
        #expect(F.matcher.match("водогрейные котлы").isEmpty)
        #expect(F.matcher.match("котлы паровые, срочно").map(\.product.id) == [10])
    }

    @Test("Name, category and keywords all match, case-insensitive and with ё read as е; inactive products never")
    func termKinds() {
        // action
        let byCategory = F.matcher.match("КОТЕЛЬНОЕ ОБОРУДОВАНИЕ под ключ")
        let byName = F.matcher.match("gas burners and горелки")
        let retired = F.matcher.match("экономайзер")
        let yo = F.matcher.match("паровой котёл")
        // check
        #expect(byCategory.map(\.product.id) == [10])
        #expect(byCategory.first?.terms == [MatchedTerm(kind: .category, text: "Котельное оборудование")])
        #expect(byName.map(\.product.id) == [11])
        #expect(byName.first?.terms.map(\.kind) == [.name, .category, .keyword, .keyword])
        #expect(retired.isEmpty)
        #expect(yo.map(\.product.id) == [10])
    }

    @Test("Stems worked out by hand for Russian and English word forms")
    func stems() {
        // setup
        let cases: [(String, String)] = [
            ("котлы", "котл"), ("котел", "котл"), ("котлами", "котл"), ("котлов", "котл"),
            ("паровые", "паров"), ("паровой", "паров"), ("паровую", "паров"),
            ("горелок", "горелк"), ("горелки", "горелк"), ("пара", "пар"), ("пар", "пар"), ("ищем", "ищем"),
            ("оборудование", "оборудован"), ("оборудованием", "оборудован"),
            ("boilers", "boiler"), ("boxes", "box"), ("companies", "company"), ("heating", "heat"), ("heated", "heat"),
            ("shipping", "ship"), ("services", "servic"), ("service", "servic"), ("need", "need"), ("glass", "glass"),
            ("gas", "gas"), ("gases", "gas"), ("5", "5"),
        ]
        for (word, stem) in cases {
            // action / check
            #expect(Stemmer.stem(word) == stem, "\(word)")
        }
    }

    @Test("Text splits at punctuation and between digits and letters, and folds case and ё")
    func words() {
        // check
        #expect(Stemmer.stems(of: "Котёл 5т/ч, ПАРОВОЙ") == ["котл", "5", "т", "ч", "паров"])
    }
}
