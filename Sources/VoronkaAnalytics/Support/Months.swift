import Foundation
import VoronkaCore

/// Calendar periods in UTC. A month is numbered `year * 12 + month - 1`, a quarter `year * 4 + (month - 1) / 3`.
enum Months {
    /// The month number of an instant (seconds since 1970).
    static func month(_ t: Double) -> Int {
        let day = Day(daysSinceEpoch: Int((t / 86_400).rounded(.down)))
        return day.year * 12 + day.month - 1
    }

    static func month(ofDay n: Int) -> Int {
        let day = Day(daysSinceEpoch: n)
        return day.year * 12 + day.month - 1
    }

    /// The first day (days since 1970) of a month number.
    /// Total for every month number, also before year 1 and after 9999 (a floor division keeps months 1–12).
    static func firstDay(_ month: Int) -> Int {
        let year = month >= 0 ? month / 12 : (month - 11) / 12
        return Day.daysSinceEpoch(year: year, month: month - year * 12 + 1, day: 1)
    }

    /// "2025-03".
    static func label(_ month: Int) -> String {
        let year = month >= 0 ? month / 12 : (month - 11) / 12
        return String(format: "%04d-%02d", year, month - year * 12 + 1)
    }

    /// "yyyy-MM-dd" of a day number (without `String(format:)`, which is slow in long lists).
    static func dayLabel(_ n: Int) -> String {
        let day = Day(daysSinceEpoch: n)
        return digits(day.year, 4) + "-" + digits(day.month, 2) + "-" + digits(day.day, 2)
    }

    private static func digits(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// Month numbers of days within a range, by table lookup (a scan over millions of facts calls this per fact).
struct MonthTable {
    let firstDay: Int
    let months: [Int32]

    init(from t0: Double, to t1: Double) {
        let d0 = Int((t0 / 86_400).rounded(.down)), d1 = Int((t1 / 86_400).rounded(.down))
        firstDay = d0
        var out: [Int32] = []
        out.reserveCapacity(max(0, d1 - d0 + 1))
        var day = d0
        while day <= d1 {
            let m = Months.month(ofDay: day)
            let next = min(d1 + 1, Months.firstDay(m + 1))
            out.append(contentsOf: repeatElement(Int32(m), count: next - day))
            day = next
        }
        months = out
    }

    @inline(__always)
    func month(_ t: Double) -> Int {
        let i = Int((t / 86_400).rounded(.down)) - firstDay
        return i >= 0 && i < months.count ? Int(months[i]) : Months.month(t)
    }
}
