import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The API tokens' forms: create a token acting as a user (its secret is shown once, on the page after the redirect)
/// and revoke one. Both go through `AccountService`, as the API's token endpoints do, and are journaled.
enum TokenSettingsController {
    static func create(_ req: Request, _ web: WebContext) async throws -> Response {
        var created: (secret: String, caller: WebCaller)?
        let response = try await SettingsForms.submit(req, web, .tokens, form: "new-token", notice: .added) { caller, form in
            let userID = form["user_id"].flatMap(Int64.init)
            let token = try await web.services.accounts.createToken(name: form["name"], userID: userID, actor: caller.viewer)
            created = (token.secret, caller)
            return "new-token-secret"
        }
        if let created { SecretFlash(web: web, kind: .token).set(created.secret, on: response, req, caller: created.caller) }
        return response
    }

    static func revoke(_ req: Request, _ web: WebContext) async throws -> Response {
        let id = try req.webID()
        return try await SettingsForms.submit(req, web, .tokens, form: "token-\(id)", notice: .revoked) { caller, _ in
            guard let token = try await web.services.store.token(id: id), token.kind == "api" else { throw WebError.notFound }
            try await web.services.accounts.revokeToken(id: id, ownerID: token.userID, actor: caller.viewer)
            return "settings-section"
        }
    }
}
