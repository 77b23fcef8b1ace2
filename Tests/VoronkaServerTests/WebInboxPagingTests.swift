import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

@Suite("The lead inbox pages through every new lead")
struct WebInboxPagingTests {
    /// Creates `count` leads owned by `user`, received a minute apart (two at the same minute, to test the tie on id).
    func leads(_ app: TestApp, _ count: Int, as user: String) async throws -> [Int64] {
        let viewer = Viewer(userID: app.users[user]!, role: .salesRep, visibleOwners: [app.users[user]!])
        var ids: [Int64] = []
        for i in 0..<count {
            let at = TestApp.today.addingTimeInterval(-Double(min(i, count - 2)) * 60)
            let lead = try await app.services.records.create(.lead, ["company_name": .string("Paging \(user) \(i)"), "source": "phone",
                                                                     "received_at": .string(Timestamp.format(at))], viewer: viewer)
            ids.append(lead.int("id")!)
        }
        return ids
    }

    /// The lead ids on a page, in order.
    func shown(_ page: WebClient.Page) -> [Int64] {
        page.body.components(separatedBy: "<li class=\"lead\" id=\"lead-").dropFirst().compactMap { Int64($0.prefix { $0.isNumber }) }
    }

    func link(_ page: WebClient.Page, rel: String) -> String? {
        page.body.components(separatedBy: "<a href=\"").dropFirst().first { $0.contains("rel=\"\(rel)\"") }
            .map { String($0.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&") }
    }

    @Test("Older and newer links reach every lead once, in order; the page says which leads of how many it shows", arguments: TestDatabase.backends)
    func paging(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let mine = try await leads(app, 30, as: "rep1")
            let theirs = try await leads(app, 3, as: "rep2")
            let client = try await WebClient.signedIn(app, as: "rep1")
            // action
            let first = try await client.get("/leads?size=25")
            let olderURL = try #require(link(first, rel: "next"))
            let second = try await client.get(olderURL)
            let newerURL = try #require(link(second, rel: "prev"))
            let back = try await client.get(newerURL)
            // check
            // Newest first; the last two came in the same minute, so the later id comes first.
            let expected = Array(mine.dropLast(2)) + [mine[29], mine[28]]
            #expect(shown(first) + shown(second) == expected)
            #expect(Set(shown(first) + shown(second)).isDisjoint(with: theirs))
            #expect(first.body.contains("<p class=\"lead-count\">30\u{00A0}new leads</p>"))
            #expect(first.body.contains("Leads 1–25 of 30") && second.body.contains("Leads 26–30 of 30"))
            #expect(link(first, rel: "prev") == nil && link(second, rel: "next") == nil)
            #expect(second.body.contains("<ol class=\"leads\" start=\"26\">"))
            #expect(newerURL == "/leads?size=25" && shown(back) == shown(first))
            #expect(first.body.contains("<option value=\"25\" selected>25</option>"))
        }
    }

    @Test("A decision refused on the second page shows on that page; an unknown cursor shows the first page")
    func refusalStaysOnPage() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let mine = try await leads(app, 27, as: "rep1")
            let client = try await WebClient.signedIn(app, as: "rep1")
            let first = try await client.get("/leads?size=25")
            let second = try await client.get(try #require(link(first, rel: "next")))
            let target = try #require(shown(second).first)
            // A decision against the suggestion: its form requires a reason.
            let form = try #require(second.body.components(separatedBy: "<form").dropFirst()
                .filter { $0.contains("action=\"/leads/\(target)/") && $0.contains("name=\"reason\"") && $0.contains(" required") }
                .first.map { $0.components(separatedBy: "action=\"")[1].prefix { $0 != "\"" }.replacingOccurrences(of: "&amp;", with: "&") })
            // action
            let refused = try await client.post(form, ["reason": ""])
            let garbage = try await client.get("/leads?size=25&after=not-a-cursor")
            // check
            #expect(mine.count == 27)
            #expect(form.contains("?size=25&after="))
            #expect(refused.status == .unprocessableEntity)
            #expect(shown(refused).contains(target) && refused.body.contains("Leads 26–27 of 27"))
            #expect(garbage.status == .ok && shown(garbage) == shown(first))
        }
    }
}
