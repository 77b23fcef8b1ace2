import Foundation
import NIOPosix
import SQLKit
import VaporCSQLite

/// One row of a bulk scan, its columns read by position (in the order the query selects them): no `Record` per row
/// and, on SQLite, no row value at all. Times are seconds since 1970, read as `Date` reads them (so that both paths
/// give the same value).
public struct ScanRow {
    fileprivate let statement: OpaquePointer?
    fileprivate let other: (any SQLRow)?
    fileprivate let names: [String]

    public func int(_ i: Int32) -> Int64? {
        guard let statement else { return try? other?.decode(column: names[Int(i)], as: Int64?.self) }
        return sqlite_nio_sqlite3_column_type(statement, i) == SQLITE_NULL ? nil : sqlite_nio_sqlite3_column_int64(statement, i)
    }

    public func text(_ i: Int32) -> String? {
        guard let statement else { return try? other?.decode(column: names[Int(i)], as: String?.self) }
        guard let chars = sqlite_nio_sqlite3_column_text(statement, i) else { return nil }
        return String(cString: chars)
    }

    public func bool(_ i: Int32) -> Bool? {
        guard let statement else { return try? other?.decode(column: names[Int(i)], as: Bool?.self) }
        return sqlite_nio_sqlite3_column_type(statement, i) == SQLITE_NULL ? nil : sqlite_nio_sqlite3_column_int64(statement, i) != 0
    }

    public func time(_ i: Int32) -> Double? {
        guard let statement else { return (try? other?.decode(column: names[Int(i)], as: Date?.self))?.timeIntervalSince1970 }
        switch sqlite_nio_sqlite3_column_type(statement, i) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return Double(sqlite_nio_sqlite3_column_int64(statement, i))
        default:
            // The microsecond rounding of `RowCoding.sqliteValue` and sqlite-nio's Date decoding.
            let v = sqlite_nio_sqlite3_column_double(statement, i)
            let sinceReference = ((v - Date.timeIntervalBetween1970AndReferenceDate) * 1e6).rounded() / 1e6
            return Date(timeIntervalSinceReferenceDate: sinceReference).timeIntervalSince1970
        }
    }
}

/// A query of a bulk scan and what to do with each of its rows.
public struct ScanStep: Sendable {
    public var query: String
    public var row: @Sendable (ScanRow) -> Void

    public init(_ query: String, _ row: @escaping @Sendable (ScanRow) -> Void) { self.query = query; self.row = row }
}

extension SQLStore {
    /// Runs read-only queries in order and hands each row to its step as it comes, one at a time: the bulk read behind
    /// the analytics snapshot. Once the first step has run, `alongside()` gives more steps that run at the same time
    /// on a second connection; they see at least what the first step saw (their transaction starts after it).
    ///
    /// On SQLite each list runs in one read transaction on a read-only connection of its own, through the engine's C
    /// interface on a thread of its own: SQLKit's rows cost a row value, a column lookup by name per cell and a
    /// future per row, which made reading tens of millions of cells take minutes. On PostgreSQL the queries go
    /// through SQLKit, the `alongside` ones after the others.
    public func scan(_ steps: [ScanStep], alongside: @escaping @Sendable () -> [ScanStep] = { [] }) async throws {
        switch location {
        case .sqlite(let path):
            // On a thread of its own: on NIO's shared pool a scan of a million deals held, for seconds, one of the
            // threads that run every SQLite query, and page reads queued behind it.
            try await OwnThread.run {
                let second = SecondScan()
                try Self.sqliteScan(path: path, steps) { second.start { try Self.sqliteScan(path: path, alongside()) {} } }
                try second.wait()
            }
        case .postgres:
            var first = true
            for step in steps {
                try await sql.execute(sql: SQLRaw(step.query)) { row in
                    step.row(ScanRow(statement: nil, other: row, names: row.allColumns))
                }
                if first {
                    first = false
                    for more in alongside() {
                        try await sql.execute(sql: SQLRaw(more.query)) { row in
                            more.row(ScanRow(statement: nil, other: row, names: row.allColumns))
                        }
                    }
                }
            }
        }
    }

    private static func sqliteScan(path: String, _ steps: [ScanStep], afterFirst: () -> Void) throws {
        var db: OpaquePointer?
        defer { sqlite_nio_sqlite3_close_v2(db) }
        guard sqlite_nio_sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db else {
            throw StoreError.cannotOpen("\(path): \(db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory")")
        }
        func check(_ code: Int32, _ query: String) throws {
            guard code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW else {
                throw ScanError(path: path, query: query, message: String(cString: sqlite_nio_sqlite3_errmsg(db)))
            }
        }
        sqlite_nio_sqlite3_busy_timeout(db, 10_000)
        try check(sqlite_nio_sqlite3_exec(db, "BEGIN", nil, nil, nil), "BEGIN")
        defer { sqlite_nio_sqlite3_exec(db, "COMMIT", nil, nil, nil) }
        for (i, step) in steps.enumerated() {
            var statement: OpaquePointer?
            try check(sqlite_nio_sqlite3_prepare_v2(db, step.query, -1, &statement, nil), step.query)
            defer { sqlite_nio_sqlite3_finalize(statement) }
            let row = ScanRow(statement: statement, other: nil, names: [])
            while true {
                let code = sqlite_nio_sqlite3_step(statement)
                if code == SQLITE_DONE { break }
                try check(code, step.query)
                step.row(row)
            }
            if i == 0 { afterFirst() }
        }
    }
}

/// The `alongside` scan on a thread of its own, and its error.
/// Runs blocking background work on a new thread of its own, at nice 10 (when the cores are short, requests go
/// first), and hands its result back to the caller's task.
enum OwnThread {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            detach { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Starts `body` on a new thread at nice 10. On Linux the nice value is the calling thread's own (who 0 is the
    /// caller's task), and the thread is new, so nothing else inherits it.
    static func detach(_ body: @escaping @Sendable () -> Void) {
        Thread.detachNewThread {
            Threads.lowerPriority(to: 10)
            body()
        }
    }
}

private final class SecondScan: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var started = false
    private var error: (any Error)?

    func start(_ body: @escaping @Sendable () throws -> Void) {
        started = true
        OwnThread.detach { [self] in
            do { try body() } catch { self.error = error }
            done.signal()
        }
    }

    /// Waits for the scan (if started) and rethrows its error.
    func wait() throws {
        guard started else { return }
        done.wait()
        if let error { throw error }
    }
}

/// A bulk scan's query failed on SQLite.
public struct ScanError: Error, CustomStringConvertible {
    public var path: String
    public var query: String
    public var message: String

    public var description: String { "reading \(path) failed: \(message) (in \(query))" }
}
