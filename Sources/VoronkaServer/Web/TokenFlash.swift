import Foundation
import Vapor
import VoronkaWeb

/// Carries a new token's secret across the redirect after its form, so that it is shown once: a short-lived cookie
/// on the tokens page's path, bound to the session by an HMAC, cleared by the page that shows it.
struct TokenFlash {
    static let cookie = "voronka_new_token"
    /// Seconds the secret waits for its page.
    static let lifetime = 300
    let web: WebContext

    /// Sets the cookie with the secret on a response to the admin's request.
    func set(_ secret: String, on response: Response, _ req: Request, caller: WebCaller) {
        response.cookies[Self.cookie] = value(secret + "." + mac(secret, caller), maxAge: Self.lifetime, req)
    }

    /// The secret waiting for this session, if any.
    func open(_ req: Request, caller: WebCaller) -> String? {
        guard let raw = req.cookies[Self.cookie]?.string, let dot = raw.lastIndex(of: ".") else { return nil }
        let secret = String(raw[..<dot])
        return Array(raw[raw.index(after: dot)...].utf8) == Array(mac(secret, caller).utf8) ? secret : nil
    }

    /// Removes the cookie.
    func clear(_ response: Response, _ req: Request) {
        response.cookies[Self.cookie] = value("", maxAge: 0, req)
    }

    private func mac(_ secret: String, _ caller: WebCaller) -> String {
        web.csrf.token(for: "new-token:" + caller.token + ":" + secret, signedIn: true)
    }

    private func value(_ text: String, maxAge: Int, _ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: text, expires: maxAge == 0 ? Date(timeIntervalSince1970: 0) : nil, maxAge: maxAge,
                          path: SettingsController.paths.section(.tokens), isSecure: web.secureCookies || req.isHTTPS,
                          isHTTPOnly: true, sameSite: .strict)
    }
}
