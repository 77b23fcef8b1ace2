import Foundation
import VoronkaCore

/// The order of day, month and year in a file's dates. A time may follow any of them:
/// `HH:mm[:ss[.SSS]]`, `h:mm[:ss] AM/PM`, then `Z`, `UTC` or an offset such as `+03:00`.
public enum DateFormat: String, Sendable, CaseIterable {
    /// ISO `yyyy-MM-dd`, `dd.MM.yyyy` or `MM/dd/yyyy`, told apart by the separator.
    case auto
    case iso = "yyyy-MM-dd"
    case dayMonthYear = "dd.MM.yyyy"
    case monthDayYear = "MM/dd/yyyy"
    case dayMonthYearSlash = "dd/MM/yyyy"

    /// A format as a mapping file writes it; a time part is allowed and ignored ("dd.MM.yyyy HH:mm:ss").
    public init?(pattern: String) {
        let datePart = pattern.split(whereSeparator: { $0 == " " || $0 == "T" || $0 == "'" }).first.map(String.init) ?? ""
        switch pattern.isEmpty ? "auto" : datePart {
        case "auto": self = .auto
        case "yyyy-MM-dd": self = .iso
        case "dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy": self = .dayMonthYear
        case "MM/dd/yyyy", "M/d/yyyy", "MM/dd/yy", "M/d/yy": self = .monthDayYear
        case "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy": self = .dayMonthYearSlash
        default: return nil
        }
    }
}

/// A date and time as written, before a time zone is applied.
struct WrittenDate {
    var day: Day
    /// Seconds since midnight, with a fraction; nil when only a date was written.
    var time: Double?
    /// The offset from UTC written in the text, in seconds.
    var offset: Int?
}

extension ValueParsers {
    /// An instant. A written offset wins; otherwise a time is taken in `utcOffset` (seconds east of UTC).
    /// A date without a time is midnight UTC of that day, so that its calendar day never shifts.
    public static func timestamp(_ text: some StringProtocol, format: DateFormat = .auto, utcOffset: Int = 0) throws(ValueError) -> Date? {
        guard let written = try writtenDate(text, format: format) else { return nil }
        var seconds = Double(written.day.daysSinceEpoch) * 86_400
        if let time = written.time { seconds += time - Double(written.offset ?? utcOffset) }
        return Date(timeIntervalSince1970: seconds)
    }

    /// The calendar day as written (a time, if any, is ignored).
    public static func day(_ text: some StringProtocol, format: DateFormat = .auto) throws(ValueError) -> Day? {
        try writtenDate(text, format: format)?.day
    }

    static func writtenDate(_ text: some StringProtocol, format: DateFormat) throws(ValueError) -> WrittenDate? {
        var copy = String(text)
        let result = copy.withUTF8 { bytes -> Result<WrittenDate?, ValueError> in
            var cursor = DateCursor(bytes: bytes)
            cursor.skipSpaces()
            if cursor.atEnd { return .success(nil) }
            return Result { () throws(ValueError) in try cursor.parse(format: format) }
        }
        return try result.get()
    }
}

/// A cursor over the UTF-8 bytes of one date cell.
private struct DateCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        self.end = end
    }

    let end: Int
    var atEnd: Bool { i >= end }
    var current: UInt8 { bytes[i] }

    mutating func skipSpaces() { while !atEnd, current == 0x20 || current == 0x09 { i += 1 } }

    /// Up to `max` digits: the value and how many digits were read.
    mutating func number(max: Int) -> (Int, Int) {
        var value = 0, count = 0
        while !atEnd, count < max, current >= 0x30, current <= 0x39 {
            value = value * 10 + Int(current - 0x30); count += 1; i += 1
        }
        return (value, count)
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard !atEnd, current == byte else { return false }
        i += 1
        return true
    }

    /// Takes a word, ignoring ASCII case.
    mutating func take(word: String) -> Bool {
        let w = Array(word.utf8)
        guard end - i >= w.count else { return false }
        for k in 0..<w.count where bytes[i + k] | 0x20 != w[k] | 0x20 { return false }
        i += w.count
        return true
    }

    mutating func parse(format: DateFormat) throws(ValueError) -> WrittenDate {
        let day = try date(format: format)
        if atEnd { return WrittenDate(day: day) }
        guard take(0x54) || take(0x20) || take(0x2C) else { throw ValueError(ImportMessage("has unexpected text after the date")) }
        skipSpaces()
        if atEnd { return WrittenDate(day: day) }
        var written = WrittenDate(day: day, time: try time())
        skipSpaces()
        if !atEnd { written.offset = try zone() }
        skipSpaces()
        guard atEnd else { throw ValueError(ImportMessage("has unexpected text after the time")) }
        return written
    }

    private mutating func date(format: DateFormat) throws(ValueError) -> Day {
        let (a, aDigits) = number(max: 4)
        guard aDigits > 0, !atEnd, [0x2D, 0x2E, 0x2F].contains(current) else { throw expected(format) }
        let sep = current
        i += 1
        let (b, bDigits) = number(max: 2)
        guard bDigits > 0, take(sep) else { throw expected(format) }
        let (c, cDigits) = number(max: 4)
        guard cDigits > 0 else { throw expected(format) }
        let yearFirst = aDigits == 4
        guard yearFirst || cDigits == 4 || cDigits == 2, yearFirst || aDigits <= 2, !yearFirst || cDigits <= 2 else { throw expected(format) }
        let shape: DateFormat
        switch (sep, yearFirst) {
        case (_, true): shape = .iso
        case (0x2E, false), (0x2D, false): shape = .dayMonthYear
        default: shape = format == .dayMonthYearSlash ? .dayMonthYearSlash : .monthDayYear
        }
        if format != .auto, shape != format || (format == .iso && sep != 0x2D) { throw expected(format) }
        let (year, month, dayOfMonth): (Int, Int, Int)
        switch shape {
        case .iso: (year, month, dayOfMonth) = (a, b, c)
        case .monthDayYear: (year, month, dayOfMonth) = (c, a, b)
        default: (year, month, dayOfMonth) = (c, b, a)
        }
        let fullYear = yearFirst || cDigits == 4 ? year : (year < 70 ? 2000 + year : 1900 + year)
        guard let day = Day(year: fullYear, month: month, day: dayOfMonth) else {
            if shape == .monthDayYear, month > 12, dayOfMonth <= 12 {
                throw ValueError(ImportMessage("is not a date as MM/dd/yyyy (month {0}); if the day comes first, set the date format to dd/MM/yyyy", .text("\(month)")))
            }
            throw ValueError(ImportMessage("is not a real calendar date"))
        }
        guard day.isSupported else { throw ValueError(ImportMessage("must be a date from {0} to {1}", .text(Day.firstSupported.description), .text(Day.lastSupported.description))) }
        return day
    }

    private func expected(_ format: DateFormat) -> ValueError {
        format == .auto
            ? ValueError(ImportMessage("is not a date (expected yyyy-MM-dd, dd.MM.yyyy or MM/dd/yyyy)"))
            : ValueError(ImportMessage("is not a date of the form {0}", .text("\(format.rawValue)")))
    }

    /// `H:mm[:ss[.fraction]]` with an optional AM/PM; seconds since midnight.
    private mutating func time() throws(ValueError) -> Double {
        var (hour, hourDigits) = number(max: 2)
        guard hourDigits > 0, take(0x3A) else { throw ValueError(ImportMessage("has a time that is not HH:mm")) }
        let (minute, minuteDigits) = number(max: 2)
        guard minuteDigits == 2, minute < 60 else { throw ValueError(ImportMessage("has a time that is not HH:mm")) }
        var second = 0.0
        if take(0x3A) {
            let (s, sDigits) = number(max: 2)
            guard sDigits == 2, s < 61 else { throw ValueError(ImportMessage("has seconds that are not ss")) }
            second = Double(s)
            if take(0x2E) {
                var scale = 0.1
                while !atEnd, current >= 0x30, current <= 0x39 { second += Double(current - 0x30) * scale; scale /= 10; i += 1 }
            }
        }
        skipSpaces()
        let pm = take(word: "PM") || take(word: "p.m.")
        let am = !pm && (take(word: "AM") || take(word: "a.m."))
        if am || pm {
            guard (1...12).contains(hour) else { throw ValueError(ImportMessage("has an hour outside 1–12 with AM/PM")) }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard hour < 24 else { throw ValueError(ImportMessage("has an hour past 23")) }
        return Double(hour * 3600 + minute * 60) + second
    }

    /// `Z`, `UTC`, `GMT`, `+hh:mm`, `+hhmm` or `+hh`: seconds east of UTC.
    private mutating func zone() throws(ValueError) -> Int {
        if take(0x5A) || take(word: "UTC") || take(word: "GMT") {
            skipSpaces()
            if atEnd { return 0 }
        }
        let sign: Int
        if take(0x2B) { sign = 1 } else if take(0x2D) { sign = -1 } else { throw ValueError(ImportMessage("has unexpected text after the time")) }
        let (hours, hourDigits) = number(max: 2)
        _ = take(0x3A)
        let (minutes, minuteDigits) = number(max: 2)
        guard hourDigits == 2 || hourDigits == 1, minuteDigits == 0 || minuteDigits == 2, hours <= 14, minutes < 60 else {
            throw ValueError(ImportMessage("has a time zone offset that is not ±hh:mm"))
        }
        return sign * (hours * 3600 + minutes * 60)
    }
}
