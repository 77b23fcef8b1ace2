import Foundation

/// The head of sales' (or a manager's) weekly review: one ranked list of what needs action, each item with its reason,
/// and the week's funnel movement. Generated on Monday morning in the company's time zone and kept.
public struct WeeklyReview: Sendable, Codable, Hashable {
    /// What an item of the list is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A lead not answered within the target: first, as every hour loses it to a competitor.
        case responseBreach = "response_breach"
        case stalled
        /// A deal past the first meeting and still unqualified.
        case unqualified
        case postponed
        /// A yearly buyer whose purchase month is next.
        case yearlyBuyer = "yearly_buyer"
        case stale

        /// The order of the kinds in the list.
        public var rank: Int { Kind.allCases.firstIndex(of: self) ?? 0 }

        public var title: BilingualText {
            switch self {
            case .responseBreach: BilingualText(en: "Leads not answered", ru: "Заявки без ответа")
            case .stalled: BilingualText(en: "Stalled deals", ru: "Застрявшие сделки")
            case .unqualified: BilingualText(en: "Unqualified past the first meeting", ru: "Не квалифицированы после первой встречи")
            case .postponed: BilingualText(en: "Postponed deals to check", ru: "Отложенные сделки: пора проверить")
            case .yearlyBuyer: BilingualText(en: "Yearly buyers due next month", ru: "Ежегодные покупатели: покупка в следующем месяце")
            case .stale: BilingualText(en: "Untouched deals", ru: "Заброшенные сделки")
            }
        }
    }

    /// One item: the record, whose it is, what is at stake and why it is listed.
    public struct Item: Sendable, Codable, Hashable {
        public var kind: Kind
        public var entity: EntityKind
        public var entityID: Int64
        public var title: String
        public var ownerID: Int64?
        /// Minor units of `currency`; nil for leads and companies.
        public var amount: Int64?
        public var currency: String?
        public var reason: BilingualText

        public init(kind: Kind, entity: EntityKind, entityID: Int64, title: String, ownerID: Int64?, amount: Int64?, currency: String?,
                    reason: BilingualText) {
            self.kind = kind; self.entity = entity; self.entityID = entityID; self.title = title; self.ownerID = ownerID
            self.amount = amount; self.currency = currency; self.reason = reason
        }
    }

    /// The Monday the review was made on (the company's date).
    public var week: Day
    /// Whose review: a head of sales sees everyone's, a manager their team's.
    public var userID: Int64
    public var createdAt: Date
    /// Ranked: by kind (`Kind.rank`), then the largest amount first, then the record's id.
    public var items: [Item]
    /// Items of each kind before the list was cut at `limit`.
    public var counts: [String: Int]
    /// The movement of the week before the review, as JSON ("weekly-movement v1").
    public var movement: JSONValue

    /// At most this many items are kept; `counts` has them all.
    public static let limit = 300

    public init(week: Day, userID: Int64, createdAt: Date, items: [Item], counts: [String: Int], movement: JSONValue) {
        self.week = week; self.userID = userID; self.createdAt = createdAt; self.items = items; self.counts = counts; self.movement = movement
    }

    /// Orders items for the list and keeps the first `limit`, counting each kind.
    public static func rank(_ items: [Item]) -> (items: [Item], counts: [String: Int]) {
        var counts: [String: Int] = [:]
        for item in items { counts[item.kind.rawValue, default: 0] += 1 }
        let sorted = items.sorted {
            ($0.kind.rank, -($0.amount ?? 0), $0.entityID) < ($1.kind.rank, -($1.amount ?? 0), $1.entityID)
        }
        return (Array(sorted.prefix(limit)), counts)
    }
}
