import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

@Suite("Web pages keep the API's role rules")
struct WebAccessTests {
    @Test("A rep never sees another rep's deal: not its page, nor on the board, in the inbox or in search", arguments: TestDatabase.backends)
    func repIsolation(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let mine = try await OwnedRecords.create(in: app, as: "rep1")
            let theirs = try await OwnedRecords.create(in: app, as: "rep2")
            let rep1 = try await WebClient.signedIn(app, as: "rep1")
            let manager = try await WebClient.signedIn(app, as: "manager")
            let pipeline = try #require(try await app.services.store.fetch(.deal, mine.deal)?.int("pipeline_id"))
            // MUT
            let ownDeal = try await rep1.get("/deals/\(mine.deal)")
            let otherDeal = try await rep1.get("/deals/\(theirs.deal)")
            let otherCompany = try await rep1.get("/companies/\(theirs.company)")
            let board = try await rep1.get("/pipelines/\(pipeline)")
            let inbox = try await rep1.get("/leads")
            let search = try await rep1.get("/companies?q=Boiler")
            let managerBoard = try await manager.get("/pipelines/\(pipeline)")
            let move = try await rep1.post("/deals/\(theirs.deal)/move", ["stage_id": "7"])
            // validation
            #expect(ownDeal.status == .ok && ownDeal.body.contains("Boiler for rep1"))
            #expect([.notFound, .forbidden].contains(otherDeal.status))
            #expect(!otherDeal.body.contains("Boiler for rep2"))
            #expect([.notFound, .forbidden].contains(otherCompany.status))
            #expect(board.status == .ok && board.body.contains("deal-card-\(mine.deal)"))
            #expect(!board.body.contains("deal-card-\(theirs.deal)") && !board.body.contains("Boiler for rep2"))
            #expect(inbox.body.contains("id=\"lead-\(mine.lead)\"") && !inbox.body.contains("id=\"lead-\(theirs.lead)\""))
            #expect(search.body.contains("Boiler for rep1") && !search.body.contains("Boiler for rep2"))
            #expect(!search.body.contains("Owned by rep2"))
            #expect(managerBoard.body.contains("deal-card-\(theirs.deal)"), "the manager of both reps sees both")
            #expect([.notFound, .forbidden].contains(move.status))
            #expect(try await app.services.store.fetch(.deal, theirs.deal)?.int("stage_id") != 7)
        }
    }

    @Test("The board's column totals count only the deals the viewer may see")
    func boardTotals() async throws {
        try await withTestApp(.sqlite) { app in
            // setup: rep1 1 500 000, rep2 1 500 000, both in the first stage
            let mine = try await OwnedRecords.create(in: app, as: "rep1")
            _ = try await OwnedRecords.create(in: app, as: "rep2")
            let pipeline = try #require(try await app.services.store.fetch(.deal, mine.deal)?.int("pipeline_id"))
            let rep1 = try await WebClient.signedIn(app, as: "rep1")
            let head = try await WebClient.signedIn(app, as: "head")
            // MUT
            let own = try await rep1.get("/pipelines/\(pipeline)")
            let all = try await head.get("/pipelines/\(pipeline)")
            // validation
            #expect(own.body.contains("1,500,000\u{00A0}RUB") && !own.body.contains("3,000,000\u{00A0}RUB"))
            #expect(all.body.contains("3,000,000\u{00A0}RUB"))
        }
    }

    @Test("Settings are for admins: a rep and the head of sales are refused, the admin sees the users")
    func settingsAdminsOnly() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let rep = try await WebClient.signedIn(app, as: "rep1")
            let head = try await WebClient.signedIn(app, as: "head")
            let admin = try await WebClient.signedIn(app, as: "admin")
            // MUT
            let repPage = try await rep.get("/settings/users")
            let headPage = try await head.get("/settings/users")
            let adminPage = try await admin.get("/settings/users")
            // validation
            #expect(repPage.status == .forbidden && !repPage.body.contains("rep2@test.voronka.local"))
            #expect(headPage.status == .forbidden)
            #expect(adminPage.status == .ok && adminPage.body.contains("rep2@test.voronka.local"))
        }
    }
}

@Suite("Unknown addresses")
struct UnknownAddressTests {
    @Test("An unknown address outside the API is an HTML 404 page; inside the API a JSON 404")
    func notFoundPage() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let client = try await WebClient.signedIn(app, as: "rep1")
            // action
            let page = try await client.get("/no-such-page")
            let api = try await app.call(.GET, "/api/v1/no-such-thing")
            // check
            #expect(page.status == .notFound)
            #expect(page.headers.contentType?.subType == "html" && page.body.contains("<h1>Not found</h1>"))
            #expect(api.status == .notFound && api.headers.contentType == .json)
        }
    }
}
