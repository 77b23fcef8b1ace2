import Plot
import VoronkaCore

extension SettingsPage {
    /// The company section: its time zone.
    static func company(_ model: Model, _ zone: String, _ zones: [String], _ t: Localizer) -> Markup {
        let s = FormState("company", model.submission, stored: ["time_zone": zone])
        return form(model, s, action: model.paths.company, label: t[.setCompany], order: ["time_zone"], submit: t[.save],
                    .selectField(s.info("time_zone", t[.setTimeZone], hint: t[.setTimeZoneHint]), name: "time_zone",
                                 options: zones.map { ($0, $0.replacingOccurrences(of: "_", with: " ")) }, selected: s.value("time_zone")))
    }
}
