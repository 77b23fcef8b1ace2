import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// The calendar feed: a secret address per user with their due nudges and follow-ups; it signs nobody in, a new one
/// ends the old, and it can be stopped.
@Suite("Calendar feed")
struct CalendarFeedTests {
    static func fetch(_ app: TestApp, _ url: String) async throws -> (status: HTTPResponseStatus, type: String?, body: String) {
        let parts = try #require(URLComponents(string: url))
        var out: (HTTPResponseStatus, String?, String) = (.internalServerError, nil, "")
        try await app.app.testing().test(.GET, parts.path, headers: ["Host": parts.host ?? "localhost"]) { res in out = (res.status, res.headers.first(name: .contentType), res.body.string) }
        return out
    }

    @Test("The feed lists the rep's stalled-deal nudges and follow-ups; its token opens no API; a new address ends the old; stopping ends it", arguments: TestDatabase.backends)
    func feed(backend: Backend) async throws {
        try await NudgeAPITests.withMovingApp(backend) { app, time in
            // setup
            let deals = try await NudgeAPITests.seed(app, time)
            _ = try await app.call(.POST, "/api/v1/nudges/evaluate", as: "head")
            _ = try await app.call(.POST, "/api/v1/activities", as: "rep1", json: [
                "kind": "task", "deal_id": .id(deals[0]), "subject": "Отправить КП; согласовать сроки",
                "due_at": .string(Timestamp.format(TestApp.today.addingTimeInterval(2 * 86_400))),
            ])
            // action
            let made = try await app.call(.POST, "/api/v1/me/calendar", as: "rep1", headers: [("Host", "crm.example")])
            let url = try #require(made.string("url"))
            let feed = try await Self.fetch(app, url)
            let secret = String(url.split(separator: "/").last?.dropLast(4) ?? "")
            let asBearer = try await app.call(.GET, "/api/v1/deals", as: secret)
            let status = try await app.call(.GET, "/api/v1/me/calendar", as: "rep1")
            let remade = try await app.call(.POST, "/api/v1/me/calendar", as: "rep1")
            let old = try await Self.fetch(app, url)
            let newURL = try #require(remade.string("url"))
            let stopped = try await app.call(.DELETE, "/api/v1/me/calendar", as: "rep1")
            let afterStop = try await Self.fetch(app, newURL)
            let stopAgain = try await app.call(.DELETE, "/api/v1/me/calendar", as: "rep1")
            // check
            #expect(made.status == .created && url.hasPrefix("http://crm.example/calendar/vk_") && url.hasSuffix(".ics"))
            #expect(secret.count >= 40, "at least 128 bits of secret")
            #expect(feed.status == .ok && feed.type == "text/calendar; charset=utf-8")
            #expect(feed.body.components(separatedBy: "BEGIN:VEVENT").count - 1 == 4, "three stalled deals and one follow-up")
            #expect(feed.body.contains("SUMMARY:Stalled deal") && feed.body.contains("URL:http://crm.example/deals/\(deals[1])"))
            #expect(feed.body.contains("SUMMARY:Отправить КП\\; согласовать сроки"))
            #expect(asBearer.status == .unauthorized)
            #expect(status["active"] == .bool(true))
            #expect(old.status == .notFound && stopped.status == .noContent && afterStop.status == .notFound)
            #expect(stopAgain.status == .unprocessableEntity && stopAgain.errorFields == ["calendar"])
        }
    }

    @Test("On the profile a rep makes an address, sees it once, and stops it", arguments: [Backend.sqlite])
    func profile(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            let rep = try await WebClient.signedIn(app, as: "rep1")
            _ = try await rep.get("/profile")
            let made = try await rep.post("/profile/calendar", [:])
            let shown = try await rep.get("/profile")
            let again = try await rep.get("/profile")
            let stopped = try await rep.post("/profile/calendar", ["stop": "true"])
            let after = try await rep.get(stopped.location ?? "/profile")
            #expect(made.status == .seeOther)
            #expect(shown.body.contains("id=\"calendar-url\"") && shown.body.contains("/calendar/vk_"))
            #expect(!again.body.contains("id=\"calendar-url\"") && again.body.contains("Make a new address"))
            #expect(stopped.status == .seeOther && after.body.contains("The calendar feed is stopped") && after.body.contains("Make a calendar address"))
        }
    }
}
