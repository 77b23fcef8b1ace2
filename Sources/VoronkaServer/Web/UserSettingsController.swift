import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The users' forms: add a user with an initial password, change a user's details, role or team, deactivate them,
/// reset their password.
/// Users are created through `AccountService` and changed through `RecordService`, as the API does.
enum UserSettingsController {
    static let fields: [(String, WebForms.Kind)] = [("name", .text), ("email", .text), ("role", .text), ("manager_id", .number)]
    /// The form calls the user's `locale` "language".
    static let names = ["locale": "language"]

    static func create(_ req: Request, _ web: WebContext) async throws -> Response {
        try await SettingsForms.submit(req, web, .users, form: "new-user", notice: .added, names: names) { caller, form in
            let (user, _) = try await web.services.accounts.createUser(input(form), password: form[FormField.password] ?? "", viewer: caller.viewer)
            return user.int("id").map { "user-\($0)" }
        }
    }

    static func edit(_ req: Request, _ web: WebContext) async throws -> Response {
        let id = try req.webID()
        return try await SettingsForms.submit(req, web, .users, form: "user-\(id)", notice: .saved, names: names) { caller, form in
            var changes = input(form)
            changes["active"] = WebForms.input(form, [("active", .flag)])["active"]
            _ = try await web.services.records.update(.user, id, changes, viewer: caller.viewer)
            return nil
        }
    }

    /// Sets a new generated password for the user (their sessions end) and shows it once on the users page.
    static func resetPassword(_ req: Request, _ web: WebContext) async throws -> Response {
        let id = try req.webID()
        var reset: (password: String, caller: WebCaller)?
        let response = try await SettingsForms.submit(req, web, .users, form: "user-\(id)", notice: .passwordReset, names: names) { caller, _ in
            reset = (try await web.services.accounts.resetPassword(userID: id, viewer: caller.viewer, session: caller.tokenID), caller)
            return "new-password"
        }
        if let reset { SecretFlash(web: web, kind: .password).set("\(id):\(reset.password)", on: response, req, caller: reset.caller) }
        return response
    }

    /// The user's fields from the form; a form without `language` leaves the locale as it is.
    static func input(_ form: [String: String]) -> [String: JSONValue] {
        var input = WebForms.input(form, fields)
        if let language = form[FormField.language] { input["locale"] = WebForms.value(language, .text) }
        return input
    }
}
