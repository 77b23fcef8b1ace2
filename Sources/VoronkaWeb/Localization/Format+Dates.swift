import Foundation
import VoronkaCore

extension Format {
    /// A calendar day: `21.09.2026` / `Sep 21, 2026`.
    public func date(_ day: Day) -> String {
        switch language {
        case .ru: return pad(day.day) + "." + pad(day.month) + "." + String(day.year)
        case .en: return Format.englishMonths[day.month - 1] + " " + String(day.day) + ", " + String(day.year)
        }
    }

    /// The day of an instant in the display offset.
    public func date(_ instant: Date) -> String { date(localDay(instant)) }

    /// Day and time, 24-hour: `21.09.2026 14:05` / `Sep 21, 2026, 14:05`.
    public func dateTime(_ instant: Date) -> String {
        date(instant) + (language == .ru ? " " : ", ") + time(instant)
    }

    /// The time of day, 24-hour: `14:05`.
    public func time(_ instant: Date) -> String {
        let minutes = localMinutes(instant)
        let ofDay = Int(((minutes % 1440) + 1440) % 1440)
        return pad(ofDay / 60) + ":" + pad(ofDay % 60)
    }

    /// A short month, with the year when given: `Sep 2026` / `сен 2026`.
    public func month(_ month: Int, year: Int? = nil) -> String {
        let names = language == .ru ? Format.russianMonthsShort : Format.englishMonths
        let name = (1...12).contains(month) ? names[month - 1] : "?"
        return year.map { name + " " + String($0) } ?? name
    }

    /// A month's full name, nominative: `September` / `сентябрь`.
    public func monthName(_ month: Int) -> String {
        guard (1...12).contains(month) else { return "?" }
        return (language == .ru ? Format.russianMonthsFull : Format.englishMonthsFull)[month - 1]
    }

    /// A span of time in its largest whole unit: `12 min`, `5 h`, `3 d` / `12 мин`, `5 ч`, `3 дн.`
    public func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return Format.dash }
        let s = Int64(seconds.magnitude.rounded(.down))
        let (value, en, ru): (Int64, String, String) =
            s < 3600 ? (s / 60, "min", "мин") : s < 86_400 ? (s / 3600, "h", "ч") : (s / 86_400, "d", "дн.")
        return number(value) + Format.nbsp + (language == .ru ? ru : en)
    }

    /// The calendar day of an instant in the display offset.
    public func localDay(_ instant: Date) -> Day {
        let minutes = localMinutes(instant)
        return Day(daysSinceEpoch: Int(minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440))
    }

    /// Machine-readable text for `<time datetime>` and `<input type="date">`: `2026-09-21`.
    public static func iso(_ day: Day) -> String { day.description }

    /// Local date and time for `<input type="datetime-local">`: `2026-09-21T14:05`.
    public func localInput(_ instant: Date) -> String {
        localDay(instant).description + "T" + time(instant)
    }

    func localMinutes(_ instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 / 60).rounded(.down)) + Int64(utcOffsetMinutes)
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let englishMonthsFull = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]
    static let russianMonthsShort = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"]
    static let russianMonthsFull = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                                    "сентябрь", "октябрь", "ноябрь", "декабрь"]
}
