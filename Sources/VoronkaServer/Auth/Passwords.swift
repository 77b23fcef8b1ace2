import NIOPosix
import Vapor
import VoronkaCore
import VoronkaStore

/// Password hashing (bcrypt) off the request's thread, and the rules a new password must meet.
enum Passwords {
    static let minimumLength = 10

    /// Threads of bcrypt's own: on NIO's shared pool a sign-in (a quarter of a second of bcrypt) held one of the two
    /// threads that run every SQLite query.
    static let pool = Threads.pool(2)

    static func hash(_ password: String, cost: Int) async throws -> String {
        try await pool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String?) async throws -> Bool {
        // Without a stored hash, still spend the time of a check so that timing does not tell which emails exist.
        let target = hash ?? "$2b$12$C6UzMDM.H6dfI/f/IKxGhuH8kUODMYLOdKfV1cKJz6dxt6IhRCMgK"
        let ok = try await pool.runIfActive { try Bcrypt.verify(password, created: target) }
        return ok && hash != nil
    }

    /// The problems of a proposed password, naming the field.
    static func check(_ password: String, field: String = "password") -> [FieldError] {
        if password.count < minimumLength { return [FieldError(field, .passwordTooShort(min: minimumLength))] }
        if password.count > 72 { return [FieldError(field, .passwordTooLong(max: 72))] }
        return []
    }
}
