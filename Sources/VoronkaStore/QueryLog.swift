import Foundation
import Logging
import NIOCore
import SQLKit

/// The statements a store sends while the log is on: tests count what a page or a write costs (the manner of
/// SwiftPackageIndex-Server's query-cost tests). Off, it costs one check per connection handed out.
public final class QueryLog: @unchecked Sendable {
    private let lock = NSLock()
    private var on = false
    private var lines: [String] = []

    /// Starts recording, dropping what an earlier recording kept.
    public func start() { lock.withLock { on = true; lines = [] } }

    /// Stops recording and returns the statements sent since `start`, in order.
    @discardableResult
    public func stop() -> [String] { lock.withLock { on = false; return lines } }

    /// The statements recorded so far.
    public var statements: [String] { lock.withLock { lines } }

    var isOn: Bool { lock.withLock { on } }

    func record(_ sql: String) { lock.withLock { if on { lines.append(sql) } } }

    /// How many of `statements` read from `table` (a `FROM` or `JOIN` of it).
    public static func reads(of table: String, in statements: [String]) -> Int {
        let pattern = "\\b(FROM|JOIN)\\s+\"?\(table)\"?(\\s|$|\\))"
        return statements.filter { $0.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil }.count
    }

    /// `database`, recording each statement it sends while the log is on.
    func wrap(_ database: any SQLDatabase) -> any SQLDatabase {
        isOn ? LoggedSQLDatabase(base: database, log: self) : database
    }
}

/// A database that tells a `QueryLog` each statement before sending it.
private struct LoggedSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    let log: QueryLog

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        log.record(base.serialize(query).sql)
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        log.record(base.serialize(query).sql)
        try await base.execute(sql: query, onRow)
    }
}
