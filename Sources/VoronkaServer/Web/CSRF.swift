import Foundation
import Vapor
import VoronkaWeb

/// CSRF tokens: an HMAC of the session token (or, before sign-in, of the visitor cookie) under the server's key.
/// Nothing is stored; a token is valid exactly as long as the session it belongs to.
struct CSRF: Sendable {
    let key: SymmetricKey

    init(secret: [UInt8]?) {
        key = secret.map { SymmetricKey(data: $0) } ?? SymmetricKey(size: .bits256)
    }

    /// The token of a session or visitor value.
    func token(for value: String, signedIn: Bool) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(((signedIn ? "session:" : "visitor:") + value).utf8), using: key)
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The token the forms of this request carry; nil for a visitor without the visitor cookie yet.
    func token(for request: Request) -> String? {
        if let caller = request.webCaller { return token(for: caller.token, signedIn: true) }
        guard let visitor = request.cookies[WebCookie.visitor]?.string, !visitor.isEmpty else { return nil }
        return token(for: visitor, signedIn: false)
    }

    /// Whether a submitted token is this request's (compared in constant time).
    func verify(_ submitted: String?, request: Request) -> Bool {
        guard let submitted, let expected = token(for: request) else { return false }
        let a = Array(submitted.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Refuses every POST of the web interface whose `csrf_token` is missing or wrong with a 403 page, before anything runs.
struct CSRFMiddleware: AsyncMiddleware {
    let web: WebContext

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST else { return try await next.respond(to: request) }
        let submitted = try? request.content.get(String.self, at: FormField.csrf)
        guard web.csrf.verify(submitted, request: request) else {
            request.logger.notice("Web form refused: missing or wrong CSRF token on \(request.url.path)")
            return web.errorPage(request, .csrf)
        }
        return try await next.respond(to: request)
    }
}
