import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

@Suite("Deals through the pipeline")
struct DealFlowTests {
    @Test("Moving a deal journals each stage; history derives the visits; closing sets closed_at", arguments: TestDatabase.backends)
    func moveAndHistory(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let stages = try await app.call(.GET, "/api/v1/stages?pipeline_id=2&sort=position", as: "rep1").items
            func stageID(_ i: Int) -> Int64 { if case .object(let o) = stages[i], case .number(let n)? = o["id"] { Int64(n) } else { 0 } }
            // action
            let toPostponed = try await app.call(.POST, "/api/v1/deals/\(records.deal)/move", as: "rep1", json: ["stage_id": .id(stageID(7)), "postponed_until": "2027-01-15"])
            let lostWithoutReason = try await app.call(.POST, "/api/v1/deals/\(records.deal)/move", as: "rep1", json: ["stage_id": .id(stageID(6))])
            let lost = try await app.call(.POST, "/api/v1/deals/\(records.deal)/move", as: "rep1", json: ["stage_id": .id(stageID(6)), "lost_reason": "price"])
            let history = try await app.call(.GET, "/api/v1/deals/\(records.deal)/history", as: "rep1")
            // check
            #expect(toPostponed.status == .ok)
            #expect(toPostponed.string("postponed_until") == "2027-01-15")
            #expect(lostWithoutReason.status == .unprocessableEntity && lostWithoutReason.errorFields == ["lost_reason"])
            #expect(lost.status == .ok)
            #expect(lost["closed_at"] != .null && lost["closed_at"] != nil)
            guard case .array(let visits)? = history["stages"], case .array(let entries)? = history["entries"] else { Issue.record("no history"); return }
            #expect(visits.count == 3)
            #expect(entries.compactMap { $0.string("action") } == ["create", "stage", "stage"])
        }
    }

    @Test("A move to a stage of another kind of pipeline is refused and changes nothing", arguments: TestDatabase.backends)
    func wrongPipeline(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let seq = try await app.services.store.lastJournalSeq()
            // action: stage 1 is the lead funnel's "New"
            let reply = try await app.call(.POST, "/api/v1/deals/\(records.deal)/move", as: "rep1", json: ["stage_id": 1])
            let unknownStage = try await app.call(.POST, "/api/v1/deals/\(records.deal)/move", as: "rep1", json: ["stage_id": 9999, "pipeline_id": 2])
            // check
            #expect(reply.status == .unprocessableEntity && reply.errorFields == ["pipeline_id"])
            #expect(unknownStage.status == .unprocessableEntity && unknownStage.errorFields == ["stage_id"])
            #expect(try await app.services.store.lastJournalSeq() == seq)
        }
    }

    @Test("Lists page with a cursor through the API", arguments: [Backend.sqlite])
    func apiPaging(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            for i in 0..<7 { _ = try await app.call(.POST, "/api/v1/companies", json: ["name": .string("P\(i)")]) }
            // action
            let first = try await app.call(.GET, "/api/v1/companies?limit=5&sort=-name")
            let cursor = first["next_cursor"].flatMap { if case .string(let s) = $0 { s } else { nil } }
            let second = try await app.call(.GET, "/api/v1/companies?limit=5&sort=-name&cursor=\(cursor ?? "")")
            // check
            #expect(first.items.count == 5)
            #expect(second.items.count == 2)
            #expect(second["next_cursor"] == .null)
            #expect((first.items + second.items).compactMap { $0.string("name") } == (0..<7).reversed().map { "P\($0)" })
        }
    }
}

@Suite("Accounts")
struct AccountTests {
    @Test("A user created by the admin signs in with the one-time password, changes it, and signs out", arguments: [Backend.sqlite])
    func loginFlow(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let created = try await app.call(.POST, "/api/v1/users", json: ["name": "Olga", "email": "olga@test.voronka.local", "role": "sales_rep"])
            let password = created["one_time_password"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
            // action
            let wrong = try await app.call(.POST, "/api/v1/auth/login", as: nil, json: ["email": "olga@test.voronka.local", "password": "wrong password"])
            let login = try await app.call(.POST, "/api/v1/auth/login", as: nil, json: ["email": "Olga@test.voronka.local", "password": .string(password)])
            let token = login["token"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
            let me = try await app.call(.GET, "/api/v1/me", as: token)
            let change = try await app.call(.PATCH, "/api/v1/me", as: token, json: ["password": "a new long password", "current_password": .string(password), "locale": "ru"])
            let oldAgain = try await app.call(.POST, "/api/v1/auth/login", as: nil, json: ["email": "olga@test.voronka.local", "password": .string(password)])
            _ = try await app.call(.POST, "/api/v1/auth/logout", as: token)
            let afterLogout = try await app.call(.GET, "/api/v1/me", as: token)
            // check
            #expect(created.status == .created && password.count == 20)
            #expect(created["password_hash"] == nil)
            #expect(wrong.status == .unauthorized)
            #expect(login.status == .ok)
            #expect(me.string("email") == "olga@test.voronka.local")
            #expect(change.status == .ok && change.string("locale") == "ru")
            #expect(oldAgain.status == .unauthorized)
            #expect(afterLogout.status == .unauthorized)
        }
    }

    @Test("API tokens are shown once, listed without secrets, and revocable", arguments: [Backend.sqlite])
    func tokens(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // action
            let created = try await app.call(.POST, "/api/v1/tokens", as: "rep1", json: ["name": "1C sync"])
            let secret = created.string("token") ?? ""
            let works = try await app.call(.GET, "/api/v1/deals", as: secret)
            let listed = try await app.call(.GET, "/api/v1/tokens", as: "rep1")
            let revoke = try await app.call(.DELETE, "/api/v1/tokens/\(created.id ?? 0)", as: "rep1")
            let after = try await app.call(.GET, "/api/v1/deals", as: secret)
            let noName = try await app.call(.POST, "/api/v1/tokens", as: "rep1", json: ["expires_in_days": 0])
            // check
            #expect(created.status == .created && secret.hasPrefix("vk_"))
            #expect(works.status == .ok)
            #expect(!listed.text.contains(secret))
            #expect(revoke.status == .noContent)
            #expect(after.status == .unauthorized)
            #expect(noName.status == .unprocessableEntity && noName.errorFields == ["name"])
        }
    }
}
