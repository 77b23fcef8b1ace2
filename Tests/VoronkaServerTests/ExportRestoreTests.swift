import Foundation
import Testing
import VoronkaAnalytics
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestDatabase
import VoronkaTestSupport

/// Voronka's own export restored into an empty database on the other engine: the way from SQLite to PostgreSQL.
@Suite("Export and restore")
struct ExportRestoreTests {
    /// Every engine pair the test command can run, each with the export's format: CSV one way, JSON the other.
    static var pairs: [(Backend, Backend, Exporter.Format)] {
        TestDatabase.backends.contains(.postgres) ? [(.sqlite, .postgres, .csv), (.postgres, .sqlite, .json)] : [(.sqlite, .sqlite, .csv)]
    }

    /// Everything a database holds that an export carries, as comparable text: every record (deleted ones too) of
    /// every kind, every journal entry, every setting.
    static func contents(_ store: SQLStore) async throws -> [String] {
        var out: [String] = []
        for kind in EntityKind.allCases where kind.entityType != nil {
            try await store.exportPages(kind) { records in out += records.map { "\(kind.rawValue) " + $0.jsonText(fields: kind.fields) } }
        }
        try await store.exportJournal { rows in out += rows.map { "journal " + $0.values.joined(separator: "|") } }
        out += try await store.allSettings().map { "setting \($0.key)=\($0.value)@\(Timestamp.format($0.updatedAt))" }
        return out
    }

    static func files(_ directory: String) throws -> [ExportRestore.File] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted().filter { $0 != Exporter.manifestName }.map { name in
            ExportRestore.File(name: name, bytes: Array(FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name)) ?? Data()))
        }
    }

    @Test("The demo exported and restored into an empty database on the other engine: the same records, ids, journal, settings and analytics; a second restore is refused", arguments: pairs)
    func roundTrip(from: Backend, to: Backend, format: Exporter.Format) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voronka-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withTestApp(from) { app in
            // setup: the demo, a channel merged away, a deleted company, a text a spreadsheet would run as a formula
            _ = try await DemoLoader.load(app.services, deals: 60, seed: 5, now: TestApp.today)
            let channels = try await app.services.store.all(.channel).map(LeadChannel.init(record:))
            let (phone, web) = (try #require(channels.first { $0.sourceKey == "phone" }), try #require(channels.first { $0.sourceKey == "web_form" }))
            _ = try await app.call(.PATCH, "/api/v1/channels/\(phone.id)", as: "admin", json: ["merged_into_id": .id(web.id)])
            let gone = try await app.call(.POST, "/api/v1/companies", as: "admin", json: ["name": "=HYPERLINK(\"x\")", "notes": "-5 days, +1"]).requireID()
            _ = try await app.call(.DELETE, "/api/v1/companies/\(gone)", as: "admin")
            let original = try await Self.contents(app.services.store)
            let dashboard = Metrics.dashboard(try await SnapshotReader.load(app.services.store).snapshot, asOf: TestApp.today, parallel: false)
            _ = try await Exporter.exportAll(to: folder, format: format, store: app.services.store)
            try await TestDatabase.withStore(to) { target in
                // action
                let result = try await ExportRestore.restore(try Self.files(folder), rawCells: false, into: target)
                let again = await #expect(throws: DomainError.self) { try await ExportRestore.restore(try Self.files(folder), rawCells: false, into: target) }
                // check
                #expect(result.written && result.users == original.filter { $0.hasPrefix("user ") }.count)
                let restored = try await Self.contents(target)
                #expect(restored.count == original.count)
                for (a, b) in zip(original, restored) where a != b {
                    Issue.record("differs:\n  \(a.prefix(300))\n  \(b.prefix(300))")
                    break
                }
                let after = Metrics.dashboard(try await SnapshotReader.load(target).snapshot, asOf: TestApp.today, parallel: false)
                #expect(after == dashboard, "the analytics are the same")
                let afterRefusal = try await Self.contents(target)
                #expect(again != nil && afterRefusal == restored, "a second restore is refused and changes nothing")
                // New records continue after the restored ids and journal numbers.
                let lastSeq = try await target.lastJournalSeq()
                let next = try await target.write(actor: nil, origin: "api") { tx in try await tx.insert(.product, Product(name: "After restore").record) }
                #expect((next.int("id") ?? 0) > (original.filter { $0.hasPrefix("product ") }.count).asInt64)
                let seqAfter = try await target.lastJournalSeq()
                #expect(seqAfter == lastSeq + 1)
            }
        }
    }

    @Test("An export with a bad value is refused with its file, line and column, and nothing is written", arguments: [Backend.sqlite])
    func badValue(backend: Backend) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voronka-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withTestApp(backend) { app in
            // setup: a deal's amount spoiled by hand
            _ = try await DemoLoader.load(app.services, deals: 10, seed: 5, now: TestApp.today)
            _ = try await Exporter.exportAll(to: folder, format: .csv, store: app.services.store)
            let path = (folder as NSString).appendingPathComponent("deals.csv")
            var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n")
            let header = lines[0].split(separator: ",").map(String.init)
            let amount = try #require(header.firstIndex(of: "amount"))
            var cells = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[amount] = "a lot"
            lines[2] = cells.joined(separator: ",")
            try lines.joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
            try await TestDatabase.withStore(backend) { target in
                // action
                var refusal: ExportRestore.Refusal?
                do { _ = try await ExportRestore.restore(try Self.files(folder), rawCells: false, into: target) } catch let r as ExportRestore.Refusal { refusal = r }
                // check
                #expect(refusal?.problems.contains { $0.file == "deals.csv" && $0.line == 3 && $0.column == "amount" } == true, "\(String(describing: refusal))")
                #expect(try await target.count(.deal, includeDeleted: true) == 0)
                #expect(try await target.count(.channel, includeDeleted: true) == LeadSource.allCases.count, "the seeded channels stay")
            }
        }
    }
}

private extension Int {
    var asInt64: Int64 { Int64(self) }
}
