import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// The bell and the nudges page: a rep sees the count, opens the list, acts; the deal page says what the rules see.
@Suite("Nudges on the web")
struct WebNudgeTests {
    @Test("A rep in Russian sees the bell's count, the list by amount, and the deal's nudge on its page; done, snooze and dismiss from the list; a dismissal without a reason is refused on the page", arguments: TestDatabase.backends)
    func repWorksTheList(backend: Backend) async throws {
        try await NudgeAPITests.withMovingApp(backend) { app, time in
            // setup
            let deals = try await NudgeAPITests.seed(app, time)
            _ = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            let rep = try await WebClient.signedIn(app, as: "rep1")
            _ = try await rep.get("/nudges")
            _ = try await rep.post("/language", ["language": "ru", "return_to": "/nudges"])
            let ids = try await app.call(.GET, "/api/v1/nudges", as: "rep1").items.compactMap { v -> Int64? in
                if case .object(let o) = v, case .number(let n)? = o["id"] { Int64(n) } else { nil }
            }
            try #require(ids.count == 3)
            // action
            let list = try await rep.get("/nudges")
            let dealPage = try await rep.get("/deals/\(deals[1])")
            let refused = try await rep.post("/nudges/\(ids[0])/dismiss", ["reason": " ", "return_to": "/nudges"])
            let done = try await rep.post("/nudges/\(ids[0])/done", ["return_to": "/nudges"])
            let snoozed = try await rep.post("/nudges/\(ids[1])/snooze", ["hours": "24", "return_to": "/nudges"])
            let badHours = try await rep.post("/nudges/\(ids[2])/snooze", ["hours": "-5", "return_to": "/nudges"])
            let dismissed = try await rep.post("/nudges/\(ids[2])/dismiss", ["reason": "Клиент сам позвонит", "return_to": "/nudges"])
            let after = try await rep.get("/nudges")
            let closedTab = try await rep.get("/nudges?state=closed")
            let snoozedTab = try await rep.get("/nudges?state=snoozed")
            // check
            #expect(list.body.contains("aria-label=\"Напоминания: открытых 3\"") && list.body.contains("<span class=\"bell-count\" aria-hidden=\"true\">3</span>"))
            let big = list.body.range(of: "Котёл 1"), small = list.body.range(of: "Котёл 0")
            #expect(big != nil && small != nil && big!.lowerBound < small!.lowerBound, "the largest amount first")
            #expect(list.body.contains("Сделка застряла") && list.body.contains("предел — 10 дн."))
            #expect(dealPage.body.contains("id=\"record-nudges\"") && dealPage.body.contains("Требует внимания"))
            #expect(refused.status == .unprocessableEntity && refused.body.contains("role=\"alert\"") && refused.body.contains("Почему действие не нужно"))
            #expect(done.status == .seeOther && snoozed.status == .seeOther && dismissed.status == .seeOther)
            #expect(badHours.status == .unprocessableEntity)
            #expect(after.body.contains("Здесь пусто") && after.body.contains("class=\"bell\"") && !after.body.contains("bell-count"))
            #expect(closedTab.body.contains("Отклонено: Клиент сам позвонит") && closedTab.body.contains("Отмечено как сделанное."))
            #expect(snoozedTab.body.contains("Отложено до"))
        }
    }

    @Test("A manager's team tab lists the team's escalations with whose they are; a rep has no team tab and cannot act on another's nudge", arguments: [Backend.sqlite])
    func managerTeam(backend: Backend) async throws {
        try await NudgeAPITests.withMovingApp(backend) { app, time in
            // setup
            _ = try await NudgeAPITests.seed(app, time)
            _ = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            let manager = try await WebClient.signedIn(app, as: "manager")
            let rep2 = try await WebClient.signedIn(app, as: "rep2")
            _ = try await rep2.get("/nudges")
            let repNudge = try await app.call(.GET, "/api/v1/nudges", as: "rep1").items.first
            guard case .object(let o)? = repNudge, case .number(let n)? = o["id"] else { Issue.record("no nudge"); return }
            // action
            let team = try await manager.get("/nudges?scope=team")
            let own = try await rep2.get("/nudges")
            let foreign = try await rep2.post("/nudges/\(Int64(n))/done", ["return_to": "/nudges"])
            // check: the manager's own (level 1) and rep1's (level 0) three each
            #expect(team.body.components(separatedBy: "class=\"work nudge").count - 1 == 6)
            #expect(team.body.contains("Rep1") && team.body.contains("Escalated"))
            #expect(!own.body.contains("scope=team"))
            #expect(foreign.status == .forbidden)
            #expect(try await app.call(.GET, "/api/v1/nudges", as: "rep1").items.count == 3)
        }
    }
}
