import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The language switch: stored on the signed-in user (journaled), or in a cookie before sign-in.
enum LanguageController {
    static func submit(_ req: Request, _ web: WebContext) async throws -> Response {
        let form = req.form
        let back = form[FormField.returnTo].flatMap { SiteURL.isLocal($0) ? $0 : nil } ?? SiteURL.home.path
        guard let language = Language(rawValue: form[FormField.language] ?? "") else { return web.redirect(back) }
        let response = web.redirect(back)
        if let caller = req.webCaller {
            guard caller.user.locale != language else { return response }
            let userID = caller.user.id
            _ = try await web.services.store.write(actor: userID, at: web.services.clock.now()) { tx in
                guard let old = try await tx.fetch(.user, userID) else { throw DomainError.notFound(.user, userID) }
                var new = old
                new["locale"] = .text(language.rawValue)
                return try await tx.update(.user, from: old, to: new)
            }
        } else {
            response.setWebCookie(WebCookie.language, language.rawValue, maxAge: 365 * 86_400, request: req, secure: web.secureCookies)
        }
        return response
    }
}

/// The stylesheet and the script; cached for a year, since their links carry the content's version.
enum AssetsController {
    static func stylesheet(_ req: Request) -> Response {
        asset(Assets.stylesheet, type: HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]), req)
    }

    static func script(_ req: Request) -> Response {
        asset(Assets.script, type: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]), req)
    }

    static func asset(_ text: String, type: HTTPMediaType, _ req: Request) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        let versioned = req.query[String.self, at: "v"] == Assets.version
        headers.replaceOrAdd(name: .cacheControl, value: versioned ? "public, max-age=31536000, immutable" : "no-cache")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
