import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The company form: its time zone, saved through `SettingsService` like the API's `PUT /settings/time_zone`.
enum CompanySettingsController {
    /// Russia's zones from west to east and UTC first, then every other zone by name.
    static let zones: [String] = {
        let usual = ["UTC", "Europe/Kaliningrad", "Europe/Moscow", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk",
                     "Asia/Novosibirsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan",
                     "Asia/Kamchatka", "Europe/Minsk", "Asia/Almaty", "Asia/Tashkent", "Europe/London", "Europe/Berlin"]
        let known = Set(TimeZone.knownTimeZoneIdentifiers)
        return usual.filter { $0 == "UTC" || known.contains($0) } + known.subtracting(usual).sorted()
    }()

    static func save(_ req: Request, _ web: WebContext) async throws -> Response {
        if req.form["form"] == "lost_reasons" { return try await saveLostReasons(req, web) }
        return try await SettingsForms.submit(req, web, .company, form: "company", notice: .saved, names: ["value": "time_zone"]) { caller, form in
            let zone = JSONValue.string(form["time_zone"]?.trimmingCharacters(in: .whitespaces) ?? "")
            try await web.services.settings.change(.timeZone, viewer: caller.viewer) { _ in zone }
            return nil
        }
    }

    /// The reasons deals are lost, one per line; blank lines are left out, a repeated line is refused naming it.
    static func saveLostReasons(_ req: Request, _ web: WebContext) async throws -> Response {
        try await SettingsForms.submit(req, web, .company, form: "lost-reasons", notice: .saved) { caller, form in
            let lines = (form["lost_reasons"] ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            do {
                try await web.services.settings.change(.lostReasons, viewer: caller.viewer) { _ in .array(lines.map(JSONValue.string)) }
            } catch DomainError.invalid(let errors) {
                throw DomainError.invalid(errors.map { $0.renamed("lost_reasons") })
            }
            return nil
        }
    }
}
