import Plot
import VoronkaCore

extension SettingsPage {
    /// The company section: its time zone, and the reasons deals are lost.
    static func company(_ model: Model, _ zone: String, _ zones: [String], _ reasons: [String], _ t: Localizer) -> Markup {
        let s = FormState("company", model.submission, stored: ["time_zone": zone])
        let r = FormState("lost-reasons", model.submission, stored: ["lost_reasons": reasons.joined(separator: "\n")])
        return .group(form(model, s, action: model.paths.company, label: t[.setCompany], order: ["time_zone"], submit: t[.save],
                    .selectField(s.info("time_zone", t[.setTimeZone], hint: t[.setTimeZoneHint]), name: "time_zone",
                                 options: zones.map { ($0, $0.replacingOccurrences(of: "_", with: " ")) }, selected: s.value("time_zone"))),
            form(model, r, action: model.paths.company, label: t[.setLostReasons], order: ["lost_reasons"], submit: t[.save],
                 .hidden("form", "lost_reasons"),
                 .textAreaField(r.info("lost_reasons", t[.setLostReasons], hint: t[.setLostReasonsHint]), name: "lost_reasons",
                                value: r.value("lost_reasons"), rows: 8)))
    }
}
