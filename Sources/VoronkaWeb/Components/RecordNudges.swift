import Plot
import VoronkaCore

/// An open nudge about the record a page shows.
public struct RecordNudge: Sendable, Hashable {
    public var rule: NudgeRule
    public var reason: BilingualText
    public init(rule: NudgeRule, reason: BilingualText) { self.rule = rule; self.reason = reason }
}

enum RecordNudges {
    static let heading = BilingualText(en: "Needs attention", ru: "Требует внимания")
    static let all = BilingualText(en: "All my nudges", ru: "Все мои напоминания")

    /// The record's open nudges (one line per rule and reason), or nothing.
    static func section(_ nudges: [RecordNudge], _ t: Localizer) -> Node<HTML.BodyContext> {
        var seen = Set<RecordNudge>()
        let unique = nudges.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return .empty }
        return .section(.class("record-nudges"), .id("record-nudges"), .attr("aria-labelledby", "record-nudges-title"),
            .h2(.id("record-nudges-title"), .plain("🔔 " + t.pick(heading))),
            .ul(.each(unique) { n in .li(.strong(.plain(t.pick(n.rule.title) + ": ")), .plain(t.pick(n.reason))) }),
            .p(.a(.attr("href", SiteURL.nudges.path), .plain(t.pick(all)))))
    }
}
