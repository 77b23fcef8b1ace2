import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport
import VoronkaWeb

/// What a write or a page costs in statements, counted by the store's query log (in the manner of
/// SwiftPackageIndex-Server's query-cost tests): the counts must not grow with the data.
@Suite("Query cost")
struct QueryCostTests {
    @Test("A deal move reads its stage once and its pipeline once, and moves it", arguments: TestDatabase.backends)
    func moveReadsOnce(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let deal = Deal(record: try #require(try await app.services.store.fetch(.deal, records.deal)))
            let target = try #require(try await app.services.store.all(.stage).map(Stage.init(record:))
                .first { $0.pipelineID == deal.pipelineID && $0.kind == .postponed })
            // action
            app.services.store.queryLog.start()
            let reply = try await app.call(.POST, "/api/v1/deals/\(records.deal)/move", as: "rep1", json: ["stage_id": .id(target.id), "postponed_until": "2027-01-15"])
            let statements = app.services.store.queryLog.stop()
            // check
            #expect(reply.status == .ok && reply["stage_id"] == .number(Double(target.id)))
            #expect(QueryLog.reads(of: "stages", in: statements) == 1, "\(statements.joined(separator: "\n"))")
            #expect(QueryLog.reads(of: "pipelines", in: statements) == 1, "\(statements.joined(separator: "\n"))")
        }
    }

    @Test("The board page costs the same number of statements with 3 companies on it as with 23", arguments: TestDatabase.backends)
    func boardDoesNotGrow(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            func addDeals(_ n: Int, from start: Int) async throws {
                for i in start..<(start + n) {
                    let company = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": .string("Компания \(i)")]).requireID()
                    _ = try await app.call(.POST, "/api/v1/deals", as: "rep1", json: ["company_id": .id(company), "title": .string("Сделка \(i)"), "amount": 1000])
                }
            }
            try await addDeals(3, from: 0)
            let pipeline = try #require(try await app.services.store.all(.pipeline).map(Pipeline.init(record:)).first { $0.kind == .deal })
            let client = try await WebClient.signedIn(app, as: "rep1")
            // The fewest statements of three loads: a load may also sign the session in again (the sign-in cache keeps
            // an entry 10 s, and drops it when a session or user changes), which only ever adds statements.
            func boardCost() async throws -> (statements: [String], body: String) {
                var best: (statements: [String], body: String)?
                for _ in 0..<3 {
                    app.services.store.queryLog.start()
                    let page = try await client.get(SiteURL.pipeline(pipeline.id).path)
                    let statements = app.services.store.queryLog.stop()
                    #expect(page.status == .ok)
                    if best == nil || statements.count < best?.statements.count ?? 0 { best = (statements, page.body) }
                }
                return best ?? ([], "")
            }
            // action
            let few = try await boardCost()
            try await addDeals(20, from: 3)
            let many = try await boardCost()
            // check
            #expect(few.statements.count == many.statements.count, "few:\n\(few.statements.joined(separator: "\n"))\nmany:\n\(many.statements.joined(separator: "\n"))")
            #expect(QueryLog.reads(of: "companies", in: many.statements) == 1)
            #expect(QueryLog.reads(of: "deals", in: many.statements) <= 2, "the cards and the column totals")
            #expect(many.body.contains("Компания 22") && many.body.contains("Компания 0"), "every card names its company")
        }
    }
}
