import Foundation

/// The source of "now", injected so that tests and the demo are deterministic.
public struct Clock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = Clock { Date() }

    /// A clock that always answers the same instant.
    public static func fixed(_ date: Date) -> Clock { Clock { date } }
}
