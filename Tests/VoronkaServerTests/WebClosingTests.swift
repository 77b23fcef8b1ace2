import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// Moving a deal to a lost stage asks why, to a postponed stage until when: from the board's move form (which drag
/// and drop submits too) and from the deal page, with the reason list an admin sets.
@Suite("Closing a deal as lost or postponed on the web")
struct WebClosingTests {
    func stages(_ app: TestApp, _ deal: Int64) async throws -> [Stage] {
        let record = Deal(record: try #require(try await app.services.store.fetch(.deal, deal)))
        return try await app.services.store.all(.stage).map(Stage.init(record:)).filter { $0.pipelineID == record.pipelineID }
    }

    @Test("A move to a lost stage without a reason leads to the question; an empty answer is refused there; a chosen reason with a note closes the deal", arguments: TestDatabase.backends)
    func lost(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let lost = try #require(try await stages(app, records.deal).first { $0.kind == .lost })
            let client = try await WebClient.signedIn(app, as: "rep1")
            let board = try await client.get("/pipelines/2")
            #expect(board.status == .ok)
            // action
            let asked = try await client.post("/deals/\(records.deal)/move", ["stage_id": String(lost.id)])
            let question = try await client.get(try #require(asked.location))
            let seq = try await app.services.store.lastJournalSeq()
            let empty = try await client.post("/deals/\(records.deal)/move", ["stage_id": String(lost.id), "closing": "1",
                                                                             "lost_reason_choice": "other", "lost_reason_note": " ",
                                                                             "return_to": "/deals/\(records.deal)"])
            let seqAfterRefusal = try await app.services.store.lastJournalSeq()
            let closed = try await client.post("/deals/\(records.deal)/move", ["stage_id": String(lost.id), "closing": "1",
                                                                              "lost_reason_choice": "Chose a competitor",
                                                                              "lost_reason_note": "ООО «Конкурент» дешевле на 12 %",
                                                                              "return_to": "/deals/\(records.deal)"])
            // check
            #expect(asked.status == .seeOther)
            #expect(asked.location?.hasPrefix("/deals/\(records.deal)/close?stage_id=\(lost.id)&return_to=") == true)
            #expect(question.status == .ok)
            #expect(question.body.contains("value=\"Chose a competitor\"") && question.body.contains("value=\"other\""))
            #expect(empty.status == .unprocessableEntity && seqAfterRefusal == seq)
            #expect(empty.body.contains("close-reason-error"))
            #expect(closed.status == .seeOther && closed.location == "/deals/\(records.deal)")
            let deal = Deal(record: try #require(try await app.services.store.fetch(.deal, records.deal)))
            #expect(deal.stageID == lost.id)
            #expect(deal.lostReason == "Chose a competitor: ООО «Конкурент» дешевле на 12 %")
        }
    }

    @Test("An admin's reasons replace the standard ones; a duplicate or empty entry is refused naming it", arguments: TestDatabase.backends)
    func adminReasons(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let lost = try #require(try await stages(app, records.deal).first { $0.kind == .lost })
            // action
            let duplicate = try await app.call(.PUT, "/api/v1/settings/lost_reasons", json: ["value": ["Цена", "цена"]])
            let empty = try await app.call(.PUT, "/api/v1/settings/lost_reasons", json: ["value": ["Цена", " "]])
            let saved = try await app.call(.PUT, "/api/v1/settings/lost_reasons", json: ["value": [" Дорого ", "Ушли к конкуренту"]])
            let client = try await WebClient.signedIn(app, as: "rep1")
            let question = try await client.get("/deals/\(records.deal)/close?stage_id=\(lost.id)")
            // check
            #expect(duplicate.status == .unprocessableEntity && duplicate.text.contains("value.1"))
            #expect(empty.status == .unprocessableEntity && empty.text.contains("value.1"))
            #expect(saved.status == .ok)
            #expect(question.body.contains("value=\"Дорого\"") && question.body.contains("value=\"Ушли к конкуренту\""))
            #expect(!question.body.contains("value=\"Chose a competitor\""))
        }
    }

    @Test("A move to a postponed stage from the deal page asks until when; a quick pick of 3 months sets the day three months ahead", arguments: TestDatabase.backends)
    func postponed(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let postponed = try #require(try await stages(app, records.deal).first { $0.kind == .postponed })
            let client = try await WebClient.signedIn(app, as: "rep1")
            let page = try await client.get("/deals/\(records.deal)")
            // action
            let asked = try await client.post("/deals/\(records.deal)/move", ["stage_id": String(postponed.id), "return_to": "/deals/\(records.deal)"])
            let question = try await client.get(try #require(asked.location))
            let moved = try await client.post("/deals/\(records.deal)/move", ["stage_id": String(postponed.id), "closing": "1",
                                                                             "postpone_months": "3", "return_to": "/deals/\(records.deal)"])
            // check
            #expect(page.body.contains("id=\"deal-move-stage\"") && page.body.contains("/deals/\(records.deal)/close?stage_id=\(postponed.id)"))
            #expect(question.body.contains("close-months-1") && question.body.contains("close-months-6") && question.body.contains("type=\"date\""))
            #expect(moved.status == .seeOther)
            let deal = Deal(record: try #require(try await app.services.store.fetch(.deal, records.deal)))
            let expected = Day(TestApp.today).adding(months: 3)
            #expect(deal.stageID == postponed.id && deal.postponedUntil == expected)
        }
    }
}
