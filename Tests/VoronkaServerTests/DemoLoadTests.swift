import Foundation
import Testing
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

/// The demo company's load: a large one builds its indexes at the end, and ends as a small one would.
@Suite("Demo load")
struct DemoLoadTests {
    @Test("A demo that builds its indexes after the load ends with the records, journal and indexes of one that keeps them",
          arguments: TestDatabase.backends)
    func indexesRebuilt(backend: Backend) async throws {
        // setup
        let tables = ["companies", "contacts", "leads", "deals", "activities", "journal"]
        func load(deferIndexesFrom: Int) async throws -> (records: [String], journal: Int, indexes: [[String]], before: [[String]]) {
            let app = try await TestApp.make(backend)
            do {
                let store = app.services.store
                var before: [[String]] = []
                for table in tables { before.append(try await store.indexNames(table)) }
                _ = try await DemoLoader.load(app.services, deals: 40, seed: 11, now: TestApp.today, deferIndexesFrom: deferIndexesFrom)
                var records: [String] = []
                for kind in [EntityKind.company, .contact, .lead, .deal, .activity] {
                    records += try await store.all(kind).map { "\(kind.rawValue) " + $0.jsonText(fields: kind.fields) }
                }
                var after: [[String]] = []
                for table in tables { after.append(try await store.indexNames(table)) }
                let journal = try await store.lastJournalSeq()
                await app.shutdown()
                return (records, Int(journal), after, before)
            } catch {
                await app.shutdown()
                throw error
            }
        }
        // action
        let kept = try await load(deferIndexesFrom: .max)
        let rebuilt = try await load(deferIndexesFrom: 1)
        // check
        #expect(!kept.records.isEmpty)
        #expect(rebuilt.records == kept.records)
        #expect(rebuilt.journal == kept.journal)
        #expect(rebuilt.indexes == rebuilt.before, "every index is back")
        #expect(rebuilt.indexes == kept.indexes)
    }

    @Test("Every demo lead is in its source's channel, so the channels dashboard has figures", arguments: [Backend.sqlite])
    func leadsHaveChannels(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // action
            _ = try await DemoLoader.load(app.services, deals: 40, seed: 11, now: TestApp.today)
            // check
            let channels = Dictionary(uniqueKeysWithValues: try await app.services.store.all(.channel).map(LeadChannel.init(record:)).map { ($0.id, $0) })
            let leads = try await app.services.store.all(.lead).map(Lead.init(record:))
            #expect(!leads.isEmpty)
            #expect(leads.allSatisfy { lead in lead.channelID.flatMap { channels[$0]?.sourceKey } == lead.source.rawValue })
        }
    }
}
