import Foundation
import Testing
import VoronkaCore
@testable import VoronkaImport

@Suite("Value parsers")
struct ValueParserTests {
    private func utc(_ text: String) -> Date { Timestamp.parse(text)! }

    @Test("Dates and times in ISO, dd.MM.yyyy and MM/dd/yyyy forms")
    func dates() throws {
        let cases: [(String, String)] = [
            ("2024-03-05", "2024-03-05T00:00:00Z"),
            ("2024-03-05T14:30", "2024-03-05T14:30:00Z"),
            ("2024-03-05T14:30:15Z", "2024-03-05T14:30:15Z"),
            ("2024-03-05T17:30:15+03:00", "2024-03-05T14:30:15Z"),
            ("2024-03-05T09:30:15-0500", "2024-03-05T14:30:15Z"),
            ("2024-03-05T14:30:15.250Z", "2024-03-05T14:30:15.250Z"),
            ("2024-03-05 14:30:15", "2024-03-05T14:30:15Z"),
            ("05.03.2024", "2024-03-05T00:00:00Z"),
            ("05.03.2024 14:30", "2024-03-05T14:30:00Z"),
            ("5.3.2024 14:30:15", "2024-03-05T14:30:15Z"),
            ("05.03.24", "2024-03-05T00:00:00Z"),
            ("03/05/2024", "2024-03-05T00:00:00Z"),
            ("3/5/2024 2:30 PM", "2024-03-05T14:30:00Z"),
            ("3/5/2024 12:05:09 AM", "2024-03-05T00:05:09Z"),
            ("3/5/2024 12:00 pm", "2024-03-05T12:00:00Z"),
            ("  2024-03-05  ", "2024-03-05T00:00:00Z"),
        ]
        for (text, expected) in cases {
            // action
            let date = try ValueParsers.timestamp(text)
            // check
            #expect(date == utc(expected), "\(text)")
        }
    }

    @Test("Times without a zone take the mapping's offset; dates alone stay on their calendar day")
    func zones() throws {
        let moscow = 3 * 3600
        #expect(try ValueParsers.timestamp("05.03.2024 14:30", utcOffset: moscow) == utc("2024-03-05T11:30:00Z"))
        #expect(try ValueParsers.timestamp("2024-03-05T14:30Z", utcOffset: moscow) == utc("2024-03-05T14:30:00Z"))
        #expect(try ValueParsers.timestamp("05.03.2024", utcOffset: moscow) == utc("2024-03-05T00:00:00Z"))
        #expect(try ValueParsers.day("05.03.2024 23:59") == Day("2024-03-05"))
    }

    @Test("A mapping's date format decides day and month order and refuses other forms")
    func givenFormat() throws {
        #expect(try ValueParsers.day("05/03/2024", format: .dayMonthYearSlash) == Day("2024-03-05"))
        #expect(try ValueParsers.day("05/03/2024", format: .monthDayYear) == Day("2024-05-03"))
        #expect((#expect(throws: ValueError.self) { try ValueParsers.day("2024-03-05", format: .dayMonthYear) })?.reason == "is not a date of the form dd.MM.yyyy")
        #expect(DateFormat(pattern: "dd.MM.yyyy HH:mm:ss") == .dayMonthYear)
        #expect(DateFormat(pattern: "M/d/yyyy h:mm a") == .monthDayYear)
        #expect(DateFormat(pattern: "yyyy/dd/MM") == nil)
    }

    @Test("Bad dates say what is wrong; empty cells are nil")
    func badDates() throws {
        #expect(try ValueParsers.timestamp("") == nil)
        #expect(try ValueParsers.timestamp("   ") == nil)
        #expect((#expect(throws: ValueError.self) { try ValueParsers.day("31.02.2024") })?.reason == "is not a real calendar date")
        #expect(throws: ValueError.self) { try ValueParsers.day("yesterday") }
        #expect(throws: ValueError.self) { try ValueParsers.timestamp("2024-03-05 25:00") }
        #expect(throws: ValueError.self) { try ValueParsers.timestamp("2024-03-05 13:00 PM") }
        #expect(throws: ValueError.self) { try ValueParsers.timestamp("2024-03-05 10:00 tomorrow") }
        let error = #expect(throws: ValueError.self) { try ValueParsers.day("25/03/2024") }
        #expect(error?.reason.contains("dd/MM/yyyy") == true)
    }

    @Test("Amounts with spaces, commas or dots as separators and currency marks become minor units")
    func money() throws {
        let cases: [(String, Int64, String?)] = [
            ("1 234 567,89 ₽", 123_456_789, "RUB"),
            ("1\u{00A0}234\u{00A0}567,89", 123_456_789, nil),
            ("1\u{202F}234,5", 123_450, nil),
            ("1,234,567.89", 123_456_789, nil),
            ("$1,500", 150_000, "USD"),
            ("1.234.567,89 руб.", 123_456_789, "RUB"),
            ("1500", 150_000, nil),
            ("1500.5", 150_050, nil),
            ("0,99", 99, nil),
            (",5", 50, nil),
            ("1.500", 150, nil),
            ("12,500", 1_250_000, nil),
            ("1234,5000", 123_450, nil),
            ("-1 500", -150_000, nil),
            ("(1,500.00)", -150_000, nil),
            ("€ 99", 9_900, "EUR"),
            ("USD 1,500.00", 150_000, "USD"),
            ("1'234.50 CHF", 123_450, "CHF"),
            ("100 р.", 10_000, "RUB"),
        ]
        for (text, minor, currency) in cases {
            // action
            let parsed = try ValueParsers.money(text)
            // check
            #expect(parsed == ParsedMoney(minorUnits: minor, currency: currency), "\(text)")
        }
        #expect(try ValueParsers.minorUnits("") == nil)
        #expect(try ValueParsers.minorUnits("-") == nil)
        #expect(try ValueParsers.minorUnits(" — ") == nil)
    }

    @Test("An amount's decimals are checked against its currency's minor unit: none for JPY, three for KWD, two for BRL")
    func currencyDecimals() throws {
        // action
        let three = try #require(try ValueParsers.money("1,234.567"))
        let whole = try #require(try ValueParsers.money("1 500"))
        let half = try #require(try ValueParsers.money("12,5"))
        // check
        #expect(three.minorUnits(in: "KWD") == 1_234_567 && three.minorUnits(in: "BHD") == 1_234_567)
        #expect(three.minorUnits(in: "BRL") == nil && three.minorUnits(in: "JPY") == nil)
        #expect(whole.minorUnits(in: "JPY") == 1_500 && whole.minorUnits(in: "KRW") == 1_500 && whole.minorUnits(in: "BRL") == 150_000)
        #expect(half.minorUnits(in: "JPY") == nil && half.minorUnits(in: "BRL") == 1_250 && half.minorUnits(in: "KWD") == 12_500)
    }

    @Test("Unreadable amounts give a reason")
    func badMoney() {
        let cases: [(String, String)] = [
            ("abc", "is not an amount (no digits)"),
            ("12,3,4", "has digit groups that are not of three digits"),
            ("1.5E+06", "has “E” inside the amount"),
            ("1,234.56789", "has more than four decimals"),
            ("1234,56789", "has more than four decimals"),
            ("1.2.3,4", "has digit groups that are not of three digits"),
            ("1,2.3,4", "mixes “,” and “.” in a way that does not tell the decimal mark"),
            ("about 5", "has unexpected text “about” around the amount"),
            ("99999999999999999", "is too large for an amount"),
        ]
        for (text, reason) in cases {
            #expect((#expect(throws: ValueError.self, "\(text)") { try ValueParsers.money(text) })?.reason == reason, "\(text)")
        }
    }

    @Test("Whole numbers refuse fractions")
    func integers() throws {
        #expect(try ValueParsers.integer("2 822") == 2822)
        #expect(try ValueParsers.integer("1,500") == 1500)
        #expect((#expect(throws: ValueError.self) { try ValueParsers.integer("2.5") })?.reason == "is not a whole number")
    }

    @Test("Yes and no in English and Russian")
    func booleans() throws {
        for text in ["yes", "Y", "TRUE", "1", "Да", "д", "истина"] { #expect(try ValueParsers.bool(text) == true, "\(text)") }
        for text in ["no", "N", "false", "0", "Нет", "ложь"] { #expect(try ValueParsers.bool(text) == false, "\(text)") }
        #expect(try ValueParsers.bool("") == nil)
        #expect(throws: ValueError.self) { try ValueParsers.bool("maybe") }
    }
}
