import Plot
import VoronkaCore

extension SettingsPage {
    static let channelTexts = (
        title: BilingualText(en: "Lead channels", ru: "Каналы лидов"),
        hint: BilingualText(en: "Where leads come from. Imports add the channels their files name; merge a channel into another when they are the same (the merge is journaled, the analytics count its leads under the other, and it can be undone by choosing “not merged”).",
                            ru: "Откуда приходят лиды. Импорт добавляет каналы, названные в файлах; объедините канал с другим, если это одно и то же (объединение записывается в журнал, аналитика считает его лиды в другом канале, и его можно отменить, выбрав «не объединён»)."),
        nameRu: BilingualText(en: "Name in Russian", ru: "Название по-русски"),
        group: BilingualText(en: "Group", ru: "Группа"),
        mergedInto: BilingualText(en: "Merged into", ru: "Объединён с"),
        notMerged: BilingualText(en: "Not merged", ru: "Не объединён"),
        form: BilingualText(en: "Channel “{name}”", ru: "Канал «{name}»"),
        add: BilingualText(en: "Add a channel", ru: "Добавить канал"),
        built: BilingualText(en: "standard", ru: "стандартный")
    )

    static func stored(_ c: LeadChannel) -> [String: String] {
        ["name": c.name, "name_ru": c.nameRu ?? "", "channel_group": c.group.rawValue, "active": flagValue(c.active),
         "merged_into_id": c.mergedIntoID.map { String($0) } ?? ""]
    }

    /// Every channel with its form (names, group, active, merged into), then the form for a new one.
    static func channels(_ model: Model, _ channels: [LeadChannel], _ t: Localizer) -> Markup {
        let x = channelTexts
        let new = FormState("new-channel", model.submission, stored: ["channel_group": ChannelGroup.other.rawValue, "active": "true"])
        let names = Dictionary(channels.map { ($0.id, localName($0.name, $0.nameRu, t)) }, uniquingKeysWith: { a, _ in a })
        return .group(
            .p(.class("hint"), .plain(t.pick(x.hint))),
            .each(channels.sorted { order($0, t) < order($1, t) }) { c in
                let heading = "channel-\(c.id)-heading"
                let state = FormState("channel-\(c.id)", model.submission, stored: stored(c))
                var notes = [DashboardPage.groupName(c.group, t)]
                if let into = c.mergedIntoID { notes.append(t.pick(x.mergedInto) + " " + (names[into] ?? "#\(into)")) }
                if !c.active { notes.append(t[.setInactive]) }
                if c.sourceKey != nil { notes.append(t.pick(x.built)) }
                // A channel may be merged into any other that is not merged itself.
                let targets = channels.filter { $0.id != c.id && $0.mergedIntoID == nil }
                // Folded: an import may add dozens of channels; the one a refusal names opens.
                return .details(.class("panel"), .attr("id", "channel-\(c.id)"), .flag("open", state.refused),
                    .summary(.h3(.id(heading), .class("summary-heading"), .plain(localName(c.name, c.nameRu, t)),
                                 .span(.class("muted"), .plain(" · " + notes.joined(separator: " · "))))),
                    .embed(channelForm(model, state, action: model.paths.channel(c.id),
                                       label: Strings.fill(t.pick(x.form), ["name": c.name]), submit: t[.save], targets: targets, t)))
            },
            addPanel(t.pick(x.add), open: new.refused,
                     channelForm(model, new, action: model.paths.newChannel, label: t.pick(x.add), submit: t[.add], targets: nil, t)))
    }

    /// Channels in use first (not merged, active), then by their name in the user's language.
    static func order(_ c: LeadChannel, _ t: Localizer) -> (Int, String, Int64) {
        ((c.mergedIntoID != nil ? 2 : 0) + (c.active ? 0 : 1), localName(c.name, c.nameRu, t).lowercased(), c.id)
    }

    static func channelForm(_ model: Model, _ s: FormState, action: String, label: String, submit: String, targets: [LeadChannel]?,
                            _ t: Localizer) -> Markup {
        let x = channelTexts
        let groups = ChannelGroup.allCases.map { ($0.rawValue, DashboardPage.groupName($0, t)) }
        let merge: Node<HTML.FormContext> = targets.map { targets in
            select(s, "merged_into_id", t.pick(x.mergedInto),
                   [("", t.pick(x.notMerged))] + targets.map { (String($0.id), localName($0.name, $0.nameRu, t)) })
        } ?? .empty
        return form(model, s, action: action, label: label, order: ["name", "name_ru", "channel_group", "active", "merged_into_id"], submit: submit,
                    text(s, "name", t[.name], required: true),
                    text(s, "name_ru", t.pick(x.nameRu)),
                    select(s, "channel_group", t.pick(x.group), groups),
                    checkbox(s, "active", t[.setActive]),
                    merge)
    }
}
