import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import VoronkaCore

/// Voronka's storage on SQLite or PostgreSQL: one implementation, the dialect differences inside.
public final class SQLStore: Sendable {
    public let backend: Backend
    public let location: StoreLocation
    /// The writer (and migrations): on SQLite, its statements run on one thread of their own (`writerThread`).
    let databases: Databases
    /// SQLite's readers, with their own threads; on PostgreSQL the same object as `databases`.
    let readers: Databases
    let logger: Logger
    let writeLock = WriteLock()
    /// Advances whenever a committed write of this process changed a user or a token (see `credentialsEpoch`).
    let credentials = CredentialsEpoch()
    /// SQLite's writes all go through the connection of one event loop: a connection's page cache is dropped whenever
    /// another connection has written, so alternating between two made every write start cold.
    let writeLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()
    /// The statements sent while it is on (for tests of what a page or a write costs).
    public let queryLog = QueryLog()
    /// SQLite's readers have a pool of their own: a read never waits for the writer's connection, which a long
    /// import holds (WAL lets readers run beside the writer, each on the last committed state).
    static let readerID = DatabaseID(string: "sqlite-read")
    static let readersPerLoop = 3

    private init(location: StoreLocation, databases: Databases, readers: Databases, logger: Logger) {
        self.location = location; self.backend = location.backend; self.databases = databases; self.readers = readers; self.logger = logger
    }

    /// Opens (creates, for SQLite) the database; call `migrate()` before use and `shutdown()` after.
    public static func open(_ location: StoreLocation, logger: Logger = SQLStore.defaultLogger) async throws -> SQLStore {
        let databases: Databases, readers: Databases
        switch location {
        case .sqlite(let path):
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            databases = Databases(threadPool: SQLStore.writerThread, on: MultiThreadedEventLoopGroup.singleton)
            databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, sqlLogLevel: nil), as: .sqlite)
            readers = Databases(threadPool: SQLStore.readerThreads, on: MultiThreadedEventLoopGroup.singleton)
            // Three readers per event loop, so that a long read (an export, a count) does not hold the one connection
            // that the loop's page reads would otherwise share.
            readers.use(.sqlite(.file(path), maxConnectionsPerEventLoop: readersPerLoop, sqlLogLevel: nil), as: readerID)
        case .postgres(let url):
            databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
            readers = databases
            do {
                databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
            } catch {
                throw StoreError.cannotOpen("VORONKA_DATABASE_URL is not a PostgreSQL URL (\(error))")
            }
        }
        let store = SQLStore(location: location, databases: databases, readers: readers, logger: logger)
        do {
            if location.backend == .sqlite {
                try await store.sql.exec("PRAGMA journal_mode=WAL")
            } else {
                try await store.sql.exec("SELECT 1")
            }
        } catch {
            await store.shutdown()
            throw StoreError.cannotOpen("\(location): \(String(reflecting: error))")
        }
        return store
    }

    /// The thread every SQLite write statement runs on (SQLiteNIO runs each statement on a thread of its pool): one,
    /// so that the writer's page cache (512 MiB in a bulk load) is allocated by one thread, in one malloc arena;
    /// spread over many threads it cost a bulk load up to a gigabyte more.
    static let writerThread = Threads.pool(1)

    /// The threads SQLite's reads block on: one per reader connection. They wait on the disk more than they compute,
    /// and shared with the writer, a long write statement or commit left the readers fewer threads.
    static let readerThreads = Threads.pool(readersPerLoop * System.coreCount)

    /// Logs warnings and errors only: migrations and queries are not news.
    public static var defaultLogger: Logger {
        var logger = Logger(label: "voronka.store")
        logger.logLevel = .warning
        return logger
    }

    public func shutdown() async {
        await databases.shutdownAsync()
        if backend == .sqlite { await readers.shutdownAsync() }
    }

    /// A connection on `loop`; Fluent has one once `open` has configured the database.
    func connection(on loop: any EventLoop, _ id: DatabaseID? = nil) throws -> any Database {
        let from = id == Self.readerID ? readers : databases
        guard let database = from.database(id, logger: logger, on: loop) else { throw StoreError.cannotOpen("no database is configured") }
        return database
    }

    /// The writer's pool (SQLite: `write` takes the connection of `writeLoop` from it); migrations use it too.
    var database: any Database {
        get throws { try connection(on: MultiThreadedEventLoopGroup.singleton.any()) }
    }

    /// The pool reads come from: SQLite's readers, or PostgreSQL's one pool.
    var readDatabase: any Database {
        get throws { try connection(on: MultiThreadedEventLoopGroup.singleton.any(), backend == .sqlite ? Self.readerID : nil) }
    }

    /// A connection for single reads, outside any transaction; reads that belong together go through `read`, writes
    /// through `write`.
    public var sql: any SQLDatabase {
        get throws {
            guard let sql = try readDatabase as? any SQLDatabase else { throw StoreError.notSQL }
            return queryLog.wrap(sql)
        }
    }

    /// Runs `body` in one read transaction: every read sees the same committed state, and none waits for a writer.
    public func read<T: Sendable>(_ body: @escaping @Sendable (StoreReader) async throws -> T) async throws -> T {
        try await readDatabase.transaction { db in
            guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
            return try await body(StoreReader(sql: self.queryLog.wrap(sql), backend: self.backend))
        }
    }

    /// Applies every migration not yet applied, and builds the indexes an interrupted bulk load left dropped
    /// (`deferIndexes`); returns the names of the migrations applied.
    @discardableResult
    public func migrate() async throws -> [String] {
        let migrations = Migrations()
        StoreMigrations.register(in: migrations)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        try await migrator.setupIfNeeded().get()
        let before = try await appliedMigrations()
        try await migrator.prepareBatch().get()
        let after = try await appliedMigrations()
        try await rebuildDeferredIndexes()
        return after.filter { !before.contains($0) }
    }

    func appliedMigrations() async throws -> [String] {
        try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY batch, name").all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// Runs `body` in one transaction: everything it writes, journal entries included, commits together or not at all.
    public func write<T: Sendable>(actor: Int64?, origin: String = "api", at: Date? = nil,
                                   _ body: @escaping @Sendable (StoreTransaction) async throws -> T) async throws -> T {
        let serialize = backend == .sqlite
        if serialize { await writeLock.acquire() }
        do {
            let database = try serialize ? connection(on: writeLoop) : self.database
            let used = TransactionBox()
            let result = try await database.transaction { db in
                guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
                let tx = StoreTransaction(sql: self.queryLog.wrap(sql), backend: self.backend, actor: actor, origin: origin, now: at ?? Date())
                used.tx = tx
                return try await body(tx)
            }
            // After the commit, so that no reader caches the state from before it under the new epoch.
            if used.tx?.touchedCredentials == true { credentials.advance() }
            if serialize { await writeLock.release() }
            return result
        } catch {
            if serialize { await writeLock.release() }
            throw error
        }
    }
}

extension SQLStore {
    /// A number that changes whenever this process commits a change to a user or a token: a cache of sign-ins keyed
    /// by it never serves a revoked token, a changed role or a deactivated user (other processes' changes are seen
    /// when the cache's own time limit passes).
    public var credentialsEpoch: Int { credentials.value }
}

/// A counter behind a lock.
final class CredentialsEpoch: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    var value: Int { lock.withLock { current } }
    func advance() { lock.withLock { current += 1 } }
}

/// The transaction a write ran, kept for what happens after its commit.
final class TransactionBox: @unchecked Sendable {
    var tx: StoreTransaction?
}
