import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An import's CPU work (reading and planning the files, turning rows into records) runs here: on one thread of its
/// own, at a lower priority, outside Swift's cooperative pool. On that pool a planning held one of this machine's two
/// threads for seconds and a conversion the other, and every page and API read waited for them.
final class ImportLane: @unchecked Sendable {
    static let shared = ImportLane()

    // Jobs are queued under the condition's lock and run one at a time on the lane's thread.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []

    private init() {
        let thread = Thread { [self] in loop() }
        thread.name = "voronka.import"
        thread.start()
    }

    /// Runs `work` on the lane and returns its result to the caller's task.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            shared.enqueue { continuation.resume(with: Result { try work() }) }
        }
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        // Nice 10: when the cores are short, requests go first. On Linux the nice value is the calling thread's own
        // (who 0 is the caller's task), and this thread is the lane's alone, so nothing else inherits it.
        #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
