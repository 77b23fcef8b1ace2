import Foundation
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaWeb

/// First start: while the installation has no users, anyone who opens /setup creates the first administrator.
enum SetupController {
    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        guard try await hasNoUsers(web) else { return web.redirect(SiteURL.login.path) }
        return web.page(req, SetupPage.view(model(req, web)))
    }

    static func submit(_ req: Request, _ web: WebContext) async throws -> Response {
        guard try await hasNoUsers(web) else { return web.redirect(SiteURL.login.path) }
        let form = req.form
        let name = (form[FormField.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = (form[FormField.email] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form[FormField.password] ?? ""
        let language = Language(rawValue: form[FormField.language] ?? "") ?? req.webLanguage
        var problems: [SetupPage.Problem] = []
        if name.isEmpty { problems.append(.nameMissing) }
        if !Rules.email(email, required: true).isEmpty { problems.append(.emailInvalid) }
        if !Passwords.check(password).isEmpty { problems.append(.passwordTooShort) }
        if password != (form[FormField.passwordRepeat] ?? "") { problems.append(.passwordsDiffer) }
        if problems.isEmpty {
            do {
                let user = try await createAdmin(name: name, email: email, password: password, language: language, web)
                return try await LoginController.start(user, req, web, then: SiteURL.home.path)
            } catch let error as DomainError {
                if case .invalid(let errors) = error, errors.contains(where: { $0.field == "email" }) { problems.append(.emailInvalid) }
                else if case .conflict = error { return web.redirect(SiteURL.login.path) }
                else { throw error }
            }
        }
        var m = model(req, web)
        m.name = name; m.email = email; m.language = language; m.problems = problems
        return web.page(req, SetupPage.view(m), status: .unprocessableEntity)
    }

    static func model(_ req: Request, _ web: WebContext) -> SetupPage.Model {
        SetupPage.Model(shell: web.shell(req, section: nil), action: SiteURL.setup.path, language: req.webLanguage,
                        minimumPasswordLength: Passwords.minimumLength)
    }

    static func hasNoUsers(_ web: WebContext) async throws -> Bool {
        try await web.services.store.count(.user, includeDeleted: true) == 0
    }

    /// Creates the administrator; refuses (409) when another user appeared meanwhile, so that only the first setup wins.
    static func createAdmin(name: String, email: String, password: String, language: Language, _ web: WebContext) async throws -> User {
        let hash = try await Passwords.hash(password, cost: web.services.configuration.passwordCost)
        let record = try await web.services.records.create(.user, [
            "name": .string(name), "email": .string(email), "role": .string(Role.admin.rawValue), "locale": .string(language.rawValue),
        ], viewer: .system) { tx, record in
            guard let id = record.int("id") else { throw StoreError.unsupported("insert returned no id") }
            if try await tx.firstID(.user, where: [:], excluding: id) != nil {
                throw DomainError.conflict(field: "email", reason: "the installation already has users")
            }
            try await tx.setPasswordHash(userID: id, hash)
        }
        return User(record: record)
    }
}
