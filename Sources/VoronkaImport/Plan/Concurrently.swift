import Foundation

/// Runs independent pieces of pure work on the machine's cores and gives their results in order: reading the files
/// of an export one after another left a core idle through most of the read.
enum Concurrently {
    /// `work(i)` for every `i` in `0..<count`, several at once.
    static func map<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(work) }
        let results = Results<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, work(i)) }
        return results.values.enumerated().map { i, value in value ?? work(i) }
    }

    /// `a` and `b` at once.
    static func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
        let results = map(2) { i -> Either<A, B> in i == 0 ? .first(a()) : .second(b()) }
        guard case .first(let x) = results[0], case .second(let y) = results[1] else { preconditionFailure("results out of order") }
        return (x, y)
    }

    private enum Either<A: Sendable, B: Sendable>: Sendable { case first(A), second(B) }

    private final class Results<T: Sendable>: @unchecked Sendable {
        // Each index is written once, by one worker, under the lock; read after all workers are done.
        private let lock = NSLock()
        private(set) var values: [T?]

        init(_ count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ value: T) { lock.withLock { values[i] = value } }
    }
}
