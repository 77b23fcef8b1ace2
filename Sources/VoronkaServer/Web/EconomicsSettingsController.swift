import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The deal economics form: monthly costs, deals a month, or a fixed minimum profit. Saved through `SettingsService`,
/// the same as the API's `PUT /settings/economics`, so the setting's own rules check it.
enum EconomicsSettingsController {
    static func save(_ req: Request, _ web: WebContext) async throws -> Response {
        try await SettingsForms.submit(req, web, .economics, form: "economics", notice: .saved) { caller, form in
            var value: [String: JSONValue] = [:]
            for name in ["monthly_costs", "deals_per_month", "fixed_minimum"] {
                value[name] = WebForms.number(form[name]) ?? .null
            }
            let settings = JSONValue.object(value)
            try await web.services.settings.change(.economics, viewer: caller.viewer) { _ in settings }
            return nil
        }
    }
}
