import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// How every settings form is answered. The change goes through the same services as the API (one transaction,
/// journaled); success redirects to the section with a notice. Refused input re-renders the section with status 422,
/// the form re-filled with what was typed and each problem beside its field, in the user's language; nothing is written.
enum SettingsForms {
    /// A change: it gets the admin and the submitted form, and returns the id of the form to scroll to (nil: the one sent).
    typealias Change = (WebCaller, [String: String]) async throws -> String?

    /// Answers the POST of form `key` on `section`; `names` renames API fields to the form's (`locale` → `language`).
    static func submit(_ req: Request, _ web: WebContext, _ section: SettingsPage.Section, form key: String, notice: SettingsPage.Notice,
                       names: [String: String] = [:], _ change: Change) async throws -> Response {
        let caller = try SettingsController.admin(req, web)
        let form = req.form
        do {
            let anchor = try await change(caller, form) ?? key
            return web.redirect(SettingsController.paths.section(section) + "?notice=" + notice.rawValue + "#" + anchor)
        } catch let error as DomainError {
            guard let problems = WebForms.problems(error) else { throw error }
            let sent = submission(key, form, problems, Localizer(req.webLanguage), names: names)
            return try await SettingsController.render(req, web, section, submission: sent, status: .unprocessableEntity)
        }
    }

    /// A new record of `kind` from the section's "add" form (`new-<kind>`); the page then scrolls to it.
    static func create(_ req: Request, _ web: WebContext, _ kind: EntityKind, on section: SettingsPage.Section,
                       fields: [(String, WebForms.Kind)]) async throws -> Response {
        try await submit(req, web, section, form: "new-\(kind.rawValue)", notice: .added) { caller, form in
            let record = try await web.services.records.create(kind, WebForms.input(form, fields), viewer: caller.viewer)
            return record.int("id").map { "\(kind.rawValue)-\($0)" }
        }
    }

    /// A record of `kind` changed from its own form (`<kind>-<id>`, the id in the path).
    static func edit(_ req: Request, _ web: WebContext, _ kind: EntityKind, on section: SettingsPage.Section,
                     fields: [(String, WebForms.Kind)]) async throws -> Response {
        let id = try req.webID()
        return try await submit(req, web, section, form: "\(kind.rawValue)-\(id)", notice: .saved) { caller, form in
            _ = try await web.services.records.update(kind, id, WebForms.input(form, fields), viewer: caller.viewer)
            return nil
        }
    }

    /// The refused form: what was typed (never the CSRF token or a password), and each field's problems.
    static func submission(_ key: String, _ form: [String: String], _ problems: [FieldError], _ t: Localizer,
                           names: [String: String] = [:]) -> FormSubmission {
        var values = form
        for secret in [FormField.csrf, FormField.password, FormField.currentPassword] { values[secret] = nil }
        var errors: [String: String] = [:]
        for problem in problems {
            let field = formField(problem.field, names)
            let message = t.fieldError(problem)
            errors[field] = errors[field].map { $0 + " " + message } ?? message
        }
        return FormSubmission(form: key, values: values, errors: errors)
    }

    /// The form field a problem names: the last part of its path (`value.rules[2].operator` → `operator`), renamed
    /// where the form calls it otherwise.
    static func formField(_ field: String, _ names: [String: String]) -> String {
        var last = field.split(separator: ".").last.map(String.init) ?? field
        if let bracket = last.firstIndex(of: "[") { last = String(last[..<bracket]) }
        return names[last] ?? last
    }
}
