import Foundation
import PostgresKit
import VoronkaStore

/// A fresh, empty database for one test, on either engine.
///
/// PostgreSQL comes from `VORONKA_TEST_POSTGRES_URL` (a server the test command starts); each test gets a database of its own.
/// Without that variable the PostgreSQL cases fail, unless `VORONKA_SKIP_POSTGRES=1` says to leave them out on purpose.
public enum TestDatabase {
    /// The engines the storage suite runs on.
    public static var backends: [Backend] {
        ProcessInfo.processInfo.environment["VORONKA_SKIP_POSTGRES"] == "1" ? [.sqlite] : [.sqlite, .postgres]
    }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "VORONKA_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts PostgreSQL (or set VORONKA_SKIP_POSTGRES=1 to skip those cases knowingly)"
        }
    }

    /// Opens a migrated store on a fresh database of the engine, runs the body, closes and drops it.
    public static func withStore(_ backend: Backend, _ body: (SQLStore) async throws -> Void) async throws {
        let (location, drop) = try await make(backend)
        let store = try await SQLStore.open(location)
        do {
            try await store.migrate()
            try await body(store)
        } catch {
            await store.shutdown(); await drop()
            throw error
        }
        await store.shutdown()
        await drop()
    }

    /// A new empty database; `drop` removes it afterwards.
    public static func make(_ backend: Backend) async throws -> (location: StoreLocation, drop: @Sendable () async -> Void) {
        switch backend {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voronka-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            return (.sqlite(path: dir.appendingPathComponent("test.sqlite").path), { try? FileManager.default.removeItem(at: dir) })
        case .postgres:
            guard let admin = ProcessInfo.processInfo.environment["VORONKA_TEST_POSTGRES_URL"], !admin.isEmpty else { throw Missing() }
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
            try await adminExec(admin, "CREATE DATABASE \(name)")
            let url = replaceDatabase(in: admin, with: String(name))
            return (.postgres(url: url), { try? await adminExec(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") })
        }
    }

    static func replaceDatabase(in url: String, with name: String) -> String {
        guard let slash = url.range(of: "/", options: .backwards), url.distance(from: url.startIndex, to: slash.lowerBound) > 10 else { return url + "/" + name }
        let rest = url[slash.upperBound...]
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        return String(url[..<slash.upperBound]) + name + query
    }

    static func adminExec(_ url: String, _ sql: String) async throws {
        let config = try SQLPostgresConfiguration(url: url)
        let connection = try await PostgresConnection.connect(configuration: config.coreConfiguration, id: 1, logger: .init(label: "voronka.test"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: .init(label: "voronka.test"))
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

extension TestDatabase {
    /// Writes a copy of a SQLite file with every third page of its second half overwritten (the schema sits in the
    /// first pages, so the file still opens; rows and indexes are damaged), for the tests of integrity checks.
    public static func damagedCopy(of source: String, to target: String, pageSize: Int = 4096) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        for page in stride(from: bytes.count / pageSize / 2, to: bytes.count / pageSize - 1, by: 3) {
            bytes.replaceSubrange((page * pageSize + 8)..<(page * pageSize + 600), with: Data(repeating: 0xA5, count: 592))
        }
        try bytes.write(to: URL(fileURLWithPath: target))
    }
}
