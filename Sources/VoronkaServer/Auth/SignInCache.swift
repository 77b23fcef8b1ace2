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
        let expiresAt: Date?
        let epoch: Int
        let readAt: Double
    }

    let lifetime: Double
    let capacity: Int
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    init(lifetime: Double = 10, capacity: Int = 10_000) { self.lifetime = lifetime; self.capacity = capacity }

    /// The caller of a token hash, if remembered and still valid.
    func caller(hash: String, epoch: Int, now: Date) -> Caller? {
        let uptime = ProcessInfo.processInfo.systemUptime
        return entries.withLockedValue { all in
            guard let entry = all[hash] else { return nil }
            if entry.epoch != epoch || uptime - entry.readAt > lifetime || (entry.expiresAt.map { $0 <= now } ?? false) {
                all[hash] = nil
                return nil
            }
            return entry.caller
        }
    }

    func remember(_ caller: Caller, hash: String, expiresAt: Date?, epoch: Int) {
        let entry = Entry(caller: caller, expiresAt: expiresAt, epoch: epoch, readAt: ProcessInfo.processInfo.systemUptime)
        entries.withLockedValue { all in
            if all.count >= capacity { all.removeAll(keepingCapacity: true) }
            all[hash] = entry
        }
    }
}
