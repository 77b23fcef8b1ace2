import Foundation
import Testing
import VoronkaCore
@testable import VoronkaWeb

@Suite("Formats by language, without locale data")
struct FormatTests {
    let ru = Format(.ru)
    let en = Format(.en)
    let nb = "\u{00A0}"

    @Test("Money: 1 234 567,00 ₽ in Russian, 1,234,567.00 RUB in English")
    func money() {
        #expect(ru.money(123_456_700, currency: "RUB") == "1\(nb)234\(nb)567\(nb)₽")
        #expect(en.money(123_456_700, currency: "RUB") == "1,234,567\(nb)RUB")
    }

    @Test("Money in other currencies shows the ISO code in both languages")
    func otherCurrencies() {
        #expect(ru.money(123_456_700, currency: "USD") == "1\(nb)234\(nb)567\(nb)USD")
        #expect(en.money(5, currency: "EUR") == "0.05\(nb)EUR")
        #expect(ru.currencySign("RUB") == "₽")
        #expect(en.currencySign("RUB") == "RUB")
    }

    @Test("Money in the currency's own minor unit: yen have none, dinars three; a form's input shows as many decimals")
    func minorUnits() {
        #expect(en.money(12_500, currency: "JPY") == "12,500\(nb)JPY")
        #expect(ru.money(1_234_567, currency: "KWD") == "1\(nb)234,567\(nb)KWD")
        #expect(en.money(1_234_500, currency: "KWD") == "1,234.500\(nb)KWD")
        #expect(en.money(1_050, currency: "BRL") == "10.50\(nb)BRL")
        #expect(Display.moneyInput(12_500, currency: "JPY") == "12500")
        #expect(Display.moneyInput(1_234_507, currency: "KWD") == "1234.507")
        #expect(Display.moneyInput(1_050, currency: "BRL") == "10.50")
    }

    @Test("Money: negatives, zero, small and rounded to whole units")
    func moneyEdges() {
        #expect(ru.money(-150, currency: "RUB") == "-1,50\(nb)₽")
        #expect(en.money(0, currency: "RUB") == "0\(nb)RUB")
        // Kopecks only when there are some.
        #expect(ru.money(78_300_050, currency: "RUB") == "783\(nb)000,50\(nb)₽" && ru.money(78_300_000, currency: "RUB") == "783\(nb)000\(nb)₽")
        #expect(en.money(-40, currency: "RUB", cents: false) == "0\(nb)RUB")
        #expect(ru.money(123_456_789, currency: "RUB", cents: false) == "1\(nb)234\(nb)568\(nb)₽")
        #expect(en.money(99_950, currency: "USD", cents: false) == "1,000\(nb)USD")
        #expect(en.money(Int64.min + 1, currency: "RUB").hasPrefix("-92,233,720,368,547,758.07"))
    }

    @Test("Whole numbers are grouped by three")
    func numbers() {
        #expect(ru.number(1_234_567) == "1\(nb)234\(nb)567")
        #expect(en.number(1_234_567) == "1,234,567")
        #expect(ru.number(1000) == "1\(nb)000")
        #expect(en.number(999) == "999")
        #expect(en.number(-1234) == "-1,234")
        #expect(en.number(0) == "0")
    }

    @Test("Decimals round half away from zero, with the language's separator")
    func decimals() {
        #expect(ru.decimal(1234.5, digits: 2) == "1\(nb)234,50")
        #expect(en.decimal(1234.5, digits: 2) == "1,234.50")
        #expect(en.decimal(-0.004, digits: 2) == "0.00")
        #expect(en.decimal(2.5, digits: 0) == "3")
        #expect(ru.trimmed(2.50) == "2,5")
        #expect(en.trimmed(3.0) == "3")
        #expect(en.decimal(.nan, digits: 2) == "—")
        #expect(en.decimal(.infinity, digits: 2) == "—")
    }

    @Test("Percentages: 42,5 % in Russian, 42.5% in English")
    func percent() {
        #expect(ru.percent(0.425, digits: 1) == "42,5\(nb)%")
        #expect(en.percent(0.425, digits: 1) == "42.5%")
        #expect(en.percent(1) == "100%")
        #expect(ru.percent(0) == "0\(nb)%")
        #expect(en.percent(.nan) == "—")
    }

    @Test("Compact numbers for axes")
    func compact() {
        #expect(en.compact(1500) == "1.5K")
        #expect(ru.compact(1500) == "1,5\(nb)тыс.")
        #expect(en.compact(2_000_000) == "2M")
        #expect(ru.compact(2_000_000) == "2\(nb)млн")
        #expect(en.compact(999_999) == "1M")
        #expect(en.compact(250) == "250")
        #expect(en.compact(0.5) == "0.5")
        #expect(en.compact(-3_400_000_000) == "-3.4B")
        #expect(ru.compact(123_000) == "123\(nb)тыс.")
    }

    @Test("Dates: 21.09.2026 in Russian, Sep 21, 2026 in English")
    func dates() {
        let day = Day(year: 2026, month: 9, day: 21)!
        #expect(ru.date(day) == "21.09.2026")
        #expect(en.date(day) == "Sep 21, 2026")
        #expect(ru.date(Day(year: 2026, month: 1, day: 5)!) == "05.01.2026")
        #expect(en.date(Day(year: 2026, month: 1, day: 5)!) == "Jan 5, 2026")
    }

    @Test("Instants are shown in the user's offset, crossing midnight when they must")
    func instants() {
        // setup
        let moscow = Format(.ru, utcOffsetMinutes: 180)
        let newYork = Format(.en, utcOffsetMinutes: -300)
        let morning = Timestamp.parse("2026-09-21T11:05:00Z")!
        let lateEvening = Timestamp.parse("2026-09-21T22:30:00Z")!
        // check
        #expect(moscow.dateTime(morning) == "21.09.2026 14:05")
        #expect(Format(.en, utcOffsetMinutes: 180).dateTime(morning) == "Sep 21, 2026, 14:05")
        #expect(moscow.dateTime(lateEvening) == "22.09.2026 01:30")
        #expect(newYork.dateTime(Timestamp.parse("2026-09-21T02:00:00Z")!) == "Sep 20, 2026, 21:00")
        #expect(moscow.localInput(morning) == "2026-09-21T14:05")
    }

    @Test("Months, short and full")
    func months() {
        #expect(en.month(9, year: 2026) == "Sep 2026")
        #expect(ru.month(9, year: 2026) == "сен 2026")
        #expect(ru.monthName(3) == "март")
        #expect(en.monthName(12) == "December")
        #expect(en.month(13) == "?")
    }

    @Test("Ages in their largest unit: 3 d, 5 h, 12 min / 3 дн., 5 ч, 12 мин")
    func durations() {
        #expect(en.duration(3 * 86_400 + 7200) == "3\(nb)d")
        #expect(ru.duration(3 * 86_400) == "3\(nb)дн.")
        #expect(en.duration(5 * 3600 + 59 * 60) == "5\(nb)h")
        #expect(ru.duration(5 * 3600) == "5\(nb)ч")
        #expect(en.duration(12 * 60 + 30) == "12\(nb)min")
        #expect(ru.duration(12 * 60) == "12\(nb)мин")
        #expect(en.duration(30) == "0\(nb)min")
        #expect(en.duration(-7200) == "2\(nb)h")
        #expect(en.duration(.infinity) == "—")
    }
}

@Suite("Russian and English plurals")
struct PluralTests {
    @Test("1 сделка, 2 сделки, 5 сделок — and the teens")
    func russian() {
        // setup
        let t = Localizer(.ru)
        // check
        let expected = [0: "0 сделок", 1: "1 сделка", 2: "2 сделки", 4: "4 сделки", 5: "5 сделок", 11: "11 сделок", 12: "12 сделок",
                        14: "14 сделок", 21: "21 сделка", 22: "22 сделки", 25: "25 сделок", 101: "101 сделка", 111: "111 сделок", 112: "112 сделок"]
        for (n, text) in expected {
            #expect(t.count(n, .deal) == text.replacingOccurrences(of: " ", with: "\u{00A0}"))
        }
    }

    @Test("Counts use the grouped number")
    func grouped() {
        #expect(Localizer(.ru).count(1234, .deal) == "1\u{00A0}234\u{00A0}сделки")
        #expect(Localizer(.en).count(1234, .deal) == "1,234\u{00A0}deals")
        #expect(Localizer(.ru).count(3, .newLead) == "3\u{00A0}новых лида")
    }

    @Test("English has one and other")
    func english() {
        let t = Localizer(.en)
        #expect(t.count(1, .deal) == "1\u{00A0}deal")
        #expect(t.count(0, .deal) == "0\u{00A0}deals")
        #expect(t.count(2, .company) == "2\u{00A0}companies")
    }

    @Test("Every noun has all its forms in both languages")
    func complete() {
        for noun in PluralNoun.allCases {
            for n in [1, 2, 5] {
                #expect(!Plural.word(noun, n, .en).isEmpty)
                #expect(!Plural.word(noun, n, .ru).isEmpty)
            }
        }
    }
}
