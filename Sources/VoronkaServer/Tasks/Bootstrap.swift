import Foundation
import VoronkaCore
import VoronkaStore

/// First start: with no users yet, creates the admin and returns their one-time password (there is no default password).
public enum Bootstrap {
    public struct NewAdmin: Sendable {
        public let email: String
        public let password: String
    }

    public static func ensureAdmin(_ services: Services, email: String = "admin@voronka.local") async throws -> NewAdmin? {
        guard try await services.store.count(.user, includeDeleted: true) == 0 else { return nil }
        let password = Secrets.password()
        let hash = try await Passwords.hash(password, cost: services.configuration.passwordCost)
        _ = try await services.records.create(.user, [
            "name": .string("Administrator"), "email": .string(email), "role": .string(Role.admin.rawValue),
        ], viewer: .system) { tx, record in
            guard let id = record.int("id") else { throw StoreError.unsupported("insert returned no id") }
            try await tx.setPasswordHash(userID: id, hash)
        }
        return NewAdmin(email: email, password: password)
    }
}
