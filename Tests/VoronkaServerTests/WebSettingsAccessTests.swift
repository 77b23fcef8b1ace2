import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

@Suite("Settings forms keep the API's rules: admins only, errors in the user's language")
struct WebSettingsAccessTests {
    @Test("A rep and the head of sales get 403 on every settings form, and nothing is written")
    func nonAdmins() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let pipeline = try await app.dealPipeline()
            let rep = try await WebClient.signedIn(app, as: "rep1")
            let head = try await WebClient.signedIn(app, as: "head")
            _ = try await rep.get("/leads")
            _ = try await head.get("/leads")
            let seq = try await app.services.store.lastJournalSeq()
            // action
            let forms: [(String, [String: String])] = [
                ("/settings/pipelines", ["name": "Mine", "kind": "deal"]),
                ("/settings/pipelines/\(pipeline.id)/stages", ["name": "Mine", "kind": "open", "position": "1", "probability": "5"]),
                ("/settings/audience", ["field": "headcount", "operator": "greater", "value": "1"]),
                ("/settings/catalog", ["name": "Mine", "currency": "RUB", "active": "true"]),
                ("/settings/channels", ["name": "Mine", "channel_group": "paid", "active": "true"]),
                ("/settings/economics", ["monthly_costs": "1"]),
                ("/settings/users", ["name": "Me", "email": "me@example.com", "role": "admin", "password": "a long enough password"]),
                ("/settings/users/\(app.users["rep1"]!)", ["name": "Rep1", "email": "rep1@test.voronka.local", "role": "admin", "active": "true"]),
                ("/settings/users/\(app.users["rep1"]!)/password", [:]),
                ("/settings/tokens", ["name": "Mine", "user_id": String(app.users["admin"]!)]),
            ]
            var statuses: [HTTPResponseStatus] = []
            for (path, form) in forms {
                statuses.append(try await rep.post(path, form).status)
                statuses.append(try await head.post(path, form).status)
            }
            let page = try await rep.get("/settings/pipelines")
            // check
            #expect(statuses.allSatisfy { $0 == .forbidden }, "\(statuses)")
            #expect(page.status == .forbidden)
            #expect(try await app.services.store.lastJournalSeq() == seq)
        }
    }

    @Test("A Russian admin reads the reasons of a refused settings form in Russian; a Russian rep reads the deal form's in Russian")
    func russian() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            for user in ["admin", "rep1"] {
                _ = try await app.call(.PATCH, "/api/v1/me", as: user, json: ["locale": "ru"])
            }
            let pipeline = try await app.dealPipeline()
            let admin = try await WebClient.onSettings(app, "pipelines")
            let rep = try await WebClient.signedIn(app, as: "rep1")
            _ = try await rep.get("/deals/\(records.deal)")
            // action
            let stage = try await admin.post("/settings/pipelines/\(pipeline.id)/stages", ["name": "", "kind": "open", "position": "1",
                                                                                          "probability": "150"])
            _ = try await admin.get("/settings/economics")
            let economics = try await admin.post("/settings/economics", ["monthly_costs": "много"])
            let deal = try await rep.post("/deals/\(records.deal)", ["title": "Boiler", "amount": "lots", "currency": "RUB", "budget_status": "unknown"])
            // check
            #expect(stage.status == .unprocessableEntity)
            #expect(stage.body.contains(">Вероятность, %: допустимо значение от 0 до 100</p>"))
            #expect(stage.body.contains(">Имя: нужно заполнить, пустым быть не может</p>"))
            #expect(!stage.body.contains("must be between"))
            #expect(economics.body.contains(">Затраты отдела продаж в месяц, ₽: нужно число</p>"))
            #expect(deal.status == .unprocessableEntity && deal.body.contains("Сумма: нужна сумма (число)"))
            #expect(!deal.body.contains("must be an amount"))
        }
    }
}
