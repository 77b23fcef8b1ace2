import Foundation
import SQLKit
import VoronkaCore

/// What a backup or a restore holds, as read back from the copy itself.
public struct BackupReport: Sendable, Equatable {
    public let path: String
    public let bytes: Int64
    /// Every write acknowledged before the backup began is in the copy, up to this journal entry: for SQLite the
    /// copy's own last entry; for PostgreSQL the last one committed when the dump began (the dump may hold later ones).
    public let journalSeq: Int64
}

/// Why a backup or a restore was refused or failed; each says what to do.
public enum BackupError: Error, CustomStringConvertible, Equatable {
    case destinationExists(String)
    case notEmpty(String)
    case damaged(String, problems: String)
    case toolMissing(String)
    case toolFailed(String, output: String)
    case sourceMissing(String)

    public var description: String {
        switch self {
        case .destinationExists(let path): "\(path) exists already; name a new file (a backup never overwrites one)"
        case .notEmpty(let what): "\(what) already holds data; restore into an empty data directory or an empty database"
        case .damaged(let path, let problems): "\(path) is damaged (\(problems)); take another backup, or restore an older one"
        case .toolMissing(let tool): "\(tool) is not installed (Debian: apt-get install postgresql-client)"
        case .toolFailed(let tool, let output): "\(tool) failed: \(output)"
        case .sourceMissing(let path): "no backup at \(path)"
        }
    }
}

extension SQLStore {
    /// The integrity problems of a SQLite database (`PRAGMA quick_check`, or the slower `integrity_check` with `full`);
    /// nil when it is sound, and always nil on PostgreSQL, which checks its own pages.
    public func integrityProblems(full: Bool = false) async throws -> String? {
        guard backend == .sqlite else { return nil }
        let rows = try await sql.raw(SQLQueryString(full ? "PRAGMA integrity_check(20)" : "PRAGMA quick_check(20)")).all()
        let lines = try rows.compactMap { row in try row.allColumns.first.map { try row.decode(column: $0, as: String.self) } }
        return lines == ["ok"] ? nil : lines.joined(separator: "; ")
    }

    /// Writes a consistent copy of the whole database to `path` while the server goes on reading and writing:
    /// SQLite's `VACUUM INTO` (a read transaction, so writers are not held up), or `pg_dump --format=custom` for
    /// PostgreSQL. The copy is then opened and checked, and its report read from it. Never overwrites a file.
    public func backup(to path: String) async throws -> BackupReport {
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError.destinationExists(path) }
        switch location {
        case .sqlite:
            try await sql.raw("VACUUM INTO \(bind: path)").run()
            return try await Self.checkedSQLiteCopy(path)
        case .postgres(let url):
            let before = try await lastJournalSeq()
            let partial = path + ".partial"
            try? FileManager.default.removeItem(atPath: partial)
            try Self.run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file=\(partial)", "--dbname=\(url)"])
            try FileManager.default.moveItem(atPath: partial, toPath: path)
            // The dump is one snapshot taken after `before` was read, so it holds every entry up to it.
            return BackupReport(path: path, bytes: Self.size(path), journalSeq: before)
        }
    }

    /// Restores a backup into an empty place: a data directory without a database (SQLite), or an empty PostgreSQL
    /// database. The copy is checked before it takes the database's place, so a damaged backup leaves nothing behind.
    public static func restore(_ backup: String, into location: StoreLocation) async throws -> BackupReport {
        guard FileManager.default.fileExists(atPath: backup) else { throw BackupError.sourceMissing(backup) }
        switch location {
        case .sqlite(let path):
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                throw BackupError.notEmpty(path + suffix)
            }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            let staging = path + ".restoring"
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.copyItem(atPath: backup, toPath: staging)
            do {
                _ = try await checkedSQLiteCopy(staging)
                try FileManager.default.moveItem(atPath: staging, toPath: path)
            } catch {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staging + suffix) }
                throw error
            }
            return try await checkedSQLiteCopy(path)
        case .postgres(let url):
            let store = try await SQLStore.open(location)
            do {
                let tables = try await store.sql.raw("""
                    SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()
                    """).first()?.decode(column: "n", as: Int64.self) ?? 0
                if tables > 0 { throw BackupError.notEmpty("the database \(location)") }
                try run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname=\(url)", backup])
                let seq = try await store.lastJournalSeq()
                await store.shutdown()
                return BackupReport(path: backup, bytes: size(backup), journalSeq: seq)
            } catch {
                await store.shutdown()
                throw error
            }
        }
    }

    /// Opens a SQLite copy, runs the full integrity check, and reads its last journal entry.
    static func checkedSQLiteCopy(_ path: String) async throws -> BackupReport {
        let copy: SQLStore
        do { copy = try await SQLStore.open(.sqlite(path: path)) } catch {
            throw BackupError.damaged(path, problems: "not a readable SQLite database")
        }
        do {
            if let problems = try await copy.integrityProblems(full: true) { throw BackupError.damaged(path, problems: problems) }
            let seq = try await copy.lastJournalSeq()
            await copy.shutdown()
            return BackupReport(path: path, bytes: size(path), journalSeq: seq)
        } catch let error as BackupError {
            await copy.shutdown()
            throw error
        } catch {
            await copy.shutdown()
            throw BackupError.damaged(path, problems: String(describing: error))
        }
    }

    static func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// Runs a PostgreSQL client tool (found on PATH or in Debian's /usr/lib/postgresql/N/bin), failing with its output.
    static func run(_ tool: String, _ arguments: [String]) throws {
        guard let executable = findTool(tool) else { throw BackupError.toolMissing(tool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BackupError.toolFailed(tool, output: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    static func findTool(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        var candidates = path.split(separator: ":").map { "\($0)/\(tool)" }
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        candidates += versions.map { "/usr/lib/postgresql/\($0)/bin/\(tool)" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
