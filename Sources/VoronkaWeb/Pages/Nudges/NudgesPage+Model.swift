import Foundation
import VoronkaCore

/// One's nudges: what the rules found due, the most urgent first, each with its reason and the record it is about;
/// done, snoozed or dismissed from the list. Acting on the record (logging the call) closes a nudge by itself.
public enum NudgesPage {
    public struct Row: Sendable, Hashable {
        public var id: Int64
        public var rule: NudgeRule
        public var reason: BilingualText
        public var dueAt: Date
        public var level: Int
        public var state: NudgeState
        public var snoozedUntil: Date?
        public var note: String?
        /// Whom it is for, when the page lists a team's.
        public var userName: String?
        public var about: String
        public var aboutURL: String
        /// POST: takes the lead (a lead nobody owns).
        public var claimURL: String?
        public init(id: Int64, rule: NudgeRule, reason: BilingualText, dueAt: Date, level: Int, state: NudgeState, snoozedUntil: Date?,
                    note: String?, userName: String?, about: String, aboutURL: String) {
            self.id = id; self.rule = rule; self.reason = reason; self.dueAt = dueAt; self.level = level; self.state = state
            self.snoozedUntil = snoozedUntil; self.note = note; self.userName = userName; self.about = about; self.aboutURL = aboutURL
        }
    }

    /// A tab: which nudges (open, snoozed, closed) or whose (mine, the team's), as My work's.
    public typealias Tab = MyWorkPage.Scope

    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var rows: [Row]
        public var states: [Tab]
        public var scopes: [Tab]
        public var pager: Pager?
        /// Where the forms return to (this page).
        public var returnTo: String
        /// Why the last action was refused, in the user's language.
        public var problem: String?
        /// The weekly review, for heads of sales and managers.
        public var reviewURL: String?
        public init(shell: Shell, rows: [Row], states: [Tab], scopes: [Tab], pager: Pager?, returnTo: String, problem: String? = nil) {
            self.shell = shell; self.rows = rows; self.states = states; self.scopes = scopes; self.pager = pager; self.returnTo = returnTo
            self.problem = problem
        }
    }

    /// The snooze choices, in hours.
    public static let snoozeHours = [4, 24, 72, 168]

    public static let title = BilingualText(en: "Nudges", ru: "Напоминания")
    public static let review = BilingualText(en: "Weekly review", ru: "Еженедельный обзор")
    public static let intro = BilingualText(
        en: "What needs you now: stalled and untouched deals, postponed deals to check, yearly buyers to call, unanswered leads. Logging the call or moving the deal closes a nudge by itself.",
        ru: "Что требует вас сейчас: застрявшие и заброшенные сделки, отложенные сделки для проверки, ежегодные покупатели, заявки без ответа. Звонок, записанный в сделке, или перевод её на другой этап закрывает напоминание сам.")
    public static let nothing = BilingualText(en: "Nothing here. The rules are checked every minute.", ru: "Здесь пусто. Правила проверяются каждую минуту.")
    public static let open = BilingualText(en: "Open", ru: "Открытые")
    public static let snoozed = BilingualText(en: "Snoozed", ru: "Отложенные")
    public static let closed = BilingualText(en: "Closed", ru: "Закрытые")
    public static let mine = BilingualText(en: "Mine", ru: "Мои")
    public static let team = BilingualText(en: "My team's", ru: "Моей команды")
    public static let everyone = BilingualText(en: "Everyone's", ru: "Все")
    public static let whichLabel = BilingualText(en: "Which nudges", ru: "Какие напоминания")
    public static let whoseLabel = BilingualText(en: "Whose nudges", ru: "Чьи напоминания")
    public static let done = BilingualText(en: "Done", ru: "Сделано")
    public static let take = BilingualText(en: "Take the lead", ru: "Взять заявку")
    public static let snooze = BilingualText(en: "Snooze", ru: "Отложить")
    public static let snoozeFor = BilingualText(en: "Snooze for", ru: "Отложить на")
    public static let dismiss = BilingualText(en: "Dismiss…", ru: "Отклонить…")
    public static let dismissButton = BilingualText(en: "Dismiss", ru: "Отклонить")
    public static let dismissReason = BilingualText(en: "Why it needs no action", ru: "Почему действие не нужно")
    public static let escalated = BilingualText(en: "Escalated", ru: "Эскалация")
    public static let snoozedUntil = BilingualText(en: "Snoozed until {time}", ru: "Отложено до {time}")
    public static let resolved = BilingualText(en: "Closed by itself: the record was acted on.", ru: "Закрыто само: по записи есть действие.")
    public static let dismissedWith = BilingualText(en: "Dismissed: {reason}", ru: "Отклонено: {reason}")
    public static let doneText = BilingualText(en: "Marked done.", ru: "Отмечено как сделанное.")
    public static let due = BilingualText(en: "due", ru: "срок")

    static func hoursLabel(_ hours: Int) -> BilingualText {
        switch hours {
        case 4: BilingualText(en: "4 hours", ru: "4 часа")
        case 24: BilingualText(en: "1 day", ru: "1 день")
        case 72: BilingualText(en: "3 days", ru: "3 дня")
        case 168: BilingualText(en: "1 week", ru: "1 неделю")
        default: BilingualText(en: "\(hours) hours", ru: "\(hours) ч.")
        }
    }
}
