import Foundation
import VoronkaCore
import VoronkaStore

/// Users with passwords, and API tokens: the rules the API and the settings pages share.
struct AccountService: Sendable {
    let store: SQLStore
    let clock: Clock
    let records: RecordService
    let passwordCost: Int
    let throttle: LoginThrottle

    /// Checks an email and password for signing in, on the web and through the API alike: a throttled email or address
    /// is refused before the password is looked at (429 with the seconds to wait), a wrong password or a deactivated
    /// account is counted as a failure (401). `address`: the client's address, when known.
    func signIn(email given: String, password: String, address: String?) async throws -> (user: User, record: Record) {
        let email = given.trimmingCharacters(in: .whitespaces).lowercased()
        let now = clock.now()
        if let wait = await throttle.retryAfter(email: email, address: address, now: now) {
            throw DomainError.tooManyRequests("Too many failed sign-ins; try again in \(wait) seconds.", retryAfter: wait)
        }
        let found = email.isEmpty ? nil : try await store.credentials(email: email)
        guard try await Passwords.verify(password, hash: found?.passwordHash), let record = found?.user else {
            await throttle.failed(email: email, address: address, now: now)
            throw DomainError.unauthenticated("Wrong email or password.")
        }
        let user = User(record: record)
        guard user.active else {
            await throttle.failed(email: email, address: address, now: now)
            throw DomainError.unauthenticated("This account is deactivated.")
        }
        await throttle.succeeded(email: email)
        return (user, record)
    }

    /// Creates a user with a password; without one, a one-time password is generated and returned.
    /// Password problems are reported together with the record's own; nothing is written unless all is well.
    func createUser(_ input: [String: JSONValue], password given: String?, viewer: Viewer) async throws -> (user: Record, generated: String?) {
        try records.requireRole(.write, .user, viewer)
        let password = given ?? Secrets.password()
        let problems = Passwords.check(password)
        let hash = problems.isEmpty ? try await Passwords.hash(password, cost: passwordCost) : ""
        do {
            let user = try await records.create(.user, input, viewer: viewer) { tx, record in
                if !problems.isEmpty { throw DomainError.invalid(problems) }
                guard let id = record.int("id") else { throw StoreError.unsupported("insert returned no id") }
                try await tx.setPasswordHash(userID: id, hash)
            }
            return (user, given == nil ? password : nil)
        } catch DomainError.invalid(let errors) where !problems.isEmpty && errors != problems {
            throw DomainError.invalid(errors + problems)
        }
    }

    /// Sets a new generated password for a user and returns it (to be shown once). Every sign-in session and API token
    /// of the user ends (whoever knew the old password, or a token made with it, is signed out), but the admin's own
    /// current session when resetting their own password (`session`), and the integration tokens the admin names in
    /// `keepingTokens` (API tokens of that user; any other id is refused).
    /// `origin`: what the journal names as the source of the change (`api`, or `cli` for the command line).
    func resetPassword(userID: Int64, viewer: Viewer, session: Int64? = nil, keepingTokens: Set<Int64> = [], origin: String = "api") async throws -> String {
        try records.requireRole(.write, .user, viewer)
        if !keepingTokens.isEmpty {
            let own = Set(try await store.tokens(userID: userID).filter { $0.kind == "api" && $0.revokedAt == nil }.map(\.id))
            let foreign = keepingTokens.subtracting(own).sorted()
            if !foreign.isEmpty {
                throw DomainError.invalid("keep_token_ids", "must name live API tokens of this user; not: \(foreign.map(String.init).joined(separator: ", "))")
            }
        }
        let password = Secrets.password()
        let hash = try await Passwords.hash(password, cost: passwordCost)
        try await store.write(actor: viewer.actorID, origin: origin, at: clock.now()) { tx in
            guard try await tx.fetch(.user, userID) != nil else { throw DomainError.notFound(.user, userID) }
            try await tx.setPasswordHash(userID: userID, hash)
            try await tx.revokeCredentials(userID: userID, except: viewer.userID == userID ? session : nil, keeping: keepingTokens)
        }
        return password
    }

    /// Changes one's own name, language (`locale`) or password; a new password needs the current one and ends one's
    /// other sessions and one's API tokens (`session` is the one making the change, and goes on). One's profile is not an admin's user management: it is
    /// written directly, with the record's checks, and journaled as one's own change.
    func updateOwnProfile(_ user: User, session: Int64, _ given: [String: JSONValue]) async throws -> Record {
        var input = given
        let allowed: Set<String> = ["name", "locale", "password", "current_password"]
        let extra = input.keys.filter { !allowed.contains($0) }.sorted()
        if !extra.isEmpty { throw DomainError.invalid(extra.map { FieldError($0, "cannot be changed here; allowed: name, locale, password") }) }
        var newHash: String?
        if let password = input.removeValue(forKey: "password") {
            guard case .string(let p) = password else { throw DomainError.invalid("password", "must be a string") }
            // Every problem at once: the new password's, and the current one's.
            var problems = Passwords.check(p)
            if case .string(let current)? = input.removeValue(forKey: "current_password"), !current.isEmpty {
                let stored = try await store.credentials(email: user.email)
                if try await !Passwords.verify(current, hash: stored?.passwordHash) {
                    problems.append(FieldError("current_password", .currentPasswordWrong))
                }
            } else {
                problems.append(FieldError("current_password", .currentPasswordRequired))
            }
            if !problems.isEmpty { throw DomainError.invalid(problems) }
            newHash = try await Passwords.hash(p, cost: passwordCost)
        }
        input.removeValue(forKey: "current_password")
        let changes = input
        let passwordHash = newHash
        return try await store.write(actor: user.id, at: clock.now()) { tx in
            guard let old = try await tx.fetch(.user, user.id) else { throw DomainError.notFound(.user, user.id) }
            var record = old
            let errors = RecordInput.apply(changes, to: &record, fields: User.fields, creating: false)
            let normalized = try RecordService.normalize(.user, record, inputErrors: errors)
            let result = try await tx.update(.user, from: old, to: normalized)
            if let passwordHash {
                try await tx.setPasswordHash(userID: user.id, passwordHash)
                try await tx.revokeCredentials(userID: user.id, except: session)
            }
            return result
        }
    }

    /// The longest name a token may have.
    static let tokenNameLength = 200

    /// What is wrong with a token's name, if anything: it is required and says what the token is for.
    static func tokenNameProblem(_ name: String?) -> FieldError? {
        let trimmed = (name ?? "").trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.count > tokenNameLength ? FieldError("name", .tokenName(max: tokenNameLength)) : nil
    }

    /// Creates an API token acting as `userID` (an active user); returns its id and its secret, which is never stored.
    func createToken(name: String?, userID: Int64?, expiresAt: Date? = nil, actor: Viewer) async throws -> (id: Int64, secret: String) {
        var errors = Self.tokenNameProblem(name).map { [$0] } ?? []
        let trimmed = (name ?? "").trimmingCharacters(in: .whitespaces)
        var user: User?
        if let userID { user = try await store.fetch(.user, userID).map(User.init(record:)) }
        if let userID, user == nil { errors.append(FieldError("user_id", .noRecord(kind: "user", id: userID))) }
        if userID == nil { errors.append(FieldError("user_id", .required)) }
        if let userID, user?.active == false { errors.append(FieldError("user_id", .userDeactivated(id: userID))) }
        guard errors.isEmpty, let userID else { throw DomainError.invalid(errors) }
        let secret = Secrets.token()
        let id = try await store.write(actor: actor.actorID, at: clock.now()) { tx in
            try await tx.insertToken(userID: userID, name: trimmed, kind: "api", hash: Secrets.hash(token: secret), expiresAt: expiresAt)
        }
        return (id, secret)
    }

    /// Revokes a live token of `ownerID`; a token that is not theirs, or already revoked, is not found.
    func revokeToken(id: Int64, ownerID: Int64, actor: Viewer) async throws {
        let revoked = try await store.write(actor: actor.actorID, at: clock.now()) { tx in try await tx.revokeToken(id: id, userID: ownerID) }
        if !revoked { throw DomainError.notFound(.token, id) }
    }
}
