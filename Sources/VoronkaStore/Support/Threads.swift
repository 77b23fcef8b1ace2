import Foundation
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// Threads for work that must not run on Swift's cooperative pool: blocking calls and long computations.
public enum Threads {
    /// A started pool of `count` threads of its own.
    public static func pool(_ count: Int) -> NIOThreadPool {
        let pool = NIOThreadPool(numberOfThreads: count)
        pool.start()
        return pool
    }

    /// Lowers the calling thread's priority to `nice` (when the cores are short, requests go first). On Linux the nice
    /// value is the calling thread's own (who 0 is the caller's task); call it only on a thread nothing else reuses.
    public static func lowerPriority(to nice: Int32) {
        #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice)
        #endif
    }
}

/// Runs work one job at a time on a thread of its own, at a given nice value, and hands each result back to the
/// caller's task.
public final class WorkLane: @unchecked Sendable {
    // Jobs are queued under the condition's lock and run one at a time on the lane's thread.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []

    public init(name: String, nice: Int32) {
        let thread = Thread { [self] in loop(nice) }
        thread.name = name
        thread.start()
    }

    /// Runs `work` on the lane and returns its result to the caller's task.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            enqueue { continuation.resume(with: Result { try work() }) }
        }
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func loop(_ nice: Int32) {
        if nice != 0 { Threads.lowerPriority(to: nice) }
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
