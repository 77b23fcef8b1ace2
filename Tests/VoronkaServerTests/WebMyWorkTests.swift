import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// My work: a rep's open tasks and follow-ups, overdue first, done with one click; a manager sees the team's.
@Suite("My work")
struct WebMyWorkTests {
    @Test("A rep sees their open activities with a due time, the overdue first; done leaves the list and is journaled; a manager sees the team's", arguments: TestDatabase.backends)
    func myWork(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let mine = try await OwnedRecords.create(in: app, as: "rep1")
            let theirs = try await OwnedRecords.create(in: app, as: "rep2")
            func task(_ user: String, deal: Int64, _ subject: String, hours: Double) async throws -> Int64 {
                try await app.call(.POST, "/api/v1/activities", as: user, json: [
                    "kind": "task", "deal_id": .id(deal), "subject": .string(subject),
                    "due_at": .string(Timestamp.format(TestApp.today.addingTimeInterval(hours * 3600))),
                ]).requireID()
            }
            let later = try await task("rep1", deal: mine.deal, "Отправить КП", hours: 48)
            let overdue = try await task("rep1", deal: mine.deal, "Перезвонить главному инженеру", hours: -26)
            let foreign = try await task("rep2", deal: theirs.deal, "Чужая задача", hours: 5)
            let rep = try await WebClient.signedIn(app, as: "rep1")
            let manager = try await WebClient.signedIn(app, as: "manager")
            // action
            let page = try await rep.get("/my")
            let done = try await rep.post("/activities/\(overdue)/done", ["return_to": "/my"])
            let after = try await rep.get("/my")
            let team = try await manager.get("/my?scope=team")
            let others = try await rep.post("/activities/\(foreign)/done", ["return_to": "/my"])
            // check
            let first = page.body.range(of: "Перезвонить главному инженеру"), second = page.body.range(of: "Отправить КП")
            #expect(first != nil && second != nil && first!.lowerBound < second!.lowerBound, "the overdue one comes first")
            #expect(page.body.contains("Overdue: 1") && !page.body.contains("Чужая задача"))
            #expect(page.body.contains("<li class=\"work overdue\" id=\"activity-\(overdue)\">"))
            #expect(done.status == .seeOther && done.location == "/my")
            #expect(!after.body.contains("Перезвонить главному инженеру") && after.body.contains("Отправить КП"))
            let stored = try #require(try await app.services.store.fetch(.activity, overdue))
            #expect(stored.time("done_at") == TestApp.today)
            #expect(team.body.contains("Чужая задача") && team.body.contains("Отправить КП"))
            #expect([.notFound, .forbidden].contains(others.status), "a rep cannot close another rep's task")
            #expect(try await app.services.store.fetch(.activity, foreign)?.time("done_at") == nil)
            #expect(try await app.services.store.fetch(.activity, later)?.time("done_at") == nil)
        }
    }

    @Test("A task is rescheduled and reworded from My work and comes back there; an edit that empties it is refused; another rep's task cannot be opened", arguments: TestDatabase.backends)
    func editTask(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let mine = try await OwnedRecords.create(in: app, as: "rep1")
            let theirs = try await OwnedRecords.create(in: app, as: "rep2")
            let task = try await app.call(.POST, "/api/v1/activities", as: "rep1", json: [
                "kind": "task", "deal_id": .id(mine.deal), "subject": "Отправить КП",
                "due_at": .string(Timestamp.format(TestApp.today.addingTimeInterval(3600))),
            ]).requireID()
            let foreign = try await app.call(.POST, "/api/v1/activities", as: "rep2", json: [
                "kind": "task", "deal_id": .id(theirs.deal), "subject": "Чужая задача",
                "due_at": .string(Timestamp.format(TestApp.today.addingTimeInterval(3600))),
            ]).requireID()
            let rep = try await WebClient.signedIn(app, as: "rep1")
            let seq = try await app.services.store.lastJournalSeq()
            // action
            let list = try await rep.get("/my")
            let form = try await rep.get("/edit/activity/\(task)?return_to=%2Fmy")
            let saved = try await rep.post("/edit/activity/\(task)", ["kind": "task", "subject": "Отправить КП с ценами", "body": "",
                                                                    "due_at": "2030-03-05T10:30", "return_to": "/my"])
            _ = try await rep.get("/edit/activity/\(task)")
            let emptied = try await rep.post("/edit/activity/\(task)", ["kind": "task", "subject": "", "body": "", "due_at": ""])
            let other = try await rep.get("/edit/activity/\(foreign)")
            let dealPage = try await rep.get("/deals/\(mine.deal)")
            // check
            #expect(dealPage.body.contains("href=\"/edit/activity/\(task)\""), "the deal's timeline links each activity to its edit form")
            #expect(list.body.contains("href=\"/edit/activity/\(task)?return_to=%2Fmy\""))
            #expect(form.status == .ok && form.body.contains("type=\"datetime-local\"") && form.body.contains("value=\"Отправить КП\""))
            #expect(saved.status == .seeOther && saved.location == "/my")
            let stored = Activity(record: try #require(try await app.services.store.fetch(.activity, task)))
            #expect(stored.subject == "Отправить КП с ценами")
            #expect(stored.dueAt.map(Timestamp.format) == "2030-03-05T10:30:00Z", "the test client's offset is UTC")
            let entries = try await app.services.store.journal(of: .activity, task).filter { $0.seq > seq }
            #expect(entries.count == 1 && entries.first?.actorID == app.users["rep1"])
            #expect(emptied.status == .unprocessableEntity)
            #expect(Activity(record: try #require(try await app.services.store.fetch(.activity, task))).subject == "Отправить КП с ценами")
            #expect([.notFound, .forbidden].contains(other.status))
        }
    }
}
