import Foundation
import Testing
import VoronkaCore
import VoronkaStore
import VoronkaTestDatabase

/// `voronka backup` and `restore` (issue 12): a copy taken under write load restores to a sound database that holds
/// every write acknowledged before the backup began; a damaged file is refused.
@Suite("Backup and restore")
struct BackupTests {
    static func scratch() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voronka-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    @Test("A backup taken while writers run restores to a sound database with every write acknowledged before it began",
          arguments: TestDatabase.backends)
    func backupUnderLoad(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup: some companies, then writers that keep inserting while the backup runs
            for i in 0..<50 { _ = try await store.write(actor: nil) { tx in try await tx.insert(.company, company("Before \(i)")) } }
            let dir = try Self.scratch()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let writers = Task {
                var written = 0
                while !Task.isCancelled, written < 2000 {
                    let name = "During \(written)"
                    _ = try await store.write(actor: nil) { tx in try await tx.insert(.company, company(name)) }
                    written += 1
                }
                return written
            }
            try await Task.sleep(for: .milliseconds(50))
            // action
            let acknowledged = try await store.lastJournalSeq()
            let report = try await store.backup(to: dir + "/copy.backup")
            writers.cancel()
            let during = try await writers.value
            let (target, drop) = try await TestDatabase.make(backend)
            defer { Task { await drop() } }
            let target2: StoreLocation = if case .sqlite = target { .sqlite(path: dir + "/restored/voronka.sqlite") } else { target }
            let restored = try await SQLStore.restore(report.path, into: target2)
            // check
            #expect(during > 0, "writers ran during the backup")
            #expect(report.journalSeq >= acknowledged && restored.journalSeq >= acknowledged)
            let copy = try await SQLStore.open(target2)
            let problems = try await copy.integrityProblems(full: true)
            let names = Set(try await copy.all(.company).compactMap { $0.text("name") })
            let journal = try await copy.journal(after: 0, limit: 100_000).map(\.seq)
            await copy.shutdown()
            #expect(problems == nil)
            #expect((0..<50).allSatisfy { names.contains("Before \($0)") })
            #expect(journal.first == 1 && journal == Array(1...Int64(journal.count)), "the copy's journal is gap-free")
            #expect(Int64(journal.count) >= acknowledged)
        }
    }

    @Test("A backup never overwrites a file, and a restore refuses a place that holds data", arguments: TestDatabase.backends)
    func refusals(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            let dir = try Self.scratch()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            FileManager.default.createFile(atPath: dir + "/taken", contents: Data("keep me".utf8))
            let backup = try await store.backup(to: dir + "/ok.backup")
            // action / check
            await #expect(throws: BackupError.destinationExists(dir + "/taken")) { try await store.backup(to: dir + "/taken") }
            #expect(try String(contentsOfFile: dir + "/taken", encoding: .utf8) == "keep me")
            await #expect(throws: BackupError.self) { try await SQLStore.restore(backup.path, into: store.location) }
            await #expect(throws: BackupError.sourceMissing(dir + "/none")) { try await SQLStore.restore(dir + "/none", into: store.location) }
        }
    }

    @Test("A damaged SQLite file fails the integrity check, and a damaged backup restores nothing")
    func damaged() async throws {
        // setup: a database with enough rows to span many pages, copied, then a page in the middle overwritten
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try await SQLStore.open(.sqlite(path: dir + "/good.sqlite"))
        try await store.migrate()
        for i in 0..<400 { _ = try await store.write(actor: nil) { tx in try await tx.insert(.company, company("Company \(i) " + String(repeating: "x", count: 200))) } }
        let backup = try await store.backup(to: dir + "/good.backup")
        await store.shutdown()
        try TestDatabase.damagedCopy(of: backup.path, to: dir + "/bad.backup")
        // action
        let bad = try await SQLStore.open(.sqlite(path: dir + "/bad.backup"))
        let problems = try? await bad.integrityProblems()
        await bad.shutdown()
        let target = dir + "/restored/voronka.sqlite"
        await #expect(throws: BackupError.self) { try await SQLStore.restore(dir + "/bad.backup", into: .sqlite(path: target)) }
        // check
        #expect(problems != nil, "quick_check finds the damage (or reading fails)")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(!FileManager.default.fileExists(atPath: target + ".restoring"))
    }
}

@Suite("Clean-shutdown mark")
struct CleanMarkTests {
    @Test("A file left as the clean shutdown left it skips the check once; a changed file or a leftover WAL does not")
    func mark() throws {
        // setup
        let dir = try BackupTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/voronka.sqlite"
        try Data("one".utf8).write(to: URL(fileURLWithPath: file))
        // action / check: as left, then taken once
        SQLiteCleanMark.write(file)
        #expect(SQLiteCleanMark.take(file))
        #expect(!SQLiteCleanMark.take(file), "the mark is gone after a start")
        // a file put in its place
        SQLiteCleanMark.write(file)
        try Data("another".utf8).write(to: URL(fileURLWithPath: file))
        #expect(!SQLiteCleanMark.take(file))
        // a WAL with content beside it
        SQLiteCleanMark.write(file)
        try Data("wal".utf8).write(to: URL(fileURLWithPath: file + "-wal"))
        #expect(!SQLiteCleanMark.take(file))
    }
}
