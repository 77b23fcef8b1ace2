import Vapor
import VoronkaCore
import VoronkaStore

/// Signing in and out, the caller's own account, and API tokens for integrations.
enum AuthRoutes {
    static var all: [APIRoute] {
        [
            APIRoute(.POST, "auth/login", "login", "Exchange email and password for a bearer token", tag: "auth", authenticated: false,
                     request: .named("Login"), response: .named("Session")) { req, s in
                let input = try req.jsonObject()
                var errors: [FieldError] = []
                guard case .string(let email)? = input["email"], !email.isEmpty else {
                    errors.append(FieldError("email", "is required"))
                    if input["password"] == nil { errors.append(FieldError("password", "is required")) }
                    throw DomainError.invalid(errors)
                }
                guard case .string(let password)? = input["password"], !password.isEmpty else { throw DomainError.invalid("password", "is required") }
                let (user, userRecord) = try await s.accounts.signIn(email: email, password: password, address: req.clientAddress)
                let token = Secrets.token()
                let expires = s.clock.now().addingTimeInterval(s.configuration.sessionLifetime)
                _ = try await s.store.write(actor: user.id, origin: "login") { tx in
                    try await tx.insertToken(userID: user.id, name: "login", kind: "session", hash: Secrets.hash(token: token), expiresAt: expires)
                }
                return JSONResponse.make(.object(["token": .string(token), "expires_at": .string(Timestamp.format(expires)),
                                                  "user": .object(userRecord.jsonObject(fields: User.fields))]))
            },
            APIRoute(.POST, "auth/logout", "logout", "Revoke the token of this request", tag: "auth", response: nil, success: .noContent) { req, s in
                let caller = try req.caller()
                _ = try await s.store.write(actor: caller.user.id) { tx in try await tx.revokeToken(id: caller.tokenID, userID: caller.user.id) }
                return Response(status: .noContent)
            },
            APIRoute(.GET, "me", "me", "The signed-in user", tag: "auth", response: .record(.user)) { req, s in
                JSONResponse.record(try await s.records.get(.user, try req.caller().user.id, viewer: try req.caller().viewer), kind: .user)
            },
            APIRoute(.PATCH, "me", "update_me", "Change one's own name, language or password (password needs current_password and ends one's other sessions)", tag: "auth",
                     request: .named("MeUpdate"), response: .record(.user)) { req, s in
                try await updateMe(req, s)
            },
            APIRoute(.GET, "tokens", "list_tokens", "The caller's API and login tokens (never their secrets)", tag: "auth", response: .named("Tokens")) { req, s in
                let tokens = try await s.store.tokens(userID: try req.caller().user.id)
                return JSONResponse.make(.object(["items": .array(tokens.map(tokenJSON))]))
            },
            APIRoute(.POST, "tokens", "create_token", "Create an API token; its secret is shown in this answer only", tag: "auth",
                     request: .named("TokenCreate"), response: .named("TokenCreated"), success: .created) { req, s in
                let caller = try req.caller()
                let input = try req.jsonObject()
                let name = input["name"].flatMap { if case .string(let n) = $0 { n } else { nil } }
                if let problem = AccountService.tokenNameProblem(name) { throw DomainError.invalid([problem]) }
                var expires: Date?
                if let days = input["expires_in_days"] {
                    guard case .number(let n) = days, let d = Int(exactly: n), (1...3650).contains(d) else {
                        throw DomainError.invalid("expires_in_days", "must be a whole number of days from 1 to 3650")
                    }
                    expires = s.clock.now().addingTimeInterval(Double(d) * 86_400)
                }
                let extra = input.keys.filter { $0 != "name" && $0 != "expires_in_days" }.sorted()
                if !extra.isEmpty { throw DomainError.invalid(extra.map { FieldError($0, "is not a field of a token") }) }
                let (id, secret) = try await s.accounts.createToken(name: name, userID: caller.user.id, expiresAt: expires, actor: caller.viewer)
                return JSONResponse.make(.object(["id": .number(Double(id)), "name": .string((name ?? "").trimmingCharacters(in: .whitespaces)), "token": .string(secret),
                                                  "expires_at": expires.map { .string(Timestamp.format($0)) } ?? .null]), status: .created)
            },
            APIRoute(.DELETE, "tokens/:id", "revoke_token", "Revoke one of the caller's tokens", tag: "auth", response: nil, success: .noContent) { req, s in
                let caller = try req.caller()
                let id = try req.id()
                try await s.accounts.revokeToken(id: id, ownerID: caller.user.id, actor: caller.viewer)
                return Response(status: .noContent)
            },
        ]
    }

    static func tokenJSON(_ t: TokenRecord) -> JSONValue {
        .object(["id": .number(Double(t.id)), "name": .string(t.name), "kind": .string(t.kind),
                 "created_at": .string(Timestamp.format(t.createdAt)),
                 "expires_at": t.expiresAt.map { .string(Timestamp.format($0)) } ?? .null,
                 "revoked_at": t.revokedAt.map { .string(Timestamp.format($0)) } ?? .null])
    }

    static func updateMe(_ req: Request, _ s: Services) async throws -> Response {
        let caller = try req.caller()
        let updated = try await s.accounts.updateOwnProfile(caller.user, session: caller.tokenID, try req.jsonObject())
        return JSONResponse.record(updated, kind: .user)
    }
}
