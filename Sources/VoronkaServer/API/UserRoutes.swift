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
            APIRoute(.POST, "users/:id/password", "reset_password", "Set a new generated password for a user and show it once; the user's sign-in sessions end",
                     tag: "users", response: .named("PasswordReset")) { req, s in
                let id = try req.id()
                let password = try await s.accounts.resetPassword(userID: id, viewer: try req.caller().viewer)
                return JSONResponse.make(.object(["user_id": .number(Double(id)), "one_time_password": .string(password)]))
            },
        ]
    }
}
