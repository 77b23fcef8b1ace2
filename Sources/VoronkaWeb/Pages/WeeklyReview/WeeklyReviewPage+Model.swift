import Foundation
import VoronkaCore

/// The weekly review on the web: the week's movement, then one ranked list with a reason per item, grouped by kind;
/// past weeks linked; printable as it is (the print style drops the header and the forms).
public enum WeeklyReviewPage {
    /// The week's counts against the four weeks before, as the page shows them.
    public struct Movement: Sendable, Hashable {
        public var weekStart: String
        public var weekEnd: String
        /// (label, this week, weekly average of the four before)
        public var rows: [(label: BilingualText, week: Int, average: Double)]
        public var conversion: Double?
        public var previousConversion: Double?
        public var flagged: Bool
        public var anomalies: [String]

        public init(weekStart: String, weekEnd: String, rows: [(label: BilingualText, week: Int, average: Double)], conversion: Double?,
                    previousConversion: Double?, flagged: Bool, anomalies: [String]) {
            self.weekStart = weekStart; self.weekEnd = weekEnd; self.rows = rows; self.conversion = conversion
            self.previousConversion = previousConversion; self.flagged = flagged; self.anomalies = anomalies
        }

        public static func == (a: Movement, b: Movement) -> Bool {
            a.weekStart == b.weekStart && a.weekEnd == b.weekEnd && a.conversion == b.conversion && a.flagged == b.flagged
                && a.rows.map { "\($0.label)|\($0.week)|\($0.average)" } == b.rows.map { "\($0.label)|\($0.week)|\($0.average)" }
        }

        public func hash(into h: inout Hasher) { h.combine(weekStart); h.combine(rows.count) }
    }

    public struct Item: Sendable, Hashable {
        public var kind: WeeklyReview.Kind
        public var title: String
        public var url: String
        public var ownerName: String?
        public var amount: String?
        public var reason: BilingualText
        public init(kind: WeeklyReview.Kind, title: String, url: String, ownerName: String?, amount: String?, reason: BilingualText) {
            self.kind = kind; self.title = title; self.url = url; self.ownerName = ownerName; self.amount = amount; self.reason = reason
        }
    }

    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var week: Day
        public var madeAt: Date
        /// Whose: "everyone" or the manager's team.
        public var everyone: Bool
        public var movement: Movement?
        public var items: [Item]
        public var counts: [WeeklyReview.Kind: Int]
        /// Past weeks kept, the latest first, with their links.
        public var weeks: [(day: Day, url: String, isCurrent: Bool)]

        public init(shell: Shell, week: Day, madeAt: Date, everyone: Bool, movement: Movement?, items: [Item], counts: [WeeklyReview.Kind: Int],
                    weeks: [(day: Day, url: String, isCurrent: Bool)]) {
            self.shell = shell; self.week = week; self.madeAt = madeAt; self.everyone = everyone; self.movement = movement
            self.items = items; self.counts = counts; self.weeks = weeks
        }

        public static func == (a: Model, b: Model) -> Bool { a.shell == b.shell && a.week == b.week && a.items == b.items && a.movement == b.movement }
        public func hash(into h: inout Hasher) { h.combine(week); h.combine(items) }
    }

    public static let title = BilingualText(en: "Weekly review", ru: "Еженедельный обзор")
    static let weekOf = BilingualText(en: "Week of {day}", ru: "Неделя с {day}")
    static let madeAtText = BilingualText(en: "Made {time}. Printable as it is.", ru: "Составлен {time}. Можно распечатать как есть.")
    static let everyoneText = BilingualText(en: "The whole sales team.", ru: "Весь отдел продаж.")
    static let teamText = BilingualText(en: "Your team.", ru: "Ваша команда.")
    static let movementTitle = BilingualText(en: "The week's movement", ru: "Движение за неделю")
    static let movementSpan = BilingualText(en: "{from} – {to}, against the weekly average of the four weeks before",
                                            ru: "{from} – {to}, в сравнении со средним за четыре недели до неё")
    static let thisWeek = BilingualText(en: "This week", ru: "Эта неделя")
    static let average = BilingualText(en: "Average of 4 weeks before", ru: "Среднее за 4 недели до")
    static let conversion = BilingualText(en: "Conversion (won ÷ closed)", ru: "Конверсия (выиграно ÷ закрыто)")
    static let flaggedText = BilingualText(en: "Differs from the four weeks before beyond chance.", ru: "Отличается от четырёх недель до неё сильнее случайного.")
    static let anomaliesText = BilingualText(en: "Cohorts flagged as anomalies: {list}", ru: "Когорты с аномалиями: {list}")
    static let listTitle = BilingualText(en: "What needs action", ru: "Что требует действий")
    static let nothing = BilingualText(en: "Nothing needs action this week.", ru: "На этой неделе действий не требуется.")
    static let shownOf = BilingualText(en: "{shown} of {total}", ru: "{shown} из {total}")
    static let pastWeeks = BilingualText(en: "Past reviews", ru: "Прошлые обзоры")
    static let owner = BilingualText(en: "Owner", ru: "Ответственный")
}
