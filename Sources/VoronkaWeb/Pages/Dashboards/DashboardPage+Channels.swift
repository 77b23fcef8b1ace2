import Plot
import VoronkaAnalytics
import VoronkaCore

extension DashboardPage {
    /// Conversion by lead channel and channel group ("channels v1").
    public struct Channels: Sendable, Hashable {
        public struct Row: Sendable, Hashable {
            /// The channel's (or group's) name in the user's language.
            public var name: String
            public var group: String?
            public var leads: Int
            public var matureLeads: Int
            public var won: Int
            public var conversion: Double?
            public var low: Double?
            public var high: Double?
            public var pValue: Double?
            public var medianResponseHours: Double?
            public var medianDaysToWin: Double?
        }

        public var maturityDays = 0
        public var byChannel: [Row] = []
        public var byGroup: [Row] = []
        public init() {}
    }

    static let channelTexts = (
        title: BilingualText(en: "Channels", ru: "Каналы"),
        byChannel: BilingualText(en: "Conversion by channel", ru: "Конверсия по каналам"),
        byGroup: BilingualText(en: "By channel group", ru: "По группам каналов"),
        channel: BilingualText(en: "Channel", ru: "Канал"),
        group: BilingualText(en: "Group", ru: "Группа"),
        groupFilter: BilingualText(en: "Channel group", ru: "Группа каналов"),
        interval: BilingualText(en: "95% interval", ru: "95% интервал"),
        versusRest: BilingualText(en: "Against the rest", ru: "По сравнению с остальными"),
        differs: BilingualText(en: "differs", ru: "отличается"),
        response: BilingualText(en: "Median first response", ru: "Медиана первого ответа"),
        daysToWin: BilingualText(en: "Median days to win", ru: "Медиана дней до выигрыша"),
        noChannel: BilingualText(en: "No channel", ru: "Без канала"),
        hint: BilingualText(en: "Conversion over leads at least {days} old (younger ones cannot have converted yet), with the range it lies in with 95% confidence: a narrow range needs many leads.",
                            ru: "Конверсия по лидам старше {days} (более молодые ещё не успели сконвертироваться) и диапазон, в котором она лежит с вероятностью 95%: узкий диапазон требует многих лидов.")
    )

    /// A channel group's name in the user's language.
    public static func groupName(_ group: ChannelGroup, _ t: Localizer) -> String {
        let names: [ChannelGroup: BilingualText] = [
            .paid: .init(en: "Paid", ru: "Платные"), .organic: .init(en: "Organic", ru: "Органические"),
            .social: .init(en: "Social", ru: "Соцсети"), .email: .init(en: "E-mail", ru: "Эл. почта"),
            .referral: .init(en: "Referral", ru: "Рекомендации"), .direct: .init(en: "Direct", ru: "Прямые"),
            .partner: .init(en: "Partner", ru: "Партнёры"), .event: .init(en: "Event", ru: "Мероприятия"),
            .outbound: .init(en: "Outbound", ru: "Исходящие"), .other: .init(en: "Other", ru: "Прочие"),
        ]
        return names[group].map { t.pick($0) } ?? group.rawValue
    }

    /// The report's rows named for the page: channels by `channelNames`, groups in the user's language.
    public static func channels(_ report: ChannelReport, channelNames: [Int64: String], _ t: Localizer) -> Channels {
        func row(_ r: ChannelRow, name: String) -> Channels.Row {
            Channels.Row(name: name, group: r.group.map { groupName($0, t) }, leads: r.leads, matureLeads: r.matureLeads, won: r.won,
                         conversion: r.conversion, low: r.conversionLow, high: r.conversionHigh, pValue: r.pValue,
                         medianResponseHours: r.medianResponseHours, medianDaysToWin: r.medianDaysToWin)
        }
        var out = Channels()
        out.maturityDays = report.maturityDays
        out.byChannel = report.byChannel.map { r in
            row(r, name: r.channelID.map { channelNames[$0] ?? "#" + String($0) } ?? t.pick(channelTexts.noChannel))
        }
        out.byGroup = report.byGroup.map { row($0, name: $0.group.map { groupName($0, t) } ?? "") }
        return out
    }

    /// The channels section: conversion by channel with its interval, then by group.
    static func channelsSection(_ model: Model, _ t: Localizer) -> Markup {
        let c = model.channels
        guard !c.byChannel.isEmpty else { return noData(t) }
        let x = channelTexts
        let f = t.format
        func columns(_ first: BilingualText, group: Bool) -> [(title: String, numeric: Bool)] {
            [(t.pick(first), false)] + (group ? [(t.pick(x.group), false)] : [])
                + [(t[.dashLeads], true), (t[.dashMatureLeads], true), (t[.dashWon], true), (t[.dashConversionPercent], true),
                   (t.pick(x.interval), true), (t.pick(x.versusRest), true), (t.pick(x.response), true), (t.pick(x.daysToWin), true)]
        }
        func cells(_ r: Channels.Row, group: Bool) -> [Markup] {
            let interval = r.low.flatMap { low in r.high.map { percent(low, t) + "–" + percent($0, t) } } ?? Format.dash
            let versus: Markup = r.pValue.map { p in p < 0.05 ? flag(t.pick(x.differs) + pValue(p, t)) : .plain(t[.dashWithinChance]) } ?? .plain(Format.dash)
            return [.plain(r.name)] + (group ? [.plain(r.group ?? Format.dash)] : [])
                + [.plain(f.number(r.leads)), .plain(f.number(r.matureLeads)), .plain(f.number(r.won)), .plain(percent(r.conversion, t)),
                   .plain(interval), versus, .plain(hours(r.medianResponseHours, t)),
                   .plain(r.medianDaysToWin.map { f.trimmed($0, maxDigits: 1) } ?? Format.dash)]
        }
        return .group(
            .p(.class("hint"), .plain(Strings.fill(t.pick(x.hint), ["days": t.count(c.maturityDays, .day)]))),
            part(t, "channels-conversion", t.pick(x.byChannel),
                 table(t.pick(x.byChannel), columns(x.channel, group: true), c.byChannel.map { cells($0, group: true) }, metric: "channels", t)),
            part(t, "channels-groups", t.pick(x.byGroup),
                 table(t.pick(x.byGroup), columns(x.group, group: false), c.byGroup.map { cells($0, group: false) }, metric: "channels", t)))
    }
}
