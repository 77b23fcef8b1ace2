import Foundation
import VoronkaCore
import VoronkaStore

/// What the command line does with users and tokens, acting as the installation itself.
public enum UserAdmin {
    /// Creates a user and returns them with their one-time password.
    public static func add(_ services: Services, name: String, email: String, role: Role, managerEmail: String?) async throws -> (User, String) {
        var input: [String: JSONValue] = ["name": .string(name), "email": .string(email), "role": .string(role.rawValue)]
        if let managerEmail {
            guard let manager = try await services.store.credentials(email: managerEmail) else {
                throw DomainError.invalid("manager", "no user with email \(managerEmail)")
            }
            input["manager_id"] = manager.user["id"].json(as: .id)
        }
        let password = Secrets.password()
        let hash = try await Passwords.hash(password, cost: services.configuration.passwordCost)
        let record = try await services.records.create(.user, input, viewer: .system) { tx, record in
            guard let id = record.int("id") else { throw StoreError.unsupported("insert returned no id") }
            try await tx.setPasswordHash(userID: id, hash)
        }
        return (User(record: record), password)
    }

    /// Sets a new generated password and returns it; the user's sign-in sessions end (`AccountService.resetPassword`).
    public static func resetPassword(_ services: Services, email: String) async throws -> String {
        guard let found = try await services.store.credentials(email: email), let id = found.user.int("id") else {
            throw DomainError.invalid("email", "no user with email \(email)")
        }
        return try await services.accounts.resetPassword(userID: id, viewer: .system, origin: "cli")
    }

    /// Every user, in id order.
    public static func list(_ services: Services) async throws -> [User] {
        try await services.store.all(.user).map(User.init(record:))
    }

    /// Creates an API token for a user and returns its secret (shown once).
    public static func createToken(_ services: Services, email: String, name: String) async throws -> String {
        guard let found = try await services.store.credentials(email: email), let id = found.user.int("id") else {
            throw DomainError.invalid("email", "no user with email \(email)")
        }
        let secret = Secrets.token()
        _ = try await services.store.write(actor: nil, origin: "cli") { tx in
            try await tx.insertToken(userID: id, name: name, kind: "api", hash: Secrets.hash(token: secret), expiresAt: nil)
        }
        return secret
    }
}
