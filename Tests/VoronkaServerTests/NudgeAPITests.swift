import Foundation
import Testing
import Vapor
import VoronkaAnalytics
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

/// Nudges through the API: stored once per key, listed by urgency, closed when the record is acted on, done,
/// snoozed and dismissed with their reasons, and evaluated by two servers on one database without doubles.
@Suite("Nudges through the API")
struct NudgeAPITests {
    typealias MovingTime = WebStalledTests.MovingTime

    /// Three deals of rep1 (amounts 1, 3 and 2 million) created 40 days before today in a stage that expects 10 days.
    static func seed(_ app: TestApp, _ time: MovingTime) async throws -> [Int64] {
        let stage = try #require(try await app.services.store.all(.stage).map(Stage.init(record:))
            .first { $0.pipelineID == 2 && $0.kind == .open && !$0.requiresQualification })
        _ = try await app.call(.PATCH, "/api/v1/stages/\(stage.id)", json: ["expected_days": 10])
        let company = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": "Теплоэнерго"]).requireID()
        var deals: [Int64] = []
        for (i, amount) in [1_000_000, 3_000_000, 2_000_000].enumerated() {
            deals.append(try await app.call(.POST, "/api/v1/deals", as: "rep1", json: [
                "company_id": .id(company), "title": .string("Котёл \(i)"), "pipeline_id": 2, "stage_id": .id(stage.id),
                "amount": .number(Double(amount)),
            ]).requireID())
        }
        time.set(TestApp.today)
        return deals
    }

    static func withMovingApp(_ backend: Backend, _ body: (TestApp, MovingTime) async throws -> Void) async throws {
        let time = MovingTime(TestApp.today.addingTimeInterval(-40 * 86_400))
        let app = try await TestApp.make(backend, clock: Clock { time.now })
        do { try await body(app, time) } catch {
            await app.shutdown()
            throw error
        }
        await app.shutdown()
    }

    @Test("Stalled deals nudge the owner, the manager and the head once each; a second evaluation adds nothing; the list is by amount and pages on", arguments: TestDatabase.backends)
    func storedOnce(backend: Backend) async throws {
        try await Self.withMovingApp(backend) { app, time in
            // setup
            let deals = try await Self.seed(app, time)
            // action
            let first = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            let second = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            let mine = try await app.call(.GET, "/api/v1/nudges?limit=2", as: "rep1")
            let next = try await app.call(.GET, "/api/v1/nudges?limit=2&after=\(mine.string("next_cursor") ?? "")", as: "rep1")
            let everyone = try await app.call(.GET, "/api/v1/nudges?user_id=all&limit=500", as: "head")
            let managers = try await app.call(.GET, "/api/v1/nudges", as: "manager")
            // check: 30 days past the limit: owner, manager (after 7) and head (after 14) for each of the 3 deals
            #expect(first.status == .ok && first["created"] == .number(9))
            #expect(second["created"] == .number(0) && second["resolved"] == .number(0))
            #expect(mine.items.map { $0.members?["entity_id"] } == [.id(deals[1]), .id(deals[2])], "the largest amount first")
            #expect(next.items.map { $0.members?["entity_id"] } == [.id(deals[0])] && next["next_cursor"] == .null)
            #expect(mine.items.first?.members?["reason"]?.members?["ru"].flatMap { if case .string(let s) = $0 { s } else { nil } }?.contains("предел — 10 дн.") == true)
            #expect(everyone.items.count == 9)
            #expect(managers.items.count == 3 && managers.items.allSatisfy { $0.members?["level"] == .number(1) })
            let journal = try await app.services.store.journal(after: 0, limit: 100_000).filter { $0.entity == .nudge }
            #expect(journal.filter { $0.action == .create }.count == 9)
        }
    }

    @Test("A call logged on the deal closes its nudges at once; a planned call and an unrelated edit do not", arguments: TestDatabase.backends)
    func closedByAction(backend: Backend) async throws {
        try await Self.withMovingApp(backend) { app, time in
            // setup
            let deals = try await Self.seed(app, time)
            _ = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            // action
            let call = try await app.call(.POST, "/api/v1/activities", as: "rep1", json: [
                "kind": "call", "deal_id": .id(deals[1]), "subject": "Позвонил главному инженеру",
            ])
            _ = try await app.call(.POST, "/api/v1/activities", as: "rep1", json: [
                "kind": "call", "deal_id": .id(deals[2]), "subject": "Позвонить завтра",
                "due_at": .string(Timestamp.format(TestApp.today.addingTimeInterval(86_400))),
            ])
            _ = try await app.call(.PATCH, "/api/v1/deals/\(deals[2])", as: "rep1", json: ["title": "Котёл, переименован"])
            let open = try await app.call(.GET, "/api/v1/nudges?user_id=all&limit=500", as: "head")
            let closed = try await app.call(.GET, "/api/v1/nudges?user_id=all&state=done&limit=500", as: "head")
            // check: a call logged without a due time took place now; a planned one and a renaming change nothing
            #expect(call.string("done_at") == Timestamp.format(TestApp.today))
            #expect(Set(open.items.compactMap { $0.members?["entity_id"] }) == [.id(deals[0]), .id(deals[2])])
            #expect(closed.items.count == 3)
            #expect(closed.items.allSatisfy { $0.members?["entity_id"] == .id(deals[1]) && $0.members?["note"] == .string("resolved") })
        }
    }

    @Test("Done, snooze and dismiss: journaled, checked (a snooze in the past, a dismissal without a reason: 422 naming the field), another rep refused; a snooze wakes when its time comes", arguments: TestDatabase.backends)
    func actions(backend: Backend) async throws {
        try await Self.withMovingApp(backend) { app, time in
            // setup
            _ = try await Self.seed(app, time)
            _ = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            let ids = try await app.call(.GET, "/api/v1/nudges", as: "rep1").items.compactMap { $0.members?["id"].flatMap(\.numberValue) }.map { Int64($0) }
            try #require(ids.count == 3)
            // action
            let past = try await app.call(.POST, "/api/v1/nudges/\(ids[0])/snooze", as: "rep1",
                                          json: ["until": .string(Timestamp.format(TestApp.today.addingTimeInterval(-60)))])
            let notADate = try await app.call(.POST, "/api/v1/nudges/\(ids[0])/snooze", as: "rep1", json: ["until": "tomorrow"])
            let snoozed = try await app.call(.POST, "/api/v1/nudges/\(ids[0])/snooze", as: "rep1",
                                             json: ["until": .string(Timestamp.format(TestApp.today.addingTimeInterval(86_400)))])
            let noReason = try await app.call(.POST, "/api/v1/nudges/\(ids[1])/dismiss", as: "rep1", json: ["reason": "  "])
            let foreign = try await app.call(.POST, "/api/v1/nudges/\(ids[1])/dismiss", as: "rep2", json: ["reason": "не моё"])
            let dismissed = try await app.call(.POST, "/api/v1/nudges/\(ids[1])/dismiss", as: "rep1", json: ["reason": "Клиент в отпуске до января"])
            let done = try await app.call(.POST, "/api/v1/nudges/\(ids[2])/done", as: "rep1")
            let again = try await app.call(.POST, "/api/v1/nudges/\(ids[2])/done", as: "rep1")
            let openNow = try await app.call(.GET, "/api/v1/nudges", as: "rep1")
            _ = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            let stillClosed = try await app.call(.GET, "/api/v1/nudges", as: "rep1")
            time.set(TestApp.today.addingTimeInterval(2 * 86_400))
            _ = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            let woke = try await app.call(.GET, "/api/v1/nudges", as: "rep1")
            // check
            #expect(past.status == .unprocessableEntity && past.errorFields == ["until"])
            #expect(notADate.status == .unprocessableEntity && notADate.errorFields == ["until"])
            #expect(snoozed.status == .ok && snoozed["state"] == .string("snoozed"))
            #expect(noReason.status == .unprocessableEntity && noReason.errorFields == ["reason"])
            #expect(foreign.status == .forbidden)
            #expect(dismissed["state"] == .string("dismissed") && dismissed["note"] == .string("Клиент в отпуске до января"))
            #expect(done["state"] == .string("done") && again.status == .conflict)
            #expect(openNow.items.isEmpty && stillClosed.items.isEmpty, "a dismissed or done nudge is not made again for its period")
            #expect(woke.items.compactMap { $0.members?["id"] } == [.id(ids[0])])
            let history = try await app.services.store.journal(of: .nudge, ids[1])
            #expect(history.last?.changes.contains { $0.field == "note" && $0.new == .text("Клиент в отпуске до января") } == true)
            #expect(history.last?.actorID == app.users["rep1"])
        }
    }

    @Test("Bad list parameters are refused naming each; a rep cannot list another's nudges", arguments: [Backend.sqlite])
    func badParameters(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            let bad = try await app.call(.GET, "/api/v1/nudges?state=later&limit=0&rule=x&after=zz&colour=red", as: "rep1")
            let foreign = try await app.call(.GET, "/api/v1/nudges?user_id=\(app.users["rep2"]!)", as: "rep1")
            let all = try await app.call(.GET, "/api/v1/nudges?user_id=all", as: "rep1")
            let evaluate = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "rep1")
            let missing = try await app.call(.GET, "/api/v1/nudges/999", as: "rep1")
            let setting = try await app.call(.PUT, "/api/v1/settings/nudges", json: ["value": ["stalled": ["manager_after_days": -1]]])
            #expect(bad.status == .unprocessableEntity && Set(bad.errorFields) == ["state", "limit", "rule", "after", "colour"])
            #expect(foreign.status == .forbidden && evaluate.status == .forbidden && missing.status == .notFound)
            #expect(all.status == .unprocessableEntity && all.errorFields == ["user_id"])
            #expect(setting.status == .unprocessableEntity && setting.errorFields == ["value.stalled.manager_after_days"])
        }
    }

    @Test("Two servers evaluating one PostgreSQL at once store every nudge exactly once", arguments: [Backend.postgres])
    func twoServers(backend: Backend) async throws {
        guard TestDatabase.backends.contains(backend) else { return }
        try await Self.withMovingApp(backend) { app, time in
            // setup: a second server's store, snapshot and rules on the same database
            _ = try await Self.seed(app, time)
            let other = try await SQLStore.open(app.services.configuration.store)
            let runner = NudgeRunner(store: other, analytics: AnalyticsEngine(store: other), clock: Clock { time.now })
            // action: both evaluate, four times each, at the same moments
            var created = 0
            for _ in 0..<4 {
                async let a = app.services.nudges.evaluate()
                async let b = runner.evaluate()
                created += try await a.created.count + b.created.count
            }
            await other.shutdown()
            // check
            let stored = try await app.call(.GET, "/api/v1/nudges?user_id=all&limit=500", as: "head").items.count
            let journaled = try await app.services.store.journal(after: 0, limit: 100_000).filter { $0.entity == .nudge && $0.action == .create }
            #expect(created == 9 && stored == 9 && journaled.count == 9)
        }
    }
}

@Suite("The qualification rule")
struct QualificationNudgeTests {
    @Test("A deal past the first meeting without qualification nudges its owner; graded alone it still does; with the decision maker among its contacts the nudge closes at once", arguments: TestDatabase.backends)
    func unqualified(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: stage 8 lies past the first meeting; written directly, as an import would
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            try await app.services.store.write(actor: nil) { tx in
                guard let old = try await tx.fetch(.deal, records.deal, forUpdate: true) else { return }
                var moved = old
                moved["stage_id"] = .int(8)
                try await tx.update(.deal, from: old, to: moved)
            }
            // action
            _ = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            let before = try await app.call(.GET, "/api/v1/nudges?rule=qualification", as: "rep1")
            let director = try await app.call(.POST, "/api/v1/contacts", as: "rep1", json: [
                "company_id": .id(records.company), "name": "Пётр Иванов", "position": "Генеральный директор", "roles": ["decision_maker", "economic_buyer"],
            ]).requireID()
            let half = try await app.call(.PATCH, "/api/v1/deals/\(records.deal)", as: "rep1", json: [
                "need_described": true, "need_text": "Котёл на 10 МВт", "budget_status": "allocated", "budget_amount": 2_000_000,
            ])
            let partly = try await app.call(.GET, "/api/v1/nudges?rule=qualification", as: "rep1")
            _ = try await app.call(.PATCH, "/api/v1/deals/\(records.deal)", as: "rep1", json: [
                "deadline": "2026-12-01", "contact_ids": [.id(records.contact), .id(director)],
            ])
            let after = try await app.call(.GET, "/api/v1/nudges?rule=qualification", as: "rep1")
            let closed = try await app.call(.GET, "/api/v1/nudges?rule=qualification&state=done", as: "rep1")
            // check: graded but no decision maker yet is still unqualified; with the director among the contacts it is
            #expect(before.items.count == 1, "\(before.text)")
            #expect(half.status == .ok && partly.items.count == 1)
            #expect(after.items.isEmpty, "the nudge closed once the deal was qualified")
            #expect(closed.items.count >= 1)
        }
    }
}

@Suite("Claiming a lead nobody owns")
struct LeadClaimTests {
    @Test("An unanswered lead nobody owns nudges every rep; of two claims at once one wins and the other is told who; the others' nudges close", arguments: TestDatabase.backends)
    func firstTakesIt(backend: Backend) async throws {
        try await NudgeAPITests.withMovingApp(backend) { app, time in
            // setup: a lead written by an admin with no owner, five hours ago
            time.set(TestApp.today.addingTimeInterval(-5 * 3600))
            let lead = try await app.call(.POST, "/api/v1/leads", as: "admin", json: [
                "company_name": "Северсталь-Энерго", "request_text": "Нужен котёл", "source": "phone", "owner_id": .null,
            ]).requireID()
            time.set(TestApp.today)
            _ = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            let rep1Before = try await app.call(.GET, "/api/v1/nudges?rule=lead_response", as: "rep1")
            let rep2Before = try await app.call(.GET, "/api/v1/nudges?rule=lead_response", as: "rep2")
            // action: both take it at once
            async let a = app.call(.POST, "/api/v1/leads/\(lead)/claim", as: "rep1")
            async let b = app.call(.POST, "/api/v1/leads/\(lead)/claim", as: "rep2")
            let (first, second) = try await (a, b)
            let stored = try #require(try await app.services.store.fetch(.lead, lead))
            let winner = first.status == .ok ? "rep1" : "rep2"
            let loser = winner == "rep1" ? "rep2" : "rep1"
            let winnerAfter = try await app.call(.GET, "/api/v1/nudges?rule=lead_response", as: winner)
            let loserAfter = try await app.call(.GET, "/api/v1/nudges?rule=lead_response", as: loser)
            let again = try await app.call(.POST, "/api/v1/leads/\(lead)/claim", as: loser)
            // check
            #expect(rep1Before.items.count == 1 && rep2Before.items.count == 1, "every rep is nudged")
            #expect(Set([first.status, second.status]) == [.ok, .conflict])
            #expect(stored.int("owner_id") == app.users[winner])
            #expect((first.status == .conflict ? first : second).errorFields == ["owner_id"])
            #expect(winnerAfter.items.count == 1 && loserAfter.items.isEmpty, "the others' nudges closed")
            #expect(again.status == .conflict)
        }
    }
}

private extension JSONValue {
    var members: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
    var numberValue: Double? { if case .number(let n) = self { n } else { nil } }
}
