import Foundation

/// The kind of marketing a channel is, for reports that compare paid with organic, referrals with events.
public enum ChannelGroup: String, Sendable, Codable, CaseIterable {
    case paid, organic, social, email, referral, direct, partner, event, outbound, other

    /// Checked in order: the first group with a word inside the folded text wins ("paid search" is paid, not organic).
    private static let words: [(ChannelGroup, [String])] = [
        (.paid, ["paid", "cpc", "ppc", "display", "banner", "ads", "adwords", "реклам", "контекст", "платн", "баннер", "директ"]),
        (.organic, ["organic", "seo", "search", "поиск", "органик"]),
        (.social, ["social", "facebook", "instagram", "linkedin", "vk", "вконтакт", "telegram", "соцсет", "соц. сет"]),
        (.email, ["e-mail", "email", "newsletter", "mail", "рассылк", "почт"]),
        (.partner, ["partner", "affiliate", "партн", "дилер", "reseller"]),
        (.referral, ["referral", "recommend", "word of mouth", "рекоменд", "сарафан"]),
        (.event, ["event", "trade show", "exhibition", "conference", "seminar", "webinar", "выставк", "конференц", "семинар", "вебинар", "мероприят"]),
        (.outbound, ["outbound", "cold", "purchased list", "холодн", "исходящ", "обзвон"]),
        (.direct, ["direct", "web", "site", "form", "phone", "call", "chat", "прям", "сайт", "форм", "звон", "телефон", "чат"]),
    ]

    /// The group the words of a channel's name suggest; `other` when none does.
    public static func guess(_ text: String) -> ChannelGroup {
        let folded = SearchText.fold(text)
        return words.first { $0.1.contains { folded.contains($0) } }?.0 ?? .other
    }
}

/// Where leads come from, as marketing names it ("Organic search", "Яндекс.Директ", "Exhibition 2026"): an open list
/// that admins and imports add to. A channel merged into another (`mergedIntoID`) keeps its leads; the analytics count
/// them under the channel it was merged into, so a merge can be undone.
public struct LeadChannel: Entity, Hashable {
    public static let kind = EntityKind.channel
    public static let sortable = ["id", "name"]
    public static let fields: [FieldSpec] = FieldSpec.system + [
        FieldSpec("name", .text, required: true, maxLength: 200),
        FieldSpec("name_ru", .text, maxLength: 200),
        .enumeration("channel_group", ChannelGroup.self, required: true, default: .other),
        FieldSpec("active", .bool, required: true, default: .bool(true)),
        FieldSpec("merged_into_id", .id, references: .channel),
        /// The `LeadSource` this channel stands for (the channels every installation starts with), else nil.
        FieldSpec("source_key", .text, writable: false, maxLength: 40),
    ]

    public var id: Int64
    public var name: String
    public var nameRu: String?
    public var group: ChannelGroup
    public var active: Bool
    public var mergedIntoID: Int64?
    public var sourceKey: String?

    public init(id: Int64 = 0, name: String, nameRu: String? = nil, group: ChannelGroup = .other, active: Bool = true,
                mergedIntoID: Int64? = nil, sourceKey: String? = nil) {
        self.id = id; self.name = name; self.nameRu = nameRu; self.group = group; self.active = active
        self.mergedIntoID = mergedIntoID; self.sourceKey = sourceKey
    }

    public init(record r: Record) {
        id = r.int("id") ?? 0
        name = r.text("name") ?? ""
        nameRu = r.text("name_ru")
        group = r.enumValue("channel_group", ChannelGroup.self) ?? .other
        active = r.bool("active") ?? true
        mergedIntoID = r.int("merged_into_id")
        sourceKey = r.text("source_key")
    }

    public var record: Record {
        Record(["id": .int(id), "name": .text(name), "name_ru": Record.optional(nameRu), "channel_group": .text(group.rawValue),
                "active": .bool(active), "merged_into_id": Record.optional(mergedIntoID), "source_key": Record.optional(sourceKey)])
    }

    public func validate() -> [FieldError] {
        var errors = Rules.nonEmpty(name, field: "name")
        if let into = mergedIntoID, into == id, id != 0 { errors.append(FieldError("merged_into_id", .channelMergedIntoItself)) }
        return errors
    }

    /// The channel a lead of this source starts in, for the channels every installation has.
    public static func builtIn(_ source: LeadSource) -> LeadChannel {
        let (en, ru, group): (String, String, ChannelGroup) = switch source {
        case .webForm: ("Web form", "Форма на сайте", .direct)
        case .phone: ("Phone", "Телефон", .direct)
        case .email: ("E-mail", "Эл. почта", .email)
        case .referral: ("Referral", "Рекомендация", .referral)
        case .event: ("Event", "Мероприятие", .event)
        case .outbound: ("Outbound", "Исходящие", .outbound)
        case .reactivation: ("Reactivation", "Повторное обращение", .other)
        case .import: ("Import", "Импорт", .other)
        }
        return LeadChannel(name: en, nameRu: ru, group: group, sourceKey: source.rawValue)
    }
}

/// The channels by every name a file or a form may use for one: its name and Russian name (as search folds them) and
/// its source key; a merged channel's names lead to the channel it was merged into.
public struct ChannelDirectory: Sendable {
    public private(set) var channels: [Int64: LeadChannel] = [:]
    private var byName: [String: Int64] = [:]

    public init(_ channels: [LeadChannel] = []) {
        for channel in channels.sorted(by: { $0.id < $1.id }) { add(channel) }
    }

    /// Adds a channel (a name already taken keeps its first channel).
    public mutating func add(_ channel: LeadChannel) {
        channels[channel.id] = channel
        for name in [channel.sourceKey, channel.name, channel.nameRu].compactMap({ $0 }) where !name.isEmpty {
            let key = SearchText.fold(name)
            if byName[key] == nil { byName[key] = channel.id }
        }
    }

    /// The channel a text names, after merges; nil when none does.
    public func find(_ text: String) -> LeadChannel? {
        byName[SearchText.fold(text.trimmingCharacters(in: .whitespaces))].flatMap(root)
    }

    /// The channel one counts under: the end of its merges.
    public func root(_ id: Int64) -> LeadChannel? {
        var current = channels[id], seen: Set<Int64> = []
        while let c = current, let into = c.mergedIntoID, seen.insert(c.id).inserted, let next = channels[into] { current = next }
        return current
    }

    /// The channels a lead can be put in: not merged into another, active; by name.
    public var choosable: [LeadChannel] {
        channels.values.filter { $0.mergedIntoID == nil && $0.active }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }
}
