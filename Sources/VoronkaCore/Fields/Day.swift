import Foundation

/// A calendar date without time or zone (an expected close date, a deadline), written `yyyy-MM-dd`.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a date given by a person, a request or a file may carry. Wider ranges reach no real sale and let
    /// calendar arithmetic (a month before 0001-01-01, after 9999-12-31) fall off the calendar.
    public static let supportedYears: ClosedRange<Int> = 1900...2200

    /// Whether this date lies within `supportedYears`.
    public var isSupported: Bool { Day.supportedYears.contains(year) }

    /// Whether an instant lies within the supported years (false for NaN and infinities).
    public static func isSupported(_ date: Date) -> Bool {
        let t = date.timeIntervalSince1970
        return t.isFinite && t >= Day.firstSupported.startDate.timeIntervalSince1970 && t < Day.lastSupported.adding(days: 1).startDate.timeIntervalSince1970
    }

    /// The first and the last supported date, as the refusals name them.
    public static let firstSupported = Day(checkedYear: supportedYears.lowerBound, month: 1, day: 1)
    public static let lastSupported = Day(checkedYear: supportedYears.upperBound, month: 12, day: 31)

    private init(checkedYear year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    /// Days since 1970-01-01 of any proleptic Gregorian year, month (1–12) and day; total, unlike `init?(year:month:day:)`.
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `yyyy-MM-dd`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The UTC calendar day of an instant.
    public init(_ date: Date) {
        let n = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        self = Day(daysSinceEpoch: n)
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    public init(daysSinceEpoch n: Int) {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0); month = m; day = d
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int { Day.daysSinceEpoch(year: year, month: month, day: day) }

    /// Midnight UTC of this day.
    public var startDate: Date { Date(timeIntervalSince1970: Double(daysSinceEpoch) * 86_400) }

    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }

    /// The same day of the month `months` later (or earlier); a day the month lacks (31 in a month of 30, 29 February
    /// outside a leap year) is the month's last day, as a calendar's "in a month" means.
    public func adding(months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let (y, m) = (index >= 0 ? index / 12 : (index - 11) / 12, ((index % 12) + 12) % 12 + 1)
        return Day(daysSinceEpoch: Day.daysSinceEpoch(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y))))
    }

    public var description: String {
        var writer = JSONWriter(capacity: 10)
        writer.day(self)
        return writer.text
    }

    /// Zero-padded decimal digits; a negative value keeps its sign after the zeros.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a date as yyyy-MM-dd"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
