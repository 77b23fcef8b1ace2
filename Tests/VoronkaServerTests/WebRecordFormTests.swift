import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// Creating and editing records in the browser, through the API's services and journal.
@Suite("Create and edit on the web")
struct WebRecordFormTests {
    @Test("A rep creates a company, edits it, adds a contact to a deal's buying centre with a role, and opens a deal from a board column by the company's name", arguments: TestDatabase.backends)
    func repCreates(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let client = try await WebClient.signedIn(app, as: "rep1")
            let stage = try #require(try await app.services.store.all(.stage).map(Stage.init(record:))
                .first { $0.pipelineID == 2 && $0.kind == .open })
            _ = try await client.get("/new/company")
            // action
            let created = try await client.post("/new/company", ["name": "ООО «Север-Литьё»", "tax_id": "7701234567", "industry": "Металлургия", "owner_id": String(app.users["rep1"]!)])
            let companyID = try #require(created.location.flatMap { Int64($0.split(separator: "/").last ?? "") })
            _ = try await client.get("/edit/company/\(companyID)")
            let edited = try await client.post("/edit/company/\(companyID)", ["name": "ООО «Север-Литьё»", "tax_id": "7701234567", "industry": "Литьё",
                                                                             "headcount": "120", "owner_id": String(app.users["rep1"]!)])
            _ = try await client.get("/new/deal?stage_id=\(stage.id)&pipeline_id=2&return_to=/pipelines/2")
            let refusedDeal = try await client.post("/new/deal", ["stage_id": String(stage.id), "pipeline_id": "2", "company_name": "север-литье",
                                                                  "title": "", "amount": "1 500 000"])
            let dealsAfterRefusal = try await app.services.store.count(.deal, query: ListQuery())
            let companiesAfterRefusal = try await app.services.store.count(.company, query: ListQuery())
            let deal = try await client.post("/new/deal", ["stage_id": String(stage.id), "pipeline_id": "2", "company_name": "ооо север-литье",
                                                          "title": "Отливки для Севера", "amount": "1 500 000", "return_to": "/pipelines/2"])
            let newCompanyDeal = try await client.post("/new/deal", ["stage_id": String(stage.id), "pipeline_id": "2", "company_name": "АО Новая",
                                                                    "title": "Первая сделка", "amount": "10"])
            let dealID = try #require(try await app.services.store.list(.deal, query: ListQuery.parse(["title": "Отливки для Севера"], fields: Deal.fields).get()).records.first?.int("id"))
            _ = try await client.get("/new/contact?deal_id=\(dealID)&return_to=/deals/\(dealID)")
            let contact = try await client.post("/new/contact", ["deal_id": String(dealID), "name": "Ольга Ким", "position": "Главный инженер",
                                                                "phone": "+7 900 111-22-33", "roles.technical": "true", "roles.user": "true",
                                                                "return_to": "/deals/\(dealID)"])
            // check
            #expect(created.status == .seeOther && edited.status == .seeOther)
            let company = Company(record: try #require(try await app.services.store.fetch(.company, companyID)))
            #expect(company.industry == "Литьё" && company.headcount == 120 && company.ownerID == app.users["rep1"])
            #expect(refusedDeal.status == .unprocessableEntity && refusedDeal.body.contains("record-title-error"))
            #expect(dealsAfterRefusal == 0 && companiesAfterRefusal == 1, "a refused deal leaves no company behind")
            #expect(deal.status == .seeOther && deal.location == "/pipelines/2")
            let stored = Deal(record: try #require(try await app.services.store.fetch(.deal, dealID)))
            #expect(stored.companyID == companyID && stored.amount == 150_000_000 && stored.stageID == stage.id)
            #expect(newCompanyDeal.status == .seeOther)
            #expect(try await app.services.store.count(.company, query: ListQuery()) == 2)
            #expect(contact.status == .seeOther && contact.location == "/deals/\(dealID)")
            let withContact = Deal(record: try #require(try await app.services.store.fetch(.deal, dealID)))
            let personID = try #require(withContact.contactIDs.first)
            let person = Contact(record: try #require(try await app.services.store.fetch(.contact, personID)))
            #expect(person.name == "Ольга Ким" && Set(person.roles) == [.technical, .user] && person.companyID == companyID)
            let journal = try await app.services.store.journal(of: .deal, dealID)
            #expect(journal.contains { $0.actorID == app.users["rep1"] && $0.changes.contains { $0.field == "contact_ids" } })
        }
    }

    @Test("The board filters by owner and grade, and a stage opens alone with pages that reach all its deals", arguments: TestDatabase.backends)
    func boardPaging(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: 60 deals of rep1 and 5 of rep2 in one stage
            let company1 = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": "A"]).requireID()
            let company2 = try await app.call(.POST, "/api/v1/companies", as: "rep2", json: ["name": "B"]).requireID()
            for i in 0..<60 { _ = try await app.call(.POST, "/api/v1/deals", as: "rep1", json: ["company_id": .id(company1), "title": .string("Deal \(i)")]) }
            for i in 0..<5 { _ = try await app.call(.POST, "/api/v1/deals", as: "rep2", json: ["company_id": .id(company2), "title": .string("Other \(i)")]) }
            let stageID = try #require(try await app.services.store.all(.deal).first?.int("stage_id"))
            let pipelineID = try #require(try await app.services.store.all(.deal).first?.int("pipeline_id"))
            let client = try await WebClient.signedIn(app, as: "manager")
            // action
            let board = try await client.get("/pipelines/\(pipelineID)")
            let filtered = try await client.get("/pipelines/\(pipelineID)?owner_id=\(app.users["rep2"]!)")
            var seen = Set<String>()
            var next: String? = "/pipelines/\(pipelineID)?stage=\(stageID)"
            while let url = next {
                let page = try await client.get(url)
                for part in page.body.components(separatedBy: "class=\"card-title\"").dropFirst() {
                    if let title = part.split(separator: ">", maxSplits: 1).last?.prefix(while: { $0 != "<" }) { seen.insert(String(title)) }
                }
                next = page.body.components(separatedBy: "<a href=\"").dropFirst().first { $0.contains("rel=\"next\"") }
                    .map { String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&") }
            }
            // check
            #expect(board.body.contains("/pipelines/\(pipelineID)?stage=\(stageID)"), "a column with more deals than cards links to all of them")
            #expect(filtered.body.components(separatedBy: "class=\"card-title\"").count - 1 == 5)
            #expect(filtered.body.contains("<p class=\"column-count\">5\u{00A0}deals</p>"))
            #expect(seen.count == 65)
        }
    }
}
