import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

@Suite("Settings: pipelines and stages through the web forms")
struct WebSettingsPipelineTests {
    @Test("An admin adds a stage with probability, duration and gate; it is journaled and shows on the board", arguments: TestDatabase.backends)
    func addStage(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let pipeline = try await app.dealPipeline()
            let client = try await WebClient.onSettings(app, "pipelines")
            let seq = try await app.services.store.lastJournalSeq()
            // action
            let page = try await client.post("/settings/pipelines/\(pipeline.id)/stages", [
                "name": "Site survey", "name_ru": "Выезд на объект", "kind": "open", "position": "2", "probability": "35",
                "expected_days": "12", "requires_qualification": "true", "entry_rule": "A survey date is agreed",
            ])
            // check
            let stage = try #require(try await app.stages(of: pipeline.id).first { $0.name == "Site survey" })
            #expect(page.status == .seeOther)
            #expect(page.location == "/settings/pipelines?notice=added#stage-\(stage.id)")
            #expect(stage.nameRu == "Выезд на объект" && stage.probability == 35 && stage.expectedDays == 12)
            #expect(stage.requiresQualification && stage.entryRule == "A survey date is agreed" && stage.position == 2)
            let entries = try await app.journal(after: seq)
            #expect(entries.contains { $0.entity == .stage && $0.entityID == stage.id && $0.action == .create && $0.actorID == app.users["admin"] })
            let settings = try await client.get("/settings/pipelines?notice=added")
            #expect(settings.body.contains("<div class=\"banner\" role=\"status\"><p>Added.</p></div>"))
            let board = try await client.get("/pipelines/\(pipeline.id)")
            #expect(board.body.contains("Site survey") && board.body.contains("A survey date is agreed"))
        }
    }

    @Test("A stage moves up or down with one press: it trades places with its neighbour, the orders stay unique, both changes are journaled", arguments: TestDatabase.backends)
    func moveStage(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let pipeline = try await app.dealPipeline()
            let before = try await app.stages(of: pipeline.id).sorted { $0.position < $1.position }
            let second = before[1], third = before[2]
            let client = try await WebClient.onSettings(app, "pipelines")
            let seq = try await app.services.store.lastJournalSeq()
            // action
            let page = try await client.post("/settings/pipelines/\(pipeline.id)/stages/\(third.id)/move", ["direction": "up"])
            let afterUp = try await app.stages(of: pipeline.id).sorted { $0.position < $1.position }
            let top = try await client.post("/settings/pipelines/\(pipeline.id)/stages/\(before[0].id)/move", ["direction": "up"])
            let odd = try await client.post("/settings/pipelines/\(pipeline.id)/stages/\(second.id)/move", ["direction": "sideways"])
            let settings = try await client.get("/settings/pipelines")
            // check
            #expect(page.status == .seeOther)
            #expect(afterUp.map(\.id) == [before[0].id, third.id, second.id] + before.dropFirst(3).map(\.id))
            #expect(Set(afterUp.map(\.position)).count == afterUp.count)
            let entries = try await app.journal(after: seq).filter { $0.entity == .stage }
            #expect(Set(entries.map(\.entityID)) == [second.id, third.id])
            #expect(top.status == .seeOther, "the first stage moving up stays where it is")
            #expect(try await app.stages(of: pipeline.id).sorted { $0.position < $1.position }.map(\.id) == afterUp.map(\.id))
            #expect(odd.status == .unprocessableEntity)
            #expect(settings.body.contains("action=\"/settings/pipelines/\(pipeline.id)/stages/\(third.id)/move\""))
        }
    }

    @Test("Editing a stage changes its order, probability and gate; a missing checkbox clears the gate")
    func editStage() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let pipeline = try await app.dealPipeline()
            let stages = try await app.stages(of: pipeline.id)
            let qualified = stages[1]
            let client = try await WebClient.onSettings(app, "pipelines")
            // action: move "Qualified" after "Technical solution agreed", without the gate
            let page = try await client.post("/settings/pipelines/\(pipeline.id)/stages/\(qualified.id)", [
                "name": qualified.name, "name_ru": qualified.nameRu ?? "", "kind": "open", "position": "3", "probability": "15",
                "expected_days": "", "entry_rule": "",
            ])
            // check
            #expect(page.status == .seeOther && page.location == "/settings/pipelines?notice=saved#stage-\(qualified.id)")
            let after = try await app.stages(of: pipeline.id)
            let stored = try #require(after.first { $0.id == qualified.id })
            #expect(stored.probability == 15 && stored.position == 3 && stored.expectedDays == nil && !stored.requiresQualification)
            #expect(after.firstIndex { $0.id == qualified.id }! > after.firstIndex { $0.id == stages[2].id }!)
        }
    }

    @Test("A refused stage keeps what was typed, names each field and reason, and writes nothing", arguments: TestDatabase.backends)
    func refusedStage(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let pipeline = try await app.dealPipeline()
            let won = try #require(try await app.stages(of: pipeline.id).first { $0.kind == .won })
            let client = try await WebClient.onSettings(app, "pipelines")
            let seq = try await app.services.store.lastJournalSeq()
            let count = try await app.services.store.count(.stage)
            // action
            let new = try await client.post("/settings/pipelines/\(pipeline.id)/stages", [
                "name": "", "kind": "open", "position": "4", "probability": "150", "expected_days": "9", "entry_rule": "Typed <text>",
            ])
            let edit = try await client.post("/settings/pipelines/\(pipeline.id)/stages/\(won.id)", [
                "name": "Won", "kind": "won", "position": "5", "probability": "90",
            ])
            // check
            #expect(new.status == .unprocessableEntity && edit.status == .unprocessableEntity)
            let form = "new-stage-\(pipeline.id)"
            #expect(new.body.contains("id=\"\(form)-probability\" name=\"probability\" type=\"number\" value=\"150\""))
            #expect(new.body.contains("id=\"\(form)-expected-days\" name=\"expected_days\" type=\"number\" value=\"9\""))
            #expect(new.body.contains(">Typed &lt;text&gt;</textarea>"))
            #expect(new.body.contains("name=\"return_to\" value=\"/settings/pipelines\""), "the language switch returns to the section")
            #expect(new.body.contains("<p class=\"field-error\" id=\"\(form)-probability-error\">Probability, %: must be between 0 and 100</p>"))
            #expect(new.body.contains("<p class=\"field-error\" id=\"\(form)-name-error\">Name: is required and cannot be empty</p>"))
            #expect(edit.body.contains("id=\"stage-\(won.id)-probability-error\">Probability, %: a won stage has probability 100</p>"))
            #expect(try await app.services.store.lastJournalSeq() == seq)
            #expect(try await app.services.store.count(.stage) == count)
            #expect(try await app.stages(of: pipeline.id).first { $0.id == won.id }?.probability == 100)
        }
    }

    @Test("An admin adds a pipeline (placed last) and deactivates one; a stage of another pipeline is not found")
    func pipelines() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let pipeline = try await app.dealPipeline()
            let other = try #require(try await app.services.store.all(.pipeline).map(Pipeline.init(record:)).first { $0.id != pipeline.id })
            let stage = try await app.stages(of: other.id)[0]
            let client = try await WebClient.onSettings(app, "pipelines")
            // action
            let added = try await client.post("/settings/pipelines", ["name": "Service contracts", "name_ru": "Сервисные договоры", "kind": "deal"])
            let saved = try await client.post("/settings/pipelines/\(pipeline.id)", ["name": pipeline.name, "name_ru": pipeline.nameRu ?? ""])
            let foreign = try await client.post("/settings/pipelines/\(pipeline.id)/stages/\(stage.id)", ["name": "Moved", "kind": "open",
                                                                                                          "position": "1", "probability": "5"])
            // check
            let all = try await app.services.store.all(.pipeline).map(Pipeline.init(record:))
            let new = try #require(all.first { $0.name == "Service contracts" })
            #expect(added.status == .seeOther && added.location == "/settings/pipelines?notice=added#pipeline-\(new.id)")
            #expect(new.kind == .deal && new.nameRu == "Сервисные договоры" && new.position > all.filter { $0.id != new.id }.map(\.position).max()!)
            #expect(saved.status == .seeOther && all.first { $0.id == pipeline.id }?.active == false)
            #expect(foreign.status == .notFound)
            #expect(try await app.stages(of: other.id)[0].name == stage.name)
        }
    }
}
