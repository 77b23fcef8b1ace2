import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

/// The weekly review: made on Monday morning in the company's time zone for heads of sales and managers, kept, ranked
/// with a reason per item; readable on the web in Russian and through the API; refused to a rep.
@Suite("Weekly review")
struct WeeklyReviewTests {
    @Test("On Monday at 07:00 Moscow time the head's and the manager's reviews are made once; the head's lists the stalled deals by amount with their reasons; a rep is refused", arguments: TestDatabase.backends)
    func madeOnMonday(backend: Backend) async throws {
        try await NudgeAPITests.withMovingApp(backend) { app, time in
            // setup: three stalled deals of rep1; the company in Moscow; Monday 2026-09-21 06:30 and 07:30 Moscow time
            let deals = try await NudgeAPITests.seed(app, time)
            _ = try await app.call(.PUT, "/api/v1/settings/time_zone", json: ["value": "Europe/Moscow"])
            _ = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            let monday = try #require(Day("2026-09-21"))
            time.set(monday.startDate.addingTimeInterval(3.5 * 3600))    // 06:30 in Moscow (UTC+3)
            let early = try await WeeklyReviewsProbe.makeDue(app)
            time.set(monday.startDate.addingTimeInterval(4.5 * 3600))    // 07:30
            // action
            let made = try await WeeklyReviewsProbe.makeDue(app)
            let again = try await WeeklyReviewsProbe.makeDue(app)
            let head = try await app.call(.GET, "/api/v1/reviews/weekly", as: "head")
            let rep = try await app.call(.GET, "/api/v1/reviews/weekly", as: "rep1")
            let bad = try await app.call(.GET, "/api/v1/reviews/weekly?week=monday", as: "head")
            // check: head, manager (rep1 and rep2 report to them), and the admin is not a reviewer unless head
            #expect(early == 0 && made == 2 && again == 0)
            #expect(head.status == .ok && head.string("week") == "2026-09-21")
            guard case .array(let items)? = head["items"] else { Issue.record("no items"); return }
            let stalled = items.compactMap { v -> Int64? in
                guard case .object(let o) = v, o["kind"] == .string("stalled"), case .number(let n)? = o["entity_id"] else { return nil }
                return Int64(n)
            }
            #expect(stalled == [deals[1], deals[2], deals[0]], "by amount, the largest first")
            #expect(head["counts"].flatMap { if case .object(let o) = $0 { o["stalled"] } else { nil } } == .number(3))
            #expect(rep.status == .forbidden)
            #expect(bad.status == .unprocessableEntity && bad.errorFields == ["week"])
        }
    }

    @Test("The head of sales opens the review in Russian: the week's movement and the ranked list; past weeks are kept and linked", arguments: [Backend.sqlite])
    func readOnTheWeb(backend: Backend) async throws {
        try await NudgeAPITests.withMovingApp(backend) { app, time in
            // setup
            _ = try await NudgeAPITests.seed(app, time)
            _ = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            let head = try await WebClient.signedIn(app, as: "head")
            _ = try await head.get("/nudges")
            _ = try await head.post("/language", ["language": "ru", "return_to": "/reviews"])
            let first = try await head.get("/reviews")
            time.set(TestApp.today.addingTimeInterval(7 * 86_400))
            // action
            let second = try await head.get("/reviews")
            let past = try await head.get("/reviews/2026-09-21")
            let missing = try await head.get("/reviews/2020-01-06")
            let rep = try await WebClient.signedIn(app, as: "rep1")
            _ = try await rep.get("/nudges")
            let refused = try await rep.get("/reviews")
            // check
            #expect(first.status == .ok && first.body.contains("Еженедельный обзор") && first.body.contains("Движение за неделю"))
            #expect(first.body.contains("Застрявшие сделки · 3") && first.body.contains("Котёл 1"))
            #expect(second.body.contains("Прошлые обзоры") && second.body.contains("href=\"/reviews/2026-09-21\""))
            #expect(past.status == .ok && past.body.contains("id=\"review-movement\""))
            #expect(missing.status == .notFound && refused.status == .forbidden)
        }
    }
}

/// Makes the due reviews as the scheduler does.
enum WeeklyReviewsProbe {
    static func makeDue(_ app: TestApp) async throws -> Int { try await app.services.makeDueWeeklyReviews() }
}
