import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// One's own profile (every signed-in user): name and language, and a new password given the current one. Both go
/// through `AccountService.updateOwnProfile`, as the API's `PATCH /me` does; a new password ends one's other sessions.
enum ProfileController {
    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let notice = req.query[String.self, at: "notice"].flatMap(ProfilePage.Notice.init(rawValue:))
        return try await render(req, web, caller, notice: notice)
    }

    static func save(_ req: Request, _ web: WebContext) async throws -> Response {
        try await submit(req, web, form: "profile", notice: .saved) { caller, form in
            var input: [String: JSONValue] = [:]
            if let name = form["name"] { input["name"] = .string(name.trimmingCharacters(in: .whitespaces)) }
            if let language = form[FormField.language] { input["locale"] = .string(language) }
            _ = try await web.services.accounts.updateOwnProfile(caller.user, session: caller.tokenID, input)
        }
    }

    static func changePassword(_ req: Request, _ web: WebContext) async throws -> Response {
        try await submit(req, web, form: "password", notice: .passwordChanged) { caller, form in
            let input: [String: JSONValue] = ["password": .string(form[FormField.password] ?? ""),
                                              "current_password": .string(form[FormField.currentPassword] ?? "")]
            _ = try await web.services.accounts.updateOwnProfile(caller.user, session: caller.tokenID, input)
        }
    }

    /// Runs a change; success redirects to the page with a notice, refused input shows the page again (422) with each
    /// problem beside its field, in the user's language, and nothing written.
    private static func submit(_ req: Request, _ web: WebContext, form key: String, notice: ProfilePage.Notice,
                               _ change: (WebCaller, [String: String]) async throws -> Void) async throws -> Response {
        let caller = try web.caller(req)
        let form = req.form
        do {
            try await change(caller, form)
            return web.redirect(ProfilePage.Paths.profile + "?notice=" + notice.rawValue)
        } catch let error as DomainError {
            guard let problems = WebForms.problems(error) else { throw error }
            let sent = SettingsForms.submission(key, form, problems, Localizer(req.webLanguage), names: ["locale": "language"])
            return try await render(req, web, caller, submission: sent, status: .unprocessableEntity)
        }
    }

    private static func render(_ req: Request, _ web: WebContext, _ caller: WebCaller, submission: ProfilePage.Submission? = nil,
                                notice: ProfilePage.Notice? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let user = try await web.services.store.fetch(.user, caller.user.id).map(User.init(record:)) ?? caller.user
        var model = ProfilePage.Model(shell: web.shell(req, section: nil), user: user, submission: submission, notice: notice)
        model.calendarSince = try await CalendarFeed.active(userID: user.id, web.services)?.createdAt
        let flash = SecretFlash(web: web, kind: .calendar)
        model.newCalendarURL = flash.open(req, caller: caller).map { CalendarFeed.url(base: baseURL(req), secret: $0) }
        let response = web.page(req, ProfilePage.view(model), status: status)
        flash.clear(response, req)
        return response
    }

    /// POST: makes one's calendar address (shown once on the profile), or with `stop` ends it.
    static func calendar(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        if req.form["stop"] == "true" {
            try await CalendarFeed.revoke(userID: caller.user.id, web.services)
            return web.redirect(ProfilePage.Paths.profile + "?notice=" + ProfilePage.Notice.calendarStopped.rawValue + "#profile-calendar")
        }
        let secret = try await CalendarFeed.create(userID: caller.user.id, web.services)
        let response = web.redirect(ProfilePage.Paths.profile + "#profile-calendar")
        SecretFlash(web: web, kind: .calendar).set(secret, on: response, req, caller: caller)
        return response
    }

    /// GET: the feed of a calendar address (no sign-in: the address is the key); 404 for an unknown or ended one.
    static func feed(_ req: Request, _ web: WebContext) async throws -> Response {
        guard let file = req.parameters.get("file"), file.hasSuffix(".ics"),
              let text = try await CalendarFeed.document(secret: String(file.dropLast(4)), base: baseURL(req), web.services) else {
            return Response(status: .notFound, body: .init(string: "No such calendar.\n"))
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=300")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    /// The address the browser used to reach this server (scheme and host), for links that leave the page.
    static func baseURL(_ req: Request) -> String {
        (req.isHTTPS ? "https" : "http") + "://" + (req.headers.first(name: .host) ?? "localhost")
    }
}
