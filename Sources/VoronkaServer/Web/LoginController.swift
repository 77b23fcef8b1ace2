import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// Signing in and out of the web interface. A session is a login token of kind "session", stored hashed like API tokens.
enum LoginController {
    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        if req.webCaller != nil { return web.redirect(SiteURL.home.path) }
        if try await web.services.store.count(.user, includeDeleted: true) == 0 { return web.redirect(SiteURL.setup.path) }
        return web.page(req, LoginPage.view(LoginPage.Model(shell: web.shell(req, section: nil), action: SiteURL.login.path)))
    }

    static func submit(_ req: Request, _ web: WebContext) async throws -> Response {
        let form = req.form
        let email = (form[FormField.email] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form[FormField.password] ?? ""
        func again(_ problem: LoginPage.Problem, _ status: HTTPResponseStatus) -> Response {
            let model = LoginPage.Model(shell: web.shell(req, section: nil), action: SiteURL.login.path, email: email, problem: problem)
            return web.page(req, LoginPage.view(model), status: status)
        }
        do {
            let signedIn = try await web.services.accounts.signIn(email: email, password: password, address: req.clientAddress)
            return try await start(signedIn.user, req, web, then: SiteURL.home.path)
        } catch DomainError.tooManyRequests(_, let seconds) {
            let response = again(.tooManyAttempts, .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
            return response
        } catch DomainError.unauthenticated {
            return again(.invalidCredentials, .unauthorized)
        }
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
        let response = web.redirect(SiteURL.login.path)
        response.clearWebCookie(WebCookie.session, request: req, secure: web.secureCookies)
        return response
    }
}
