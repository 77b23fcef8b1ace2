import Foundation
import Testing
import VoronkaAnalytics
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

@Suite("Analytics snapshot read from columns")
struct SnapshotReaderTests {
    @Test("The column read and the replay of the whole journal give the same dashboards", arguments: TestDatabase.backends)
    func sameAsReplay(backend: Backend) async throws {
        let app = try await TestApp.make(backend)
        do {
            // setup: the demo company, then a deleted deal and a deleted lead (the column read leaves them out, the replay
            // marks them deleted)
            let store = app.services.store
            _ = try await DemoLoader.load(app.services, deals: 150, seed: 7, now: TestApp.today)
            let dealID = try await firstID(store, .deal), leadID = try await firstID(store, .lead)
            try await store.write(actor: nil, at: TestApp.today) { tx in
                try await tx.softDelete(.deal, try await tx.fetch(.deal, dealID)!)
                try await tx.softDelete(.lead, try await tx.fetch(.lead, leadID)!)
            }
            // MUT
            let read = try await SnapshotReader.load(store).snapshot
            let replayed = try await SnapshotReader.replay(store).snapshot
            // validation
            #expect(read.lastSeq == replayed.lastSeq)
            // The replay keeps the deleted deal's visits (marked deleted); the column read never sees them.
            #expect(read.counts.leads == replayed.counts.leads && read.counts.deals == replayed.counts.deals)
            #expect(read.counts.deals == 149)
            let owner = try await store.list(.deal, query: ListQuery()).records.compactMap { $0.int("owner_id") }.first
            let filters = [AnalyticsFilter.all, AnalyticsFilter(ownerID: owner), AnalyticsFilter(sources: [.referral, .webForm]),
                           AnalyticsFilter(from: TestApp.today.addingTimeInterval(-400 * 86_400))]
            for filter in filters {
                for days in [0.0, -90, -365] {
                    let asOf = TestApp.today.addingTimeInterval(days * 86_400)
                    let a = Metrics.dashboard(read, filter, asOf: asOf), b = Metrics.dashboard(replayed, filter, asOf: asOf)
                    #expect(a == b, "filter \(filter), as of \(asOf)")
                    if a != b { report(a, b) }
                }
            }
        } catch {
            await app.shutdown()
            throw error
        }
        await app.shutdown()
    }

    func firstID(_ store: SQLStore, _ kind: EntityKind) async throws -> Int64 {
        var query = ListQuery()
        query.limit = 1
        return try await store.list(kind, query: query).records.first!.int("id")!
    }

    /// Names the parts of two dashboards that differ, to make a failure readable.
    func report(_ a: Dashboard, _ b: Dashboard) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let x = try? JSONSerialization.jsonObject(with: encoder.encode(a)) as? [String: Any],
              let y = try? JSONSerialization.jsonObject(with: encoder.encode(b)) as? [String: Any] else { return }
        func text(_ v: Any?) -> String {
            guard let v, let data = try? JSONSerialization.data(withJSONObject: [v], options: .sortedKeys) else { return "nil" }
            return String(decoding: data, as: UTF8.self)
        }
        for key in x.keys.sorted() where text(x[key]) != text(y[key]) {
            Issue.record("\(key) differs:\n\(text(x[key]).prefix(1500))\n---\n\(text(y[key]).prefix(1500))")
        }
    }
}
