import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// Signing in and out of the web interface. A session is a login token of kind "session", stored hashed like API tokens.
enum LoginController {
    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        if req.webCaller != nil { return web.redirect(WebPaths.home) }
        if try await web.services.store.count(.user, includeDeleted: true) == 0 { return web.redirect(WebPaths.setup) }
        return web.page(req, LoginPage.view(LoginPage.Model(shell: web.shell(req, section: nil), action: WebPaths.login)))
    }

    static func submit(_ req: Request, _ web: WebContext) async throws -> Response {
        let form = req.form
        let email = (form[FormField.email] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form[FormField.password] ?? ""
        func again(_ problem: LoginPage.Problem, _ status: HTTPResponseStatus) -> Response {
            let model = LoginPage.Model(shell: web.shell(req, section: nil), action: WebPaths.login, email: email, problem: problem)
            return web.page(req, LoginPage.view(model), status: status)
        }
        let now = web.services.clock.now()
        if await web.throttle.isLocked(email, now: now) { return again(.tooManyAttempts, .tooManyRequests) }
        let found = email.isEmpty ? nil : try await web.services.store.credentials(email: email)
        guard try await Passwords.verify(password, hash: found?.passwordHash), let record = found?.user, User(record: record).active else {
            await web.throttle.failed(email, now: now)
            return again(.invalidCredentials, .unauthorized)
        }
        await web.throttle.succeeded(email)
        return try await start(User(record: record), req, web, then: WebPaths.home)
    }

    /// Creates a session for the user and answers with its cookie and a redirect.
    static func start(_ user: User, _ req: Request, _ web: WebContext, then path: String) async throws -> Response {
        let token = Secrets.token()
        let lifetime = web.services.configuration.sessionLifetime
        let expires = web.services.clock.now().addingTimeInterval(lifetime)
        _ = try await web.services.store.write(actor: user.id, origin: "login") { tx in
            try await tx.insertToken(userID: user.id, name: "web", kind: "session", hash: Secrets.hash(token: token), expiresAt: expires)
        }
        let response = web.redirect(path)
        response.setWebCookie(WebCookie.session, token, maxAge: Int(lifetime), request: req, secure: web.secureCookies)
        return response
    }

    static func logout(_ req: Request, _ web: WebContext) async throws -> Response {
        if let caller = req.webCaller {
            _ = try await web.services.store.write(actor: caller.user.id) { tx in
                try await tx.revokeToken(id: caller.tokenID, userID: caller.user.id)
            }
        }
        let response = web.redirect(WebPaths.login)
        response.clearWebCookie(WebCookie.session, request: req, secure: web.secureCookies)
        return response
    }
}

/// Failed sign-ins per email: after `limit` failures within `window` the email is refused until the window passes.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) { self.limit = limit; self.window = window }

    func isLocked(_ email: String, now: Date) -> Bool {
        let recent = (failures[email] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[email] = recent.isEmpty ? nil : recent
        return recent.count >= limit
    }

    func failed(_ email: String, now: Date) {
        failures[email, default: []].append(now)
        if failures.count > 10_000 { failures.removeAll() }
    }

    func succeeded(_ email: String) { failures[email] = nil }
}
