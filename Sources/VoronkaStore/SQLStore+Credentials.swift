import Foundation
import SQLKit
import VoronkaCore

/// A stored API or login token (its secret is kept only as a hash).
public struct TokenRecord: Sendable, Hashable {
    public let id: Int64
    public let userID: Int64
    public let name: String
    public let kind: String
    public let expiresAt: Date?
    public let revokedAt: Date?
    public let createdAt: Date
}

extension SQLStore {
    /// The user with this email and their password hash, if they have one.
    public func credentials(email: String) async throws -> (user: Record, passwordHash: String?)? {
        let fields = User.fields
        guard let row = try await sql.raw("""
            SELECT \(unsafeRaw: fields.map(\.name).joined(separator: ", ")), password_hash FROM users
            WHERE email = \(bind: email.lowercased()) AND deleted_at IS NULL
            """).first() else { return nil }
        return (try RowCoding.record(row, fields: fields), try row.decode(column: "password_hash", as: String?.self))
    }

    /// The token with this hash and its user, when it is neither revoked nor expired at `now`.
    public func token(hash: String, now: Date) async throws -> (token: TokenRecord, user: Record)? {
        guard let row = try await sql.raw("""
            SELECT id, user_id, name, kind, expires_at, revoked_at, created_at FROM api_tokens WHERE token_hash = \(bind: hash)
            """).first() else { return nil }
        let token = try Self.tokenRecord(row)
        if token.revokedAt != nil { return nil }
        if let expires = token.expiresAt, expires <= now { return nil }
        guard let user = try await fetch(.user, token.userID) else { return nil }
        return (token, user)
    }

    /// A user's tokens, newest first.
    public func tokens(userID: Int64) async throws -> [TokenRecord] {
        try await sql.raw("""
            SELECT id, user_id, name, kind, expires_at, revoked_at, created_at FROM api_tokens WHERE user_id = \(bind: userID) ORDER BY id DESC
            """).all().map(Self.tokenRecord)
    }

    /// One token by id, revoked or not.
    public func token(id: Int64) async throws -> TokenRecord? {
        try await sql.raw("""
            SELECT id, user_id, name, kind, expires_at, revoked_at, created_at FROM api_tokens WHERE id = \(bind: id)
            """).first().map(Self.tokenRecord)
    }

    static func tokenRecord(_ row: any SQLRow) throws -> TokenRecord {
        TokenRecord(
            id: try row.decode(column: "id", as: Int64.self), userID: try row.decode(column: "user_id", as: Int64.self),
            name: try row.decode(column: "name", as: String.self), kind: try row.decode(column: "kind", as: String.self),
            expiresAt: try row.decode(column: "expires_at", as: Date?.self), revokedAt: try row.decode(column: "revoked_at", as: Date?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self))
    }
}

extension StoreTransaction {
    /// Sets a user's password hash (the journal records that it changed, never the hash).
    public func setPasswordHash(userID: Int64, _ hash: String) async throws {
        try await sql.raw("UPDATE users SET password_hash = \(bind: hash), updated_at = \(bind: now) WHERE id = \(bind: userID)").run()
        try await journal(.user, userID, .update, changes: [FieldChange(field: "password", old: .text("…"), new: .text("(changed)"))], at: now)
    }

    /// Stores a token's hash; returns its id.
    public func insertToken(userID: Int64, name: String, kind: String, hash: String, expiresAt: Date?) async throws -> Int64 {
        let row = try await sql.raw("""
            INSERT INTO api_tokens (user_id, name, token_hash, kind, expires_at, created_at)
            VALUES (\(bind: userID), \(bind: name), \(bind: hash), \(bind: kind), \(RowCoding.bind(expiresAt.map(FieldValue.time) ?? .null)), \(bind: now))
            RETURNING id
            """).first()
        guard let row else { throw StoreError.unsupported("insert returned no id") }
        let id = try row.decode(column: "id", as: Int64.self)
        if kind == "api" {
            try await journal(.token, id, .create, changes: [FieldChange(field: "name", old: .null, new: .text(name)),
                                                             FieldChange(field: "user_id", old: .null, new: .int(userID))], at: now)
        }
        return id
    }

    /// Ends every live credential of a user, sign-in sessions (web and API logins) and API tokens alike, but the
    /// session `except` and the API tokens in `keeping`. Returns the ids it ended.
    @discardableResult
    public func revokeCredentials(userID: Int64, except kept: Int64? = nil, keeping tokens: Set<Int64> = []) async throws -> [Int64] {
        // Kept tokens are ids (integers), so they are safe to write into the statement.
        touchedCredentials = true
        let keep = tokens.sorted().map(String.init).joined(separator: ",")
        let keepClause = keep.isEmpty ? "" : " AND NOT (kind = 'api' AND id IN (\(keep)))"
        let rows = try await sql.raw("""
            UPDATE api_tokens SET revoked_at = \(bind: now) WHERE user_id = \(bind: userID) AND revoked_at IS NULL
            AND id <> \(bind: kept ?? 0)\(unsafeRaw: keepClause) RETURNING id
            """).all()
        return try rows.map { try $0.decode(column: "id", as: Int64.self) }.sorted()
    }

    /// Revokes every live token of one kind of a user (a calendar feed's, say); returns their ids.
    @discardableResult
    public func revokeTokens(userID: Int64, kind: String) async throws -> [Int64] {
        touchedCredentials = true
        let ids = try await sql.raw("""
            UPDATE api_tokens SET revoked_at = \(bind: now) WHERE user_id = \(bind: userID) AND kind = \(bind: kind) AND revoked_at IS NULL
            RETURNING id
            """).all().map { try $0.decode(column: "id", as: Int64.self) }.sorted()
        return ids
    }

    /// Revokes a token of a user; false when the user has no such live token.
    public func revokeToken(id: Int64, userID: Int64) async throws -> Bool {
        let rows = try await sql.raw("""
            UPDATE api_tokens SET revoked_at = \(bind: now) WHERE id = \(bind: id) AND user_id = \(bind: userID) AND revoked_at IS NULL RETURNING id
            """).all()
        if rows.isEmpty { return false }
        try await journal(.token, id, .delete, changes: [FieldChange(field: "revoked_at", old: .null, new: .time(now))], at: now)
        return true
    }
}
