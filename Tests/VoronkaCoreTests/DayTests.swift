import Foundation
import Testing
@testable import VoronkaCore

@Suite("Dates and times")
struct DayTests {
    @Test("Days convert to and from days since the epoch, leap years included")
    func epochRoundTrip() {
        // setup
        let cases: [(String, Int)] = [("1970-01-01", 0), ("2000-02-29", 11_016), ("2024-12-31", 20_088), ("1969-12-31", -1)]
        for (text, n) in cases {
            // action
            let day = Day(text)
            // check
            #expect(day?.daysSinceEpoch == n, "\(text)")
            #expect(Day(daysSinceEpoch: n).description == text)
        }
    }

    @Test("Impossible dates and other forms are refused")
    func invalidDays() {
        for text in ["2023-02-29", "2024-13-01", "2024-1-1", "31.12.2024", "", "2024-04-31"] {
            #expect(Day(text) == nil, "\(text)")
        }
    }

    @Test("Timestamps parse with Z, an offset, or none, and format back in UTC")
    func timestamps() {
        // action
        let z = Timestamp.parse("2026-03-01T09:30:00Z")
        let offset = Timestamp.parse("2026-03-01T12:30:00+03:00")
        let bare = Timestamp.parse("2026-03-01 09:30")
        let millis = Timestamp.parse("2026-03-01T09:30:00.250Z")
        // check
        #expect(z != nil && z == offset && z == bare)
        #expect(Timestamp.format(z!) == "2026-03-01T09:30:00Z")
        #expect(Timestamp.format(millis!) == "2026-03-01T09:30:00.250Z")
        #expect(Timestamp.parse("2026-03-01T25:00:00Z") == nil)
        #expect(Timestamp.parse("yesterday") == nil)
    }

    @Test("Supported dates are the years 1900 to 2200; instants outside them, NaN and infinities are not")
    func supportedRange() {
        // setup / action / check
        #expect(Day.firstSupported.description == "1900-01-01" && Day.lastSupported.description == "2200-12-31")
        #expect(Day("1900-01-01")?.isSupported == true && Day("2200-12-31")?.isSupported == true)
        #expect(Day("1899-12-31")?.isSupported == false && Day("2201-01-01")?.isSupported == false && Day("0001-01-01")?.isSupported == false)
        #expect(Day.isSupported(Day.lastSupported.startDate.addingTimeInterval(86_399.9)))
        #expect(!Day.isSupported(Day.lastSupported.startDate.addingTimeInterval(86_400)))
        #expect(!Day.isSupported(Day.firstSupported.startDate.addingTimeInterval(-0.001)))
        #expect(!Day.isSupported(Date(timeIntervalSince1970: .nan)) && !Day.isSupported(Date(timeIntervalSince1970: .infinity)))
        #expect(Day.daysSinceEpoch(year: 0, month: 3, day: 1) == -719_468 && Day.daysSinceEpoch(year: 10_000, month: 1, day: 1) > 0)
    }
}

@Suite("Days: months ahead")
struct DayMonthTests {
    @Test("Adding months keeps the day of the month, or takes the month's last day when it has no such day")
    func addingMonths() {
        // setup
        let cases: [(String, Int, String)] = [
            ("2026-12-05", 1, "2027-01-05"), ("2026-12-05", 3, "2027-03-05"), ("2026-12-05", 6, "2027-06-05"),
            ("2027-01-31", 1, "2027-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2026-08-31", 3, "2026-11-30"),
            ("2026-03-15", -3, "2025-12-15"), ("2026-05-31", 12, "2027-05-31"),
        ]
        for (start, months, expected) in cases {
            // action
            let day = Day(start)?.adding(months: months)
            // check
            #expect(day?.description == expected, "\(start) + \(months)")
        }
    }
}
