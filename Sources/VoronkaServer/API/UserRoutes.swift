import Vapor
import VoronkaCore
import VoronkaStore

/// Creating users (with a password shown once) and resetting passwords: admins only.
enum UserRoutes {
    static var all: [APIRoute] {
        [
            APIRoute(.POST, "users", "create_user", "Create a user; without a password, a one-time password is generated and shown once",
                     tag: "users", request: .named("UserCreate"), response: .named("UserCreated"), success: .created) { req, s in
                var input = try req.jsonObject()
                let viewer = try req.caller().viewer
                try s.records.requireRole(.write, .user, viewer)
                var password: String?
                if let given = input.removeValue(forKey: "password") {
                    guard case .string(let p) = given else { throw DomainError.invalid("password", .string(got: given.typeName)) }
                    password = p
                }
                let (user, generated) = try await s.accounts.createUser(input, password: password, viewer: viewer)
                var body = user.jsonObject(fields: User.fields)
                if let generated { body["one_time_password"] = .string(generated) }
                return JSONResponse.make(.object(body), status: .created)
            },
            APIRoute(.POST, "users/:id/password", "reset_password",
                     "Set a new generated password for a user and show it once; every session and API token of the user ends but those named in keep_token_ids",
                     tag: "users", request: .named("PasswordResetRequest"), response: .named("PasswordReset")) { req, s in
                let id = try req.id()
                let caller = try req.caller()
                var keep: Set<Int64> = []
                if req.body.data.map({ $0.readableBytes > 0 }) ?? false {
                    let input = try req.jsonObject()
                    let extra = input.keys.filter { $0 != "keep_token_ids" }.sorted()
                    if !extra.isEmpty { throw DomainError.invalid(extra.map { FieldError($0, .notAField) }) }
                    if let given = input["keep_token_ids"] {
                        guard case .array(let items) = given else { throw DomainError.invalid("keep_token_ids", "must be an array of token ids") }
                        for item in items {
                            guard case .number(let n) = item, let tokenID = Int64(exactly: n), tokenID > 0 else {
                                throw DomainError.invalid("keep_token_ids", "must be an array of token ids")
                            }
                            keep.insert(tokenID)
                        }
                    }
                }
                let password = try await s.accounts.resetPassword(userID: id, viewer: caller.viewer, session: caller.tokenID, keepingTokens: keep)
                return JSONResponse.make(.object(["user_id": .number(Double(id)), "one_time_password": .string(password)]))
            },
        ]
    }
}
