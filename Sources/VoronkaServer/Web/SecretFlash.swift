import Foundation
import Vapor
import VoronkaWeb

/// Carries a secret across the redirect after its form, so that it is shown once: a new API token, or a password an
/// admin reset. A short-lived cookie on the page's path, bound to the session by an HMAC, cleared by the page that
/// shows it.
struct SecretFlash {
    /// What the secret is, which names its cookie and the page that shows it.
    enum Kind: String {
        case token, password
        /// A new calendar feed address, shown on one's profile.
        case calendar
        /// A new webhook endpoint's signing secret.
        case webhook

        /// The secret a settings section shows once, if any.
        init?(section: SettingsPage.Section) {
            switch section {
            case .tokens: self = .token
            case .users: self = .password
            case .webhooks: self = .webhook
            default: return nil
            }
        }

        var cookie: String { "voronka_new_" + rawValue }

        var path: String {
            switch self {
            case .token: SettingsController.paths.section(.tokens)
            case .password: SettingsController.paths.section(.users)
            case .calendar: ProfilePage.Paths.profile
            case .webhook: SettingsController.paths.section(.webhooks)
            }
        }
    }

    /// Seconds the secret waits for its page.
    static let lifetime = 300
    let web: WebContext
    let kind: Kind

    /// Sets the cookie with the secret on a response to the admin's request.
    func set(_ secret: String, on response: Response, _ req: Request, caller: WebCaller) {
        response.cookies[kind.cookie] = value(secret + "." + mac(secret, caller), maxAge: Self.lifetime, req)
    }

    /// The secret waiting for this session, if any.
    func open(_ req: Request, caller: WebCaller) -> String? {
        guard let raw = req.cookies[kind.cookie]?.string, let dot = raw.lastIndex(of: ".") else { return nil }
        let secret = String(raw[..<dot])
        return Array(raw[raw.index(after: dot)...].utf8) == Array(mac(secret, caller).utf8) ? secret : nil
    }

    /// Removes the cookie, if the request has it.
    func clear(_ response: Response, _ req: Request) {
        guard req.cookies[kind.cookie] != nil else { return }
        response.cookies[kind.cookie] = value("", maxAge: 0, req)
    }

    private func mac(_ secret: String, _ caller: WebCaller) -> String {
        web.csrf.token(for: "new-\(kind.rawValue):" + caller.token + ":" + secret, signedIn: true)
    }

    private func value(_ text: String, maxAge: Int, _ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: text, expires: maxAge == 0 ? Date(timeIntervalSince1970: 0) : nil, maxAge: maxAge,
                          path: kind.path, isSecure: web.secureCookies || req.isHTTPS, isHTTPOnly: true, sameSite: .strict)
    }
}
