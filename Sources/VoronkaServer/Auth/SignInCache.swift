import Foundation
import NIOConcurrencyHelpers
import VoronkaCore

/// Who a bearer token or session stands for, remembered so that a request costs no sign-in queries. An entry is
/// dropped when this process commits a change to any user or token (`SQLStore.credentialsEpoch`), when its token
/// expires, and `lifetime` seconds after it was read, which bounds how long another server's revocation takes to
/// reach this one.
final class SignInCache: Sendable {
    struct Entry: Sendable {
        let caller: Caller
        /// `api` or `session`: the web takes only sessions.
        let kind: String
        let expiresAt: Date?
        let epoch: Int
        let readAt: Double
    }

    let lifetime: Double
    let capacity: Int
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    init(lifetime: Double = 10, capacity: Int = 10_000) { self.lifetime = lifetime; self.capacity = capacity }

    /// The caller of a token hash and the token's kind, if remembered and still valid.
    func caller(hash: String, epoch: Int, now: Date) -> (caller: Caller, kind: String)? {
        let uptime = ProcessInfo.processInfo.systemUptime
        return entries.withLockedValue { all in
            guard let entry = all[hash] else { return nil }
            if entry.epoch != epoch || uptime - entry.readAt > lifetime || (entry.expiresAt.map { $0 <= now } ?? false) {
                all[hash] = nil
                return nil
            }
            return (entry.caller, entry.kind)
        }
    }

    func remember(_ caller: Caller, kind: String, hash: String, expiresAt: Date?, epoch: Int) {
        let entry = Entry(caller: caller, kind: kind, expiresAt: expiresAt, epoch: epoch, readAt: ProcessInfo.processInfo.systemUptime)
        entries.withLockedValue { all in
            if all.count >= capacity { all.removeAll(keepingCapacity: true) }
            all[hash] = entry
        }
    }
}

extension Services {
    /// The active user a token stands for, with their team and the token's kind: from the cache, or read and
    /// remembered. Nil for an unknown, revoked or expired token, or a deactivated user.
    func signedIn(token: String) async throws -> (caller: Caller, kind: String)? {
        let hash = Secrets.hash(token: token)
        let now = clock.now()
        // Read before the queries: a change committed meanwhile makes this entry stale at once.
        let epoch = store.credentialsEpoch
        if let cached = signIns.caller(hash: hash, epoch: epoch, now: now) { return cached }
        guard let found = try await store.token(hash: hash, now: now) else { return nil }
        let user = User(record: found.user)
        guard user.active else { return nil }
        let managers = user.role.seesEverything ? [:] : try await store.managers()
        let caller = Caller(user: user, viewer: Viewer(user: user, managers: managers), tokenID: found.token.id)
        signIns.remember(caller, kind: found.token.kind, hash: hash, expiresAt: found.token.expiresAt, epoch: epoch)
        return (caller, found.token.kind)
    }
}
