import Foundation

/// One event of an iCalendar feed.
public struct CalendarEvent: Sendable, Hashable {
    /// When it happens: at an instant (for `minutes`), or on a whole day.
    public enum Start: Sendable, Hashable {
        case at(Date, minutes: Int)
        case day(Day)
    }

    /// Unique and stable across feeds (`nudge-12@voronka`), so a calendar updates the event instead of adding another.
    public var uid: String
    public var start: Start
    public var summary: String
    public var description: String?
    public var url: String?
    /// Every year on the same day (a yearly buyer's call).
    public var yearly: Bool

    public init(uid: String, start: Start, summary: String, description: String? = nil, url: String? = nil, yearly: Bool = false) {
        self.uid = uid; self.start = start; self.summary = summary; self.description = description; self.url = url; self.yearly = yearly
    }
}

/// Writes an iCalendar document (RFC 5545): CRLF line ends, TEXT values escaped, content lines folded at 75 octets
/// without splitting a UTF-8 character, times in UTC.
public enum ICalendar {
    public static func document(name: String, events: [CalendarEvent], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Voronka//Nudges//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + text(name), "X-PUBLISHED-TTL:PT15M", "REFRESH-INTERVAL;VALUE=DURATION:PT15M"]
        for e in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + text(e.uid))
            lines.append("DTSTAMP:" + utc(stamp))
            switch e.start {
            case .at(let date, let minutes):
                lines.append("DTSTART:" + utc(date))
                lines.append("DTEND:" + utc(date.addingTimeInterval(Double(max(1, minutes)) * 60)))
            case .day(let day):
                lines.append("DTSTART;VALUE=DATE:" + compact(day))
                lines.append("DTEND;VALUE=DATE:" + compact(day.adding(days: 1)))
            }
            if e.yearly { lines.append("RRULE:FREQ=YEARLY") }
            lines.append("SUMMARY:" + text(e.summary))
            if let d = e.description { lines.append("DESCRIPTION:" + text(d)) }
            if let u = e.url { lines.append("URL:" + u.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "")) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A TEXT value: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11).
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previousCR = false
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"; previousCR = true; continue
            case "\n": if !previousCR { out += "\\n" }
            default:
                // Other control characters are not allowed in TEXT.
                if ch.value < 0x20 || ch.value == 0x7F { out += " " } else { out.unicodeScalars.append(ch) }
            }
            previousCR = false
        }
        return out
    }

    /// Folds a content line: at most 75 octets a line, each continuation starting with a space (RFC 5545 3.1).
    public static func fold(_ line: String) -> String {
        var parts: [String] = []
        var current = "", octets = 0, limit = 75
        for ch in line {
            let n = String(ch).utf8.count
            if octets + n > limit {
                parts.append(current)
                current = ""
                octets = 0
                limit = 74   // the leading space counts
            }
            current.append(ch)
            octets += n
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }

    static func utc(_ date: Date) -> String {
        let day = Day(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
        let seconds = Int(date.timeIntervalSince1970 - Double(day.daysSinceEpoch) * 86_400)
        return compact(day) + "T" + two(seconds / 3600) + two(seconds / 60 % 60) + two(seconds % 60) + "Z"
    }

    static func compact(_ day: Day) -> String { String(format: "%04d%02d%02d", day.year, day.month, day.day) }
    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
