import Foundation

/// ISO 8601 text of instants, as the API and the journal write them.
public enum Timestamp {
    /// Formats an instant as `yyyy-MM-ddTHH:mm:ssZ` (with milliseconds when it has any).
    public static func format(_ date: Date) -> String {
        var writer = JSONWriter(capacity: 24)
        writer.timestamp(date)
        return writer.text
    }

    /// Parses `yyyy-MM-dd`, `yyyy-MM-ddTHH:mm[:ss[.SSS]]` with `Z`, an offset, or none (UTC).
    public static func parse(_ text: String) -> Date? {
        let s = text.trimmingCharacters(in: .whitespaces)
        if let day = Day(s) { return day.startDate }
        guard s.count >= 16, let day = Day(String(s.prefix(10))) else { return nil }
        let chars = Array(s)
        guard chars[10] == "T" || chars[10] == " " else { return nil }
        var rest = String(chars[11...])
        var offset = 0
        if rest.hasSuffix("Z") { rest.removeLast() }
        else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = rest[signIndex...].replacingOccurrences(of: ":", with: "")
            guard zone.count == 5, let h = Int(zone.dropFirst().prefix(2)), let m = Int(zone.suffix(2)) else { return nil }
            offset = (h * 3600 + m * 60) * (zone.first == "-" ? -1 : 1)
            rest = String(rest[..<signIndex])
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        var sec = 0.0
        if parts.count == 3 { guard let v = Double(parts[2]), v >= 0, v < 61 else { return nil }; sec = v }
        let total = Double(day.daysSinceEpoch) * 86_400 + Double(h * 3600 + m * 60) + sec - Double(offset)
        return Date(timeIntervalSince1970: total)
    }
}
