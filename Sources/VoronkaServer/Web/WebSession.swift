import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb
import VoronkaStore

/// The signed-in user of a web request and their session token (kept to derive the CSRF token and to sign out).
struct WebCaller: Sendable {
    let user: User
    let viewer: Viewer
    let tokenID: Int64
    let token: String
}

/// Cookie names of the web interface.
enum WebCookie {
    /// The session token (HttpOnly, SameSite=Lax).
    static let session = "voronka_session"
    /// A random value before sign-in, from which the sign-in and first-start forms' CSRF token is derived.
    static let visitor = "voronka_visitor"
    /// The language chosen before sign-in.
    static let language = "voronka_lang"
}

private struct WebCallerKey: StorageKey { typealias Value = WebCaller }

extension Request {
    /// The signed-in web user, if any.
    var webCaller: WebCaller? {
        get { storage[WebCallerKey.self] }
        set { storage[WebCallerKey.self] = newValue }
    }

    /// The language of the page: the user's, else the cookie chosen before sign-in, else the browser's Accept-Language.
    var webLanguage: Language {
        if let user = webCaller?.user { return user.locale }
        if let chosen = cookies[WebCookie.language]?.string, let language = Language(rawValue: chosen) { return language }
        return WebLanguage.preferred(headers.first(name: .acceptLanguage))
    }

    /// Whether the browser reached us over HTTPS (directly or through a proxy that says so).
    var isHTTPS: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }
}

/// Reads Accept-Language.
enum WebLanguage {
    /// The best of the interface languages for an Accept-Language header (`ru-RU,ru;q=0.9,en;q=0.8`); English when none fits.
    static func preferred(_ header: String?) -> Language {
        guard let header else { return .en }
        var best: (language: Language, q: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let prefix = String(tag.prefix { $0 != "-" && $0 != "_" })
            guard let language = Language(rawValue: prefix) else { continue }
            var q = 1.0
            for p in pieces.dropFirst() where p.hasPrefix("q=") { q = Double(p.dropFirst(2)) ?? 0 }
            if q > 0, best.map({ q > $0.q }) ?? true { best = (language, q) }
        }
        return best?.language ?? .en
    }
}

/// Resolves the session cookie into the signed-in user; a missing, expired or revoked session leaves the request anonymous.
struct WebSessionMiddleware: AsyncMiddleware {
    let services: Services

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[WebCookie.session]?.string, !token.isEmpty,
           let signedIn = try await services.signedIn(token: token), signedIn.kind == "session" {
            let caller = signedIn.caller
            request.webCaller = WebCaller(user: caller.user, viewer: caller.viewer, tokenID: caller.tokenID, token: token)
            request.webUTCOffsetMinutes = try await Self.utcOffsetMinutes(services)
        }
        return try await next.respond(to: request)
    }
}

extension WebSessionMiddleware {
    /// Minutes east of UTC of the company's time zone (the `time_zone` setting), now.
    static func utcOffsetMinutes(_ services: Services) async throws -> Int {
        guard case .string(let name)? = try await services.store.setting(SettingKey.timeZone.rawValue),
              let zone = TimeZone(identifier: name) else { return 0 }
        return zone.secondsFromGMT(for: services.clock.now()) / 60
    }
}

private struct WebOffsetKey: StorageKey { typealias Value = Int }

extension Request {
    /// Minutes east of UTC in which the signed-in user sees and types times; 0 before sign-in.
    var webUTCOffsetMinutes: Int {
        get { storage[WebOffsetKey.self] ?? 0 }
        set { storage[WebOffsetKey.self] = newValue }
    }
}

/// Sends anonymous visitors of a page to the sign-in page (or to first start while there are no users).
struct RequireSignIn: AsyncMiddleware {
    let services: Services

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let caller = request.webCaller {
            // Every page's header shows the bell's count; a form's POST answers with a redirect and needs none.
            if request.method == .GET { request.openNudges = try await services.nudgeService.openCount(userID: caller.user.id) }
            return try await next.respond(to: request)
        }
        let noUsers = try await services.store.count(.user, includeDeleted: true) == 0
        return request.redirect(to: noUsers ? SiteURL.setup.path : SiteURL.login.path, redirectType: .normal)
    }
}

extension Response {
    /// Sets a cookie the way the web interface sets all of them: path /, HttpOnly, SameSite=Lax, Secure over HTTPS.
    func setWebCookie(_ name: String, _ value: String, maxAge: Int?, request: Request, secure: Bool) {
        cookies[name] = HTTPCookies.Value(string: value, maxAge: maxAge, path: "/", isSecure: secure || request.isHTTPS,
                                          isHTTPOnly: true, sameSite: .lax)
    }

    /// Removes a cookie set by `setWebCookie`.
    func clearWebCookie(_ name: String, request: Request, secure: Bool) {
        cookies[name] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
                                          isSecure: secure || request.isHTTPS, isHTTPOnly: true, sameSite: .lax)
    }
}
