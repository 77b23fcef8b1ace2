import Foundation
import Vapor
import Testing
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

@Suite("Wrong input")
struct ValidationTests {
    @Test("Every create and update endpoint names the field of an unknown key, a wrong type and a malformed body", arguments: [Backend.sqlite])
    func everyWriteEndpoint(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "admin")
            let product = try await app.call(.POST, "/api/v1/products", json: ["name": "Pump"]).requireID()
            let attribute = try await app.call(.POST, "/api/v1/attribute_definitions", json: ["entity": "deal", "key": "k", "type": "text", "label": "K"]).requireID()
            let ids: [EntityKind: Int64] = [.company: records.company, .contact: records.contact, .lead: records.lead, .deal: records.deal,
                                            .activity: records.activity, .product: product, .pipeline: 2, .stage: 2, .attribute: attribute, .user: app.users["rep1"]!]
            let seq = try await app.services.store.lastJournalSeq()
            for kind in [EntityKind.company, .contact, .product, .lead, .deal, .activity, .pipeline, .stage, .attribute, .user] {
                for (method, path) in [(HTTPMethodName.POST, "/api/v1/\(kind.plural)"), (.PATCH, "/api/v1/\(kind.plural)/\(ids[kind]!)")] {
                    // action
                    let unknown = try await app.call(method.vapor, path, json: ["no_such_field": 1])
                    let malformed = try await app.call(method.vapor, path, raw: "{\"name\": ")
                    let notObject = try await app.call(method.vapor, path, raw: "[1, 2]")
                    // check
                    #expect(unknown.status == .unprocessableEntity, "\(method) \(path)")
                    #expect(unknown.errorFields.contains("no_such_field"), "\(method) \(path): \(unknown.text)")
                    #expect(malformed.status == .unprocessableEntity && malformed.errorFields == ["body"], "\(method) \(path)")
                    #expect(notObject.status == .unprocessableEntity && notObject.errorFields == ["body"], "\(method) \(path)")
                }
            }
            // check: nothing was written by any of them
            #expect(try await app.services.store.lastJournalSeq() == seq)
        }
    }

    @Test("Wrong types, ranges, enumerations and references name their fields", arguments: TestDatabase.backends)
    func fieldProblems(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let company = try await app.call(.POST, "/api/v1/companies", json: ["name": "Buyer"]).requireID()
            let cases: [(String, JSONValue, [String])] = [
                ("/api/v1/deals", ["title": "T", "company_id": .id(company), "amount": "a lot"], ["amount"]),
                ("/api/v1/deals", ["title": "T", "company_id": .id(company), "amount": 10.123], ["amount"]),
                ("/api/v1/deals", ["title": "T", "company_id": .id(company), "currency": "XYZ"], ["currency"]),
                ("/api/v1/deals", ["title": "T", "company_id": 999_999], ["company_id"]),
                ("/api/v1/deals", ["company_id": .id(company)], ["title"]),
                ("/api/v1/deals", ["title": "T", "company_id": .id(company), "probability_override": 150, "expected_close": "31.12.2026"], ["expected_close", "probability_override"]),
                ("/api/v1/deals", ["title": "T", "company_id": .id(company), "probability_override": 30], ["probability_reason"]),
                ("/api/v1/deals", ["title": "T", "company_id": .id(company), "pipeline_id": 2, "stage_id": 14], ["stage_id"]),
                ("/api/v1/deals", ["title": "T", "company_id": .id(company), "pipeline_id": 1], ["pipeline_id"]),
                ("/api/v1/contacts", ["company_id": .id(company), "name": "A", "email": "not-an-email", "roles": ["boss"]], ["email", "roles"]),
                ("/api/v1/leads", ["source": "pigeon", "request_text": "Need pumps"], ["source"]),
                ("/api/v1/leads", ["source": "referral", "request_text": "x"], ["referrer_company_id"]),
                ("/api/v1/activities", ["kind": "task", "subject": "Call back"], ["deal_id", "due_at"]),
                ("/api/v1/companies", ["name": "C", "custom": ["steam_tph": 5]], ["custom.steam_tph"]),
                ("/api/v1/users", ["name": "U", "email": "u@x.org", "role": "king"], ["role"]),
                ("/api/v1/users", ["name": "U", "email": "u@x.org", "role": "sales_rep", "password": "short"], ["password"]),
                ("/api/v1/stages", ["pipeline_id": 2, "name": "Won again", "kind": "won", "probability": 50], ["probability"]),
            ]
            for (path, body, fields) in cases {
                // action
                let reply = try await app.call(.POST, path, json: body)
                // check
                #expect(reply.status == .unprocessableEntity, "\(path) \(body.jsonText): \(reply.text)")
                #expect(reply.errorFields.sorted() == fields, "\(path) \(body.jsonText): \(reply.text)")
            }
        }
    }

    @Test("Duplicates answer 409 naming the field; bad ids 422 or 404", arguments: TestDatabase.backends)
    func conflictsAndIDs(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            _ = try await app.call(.POST, "/api/v1/companies", json: ["name": "A", "tax_id": "7707083893"])
            // action
            let duplicateTax = try await app.call(.POST, "/api/v1/companies", json: ["name": "B", "tax_id": "7707083893"])
            let duplicateEmail = try await app.call(.POST, "/api/v1/users", json: ["name": "R", "email": "REP1@test.voronka.local", "role": "sales_rep"])
            let badID = try await app.call(.GET, "/api/v1/deals/abc")
            let missing = try await app.call(.GET, "/api/v1/deals/424242")
            let badQuery = try await app.call(.GET, "/api/v1/deals?limit=0&sort=nonsense&amount_from=x")
            // check
            #expect(duplicateTax.status == .conflict && duplicateTax.errorFields == ["tax_id"])
            #expect(duplicateEmail.status == .conflict && duplicateEmail.errorFields == ["email"])
            #expect(badID.status == .unprocessableEntity && badID.errorFields == ["id"])
            #expect(missing.status == .notFound)
            #expect(badQuery.status == .unprocessableEntity)
            #expect(badQuery.errorFields.sorted() == ["amount_from", "limit", "sort"])
        }
    }
}

/// HTTP methods as the tests name them.
enum HTTPMethodName: String {
    case POST, PATCH
    var vapor: Vapor.HTTPMethod { self == .POST ? .POST : .PATCH }
}

@Suite("Empty activities")
struct EmptyActivityTests {
    @Test("An activity with neither subject nor text is refused naming the subject, through the API and the deal page; nothing is stored", arguments: TestDatabase.backends)
    func emptyActivity(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let client = try await WebClient.signedIn(app, as: "rep1")
            _ = try await client.get("/deals/\(records.deal)")
            let before = try await app.services.store.count(.activity, query: ListQuery())
            // action
            let api = try await app.call(.POST, "/api/v1/activities", as: "rep1", json: ["kind": "call", "deal_id": .id(records.deal), "subject": "  "])
            let web = try await client.post("/deals/\(records.deal)/activities", ["kind": "call", "subject": "", "body": " "])
            let after = try await app.services.store.count(.activity, query: ListQuery())
            // check
            #expect(api.status == .unprocessableEntity && api.text.contains("\"subject\""))
            #expect(web.status == .unprocessableEntity && web.body.contains("activity-subject-error"))
            #expect(after == before)
        }
    }
}

@Suite("Stage names and orders")
struct StageUniquenessTests {
    @Test("A stage name repeated in a pipeline (case and ё aside) is refused naming it; a stage put at a taken order is inserted there and the orders stay unique", arguments: TestDatabase.backends)
    func uniqueNamesAndOrders(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let stages = try await app.services.store.all(.stage).map(Stage.init(record:)).filter { $0.pipelineID == 2 }.sorted { $0.position < $1.position }
            let existing = try #require(stages.first)
            // action
            let duplicate = try await app.call(.POST, "/api/v1/stages", json: ["pipeline_id": 2, "name": .string(existing.name.uppercased()), "kind": "open", "probability": 10])
            let otherPipeline = try await app.call(.POST, "/api/v1/stages", json: ["pipeline_id": 3, "name": .string(existing.name), "kind": "open", "probability": 10])
            let inserted = try await app.call(.POST, "/api/v1/stages", json: ["pipeline_id": 2, "name": "Выезд на объект", "kind": "open", "probability": 30, "position": 1])
            let last = try await app.call(.POST, "/api/v1/stages", json: ["pipeline_id": 2, "name": "Без порядка", "kind": "open", "probability": 30])
            let moved = try await app.call(.PATCH, "/api/v1/stages/\(existing.id)", json: ["position": 3])
            // check
            #expect(duplicate.status == .conflict && duplicate.text.contains("\"name\""))
            #expect(otherPipeline.status == .created || otherPipeline.status == .ok)
            #expect(inserted.status == .created || inserted.status == .ok)
            #expect(moved.status == .ok)
            let after = try await app.services.store.all(.stage).map(Stage.init(record:)).filter { $0.pipelineID == 2 }
            #expect(Set(after.map(\.position)).count == after.count, "orders are unique: \(after.map { ($0.name, $0.position) })")
            let byOrder = after.sorted { $0.position < $1.position }.map(\.name)
            #expect(byOrder.firstIndex(of: existing.name) == 3)
            #expect(byOrder.last == "Без порядка" && (last.status == .created || last.status == .ok))
            #expect(byOrder.contains("Выезд на объект") && byOrder.count == stages.count + 2)
        }
    }

    @Test("Stages named alike, created at once, cannot both pass the check: one is created and the rest are refused", arguments: TestDatabase.backends)
    func concurrentNames(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let before = try await app.services.store.all(.stage).filter { $0.int("pipeline_id") == 2 }.count
            // action: eight requests race with the same name (case aside) and the same order
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<8 {
                    group.addTask {
                        try await app.call(.POST, "/api/v1/stages", json: ["pipeline_id": 2, "name": .string(i % 2 == 0 ? "Аудит" : "АУДИТ"),
                                                                           "kind": "open", "probability": 20, "position": 2]).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // check
            let after = try await app.services.store.all(.stage).map(Stage.init(record:)).filter { $0.pipelineID == 2 }
            #expect(statuses.filter { $0 == .created || $0 == .ok }.count == 1 && statuses.filter { $0 == .conflict }.count == 7)
            #expect(after.count == before + 1)
            #expect(Set(after.map(\.position)).count == after.count)
        }
    }
}
