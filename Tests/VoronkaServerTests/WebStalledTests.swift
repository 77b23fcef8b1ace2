import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// A head of sales sees who has the most stalled deals, and pages through all of them.
@Suite("Stalled deals on the dashboard")
struct WebStalledTests {
    final class MovingTime: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Date
        init(_ date: Date) { value = date }
        var now: Date { lock.withLock { value } }
        func set(_ date: Date) { lock.withLock { value = date } }
    }

    /// 3 deals of rep1, then 30 of rep2, created 40 days before today in a stage that expects 10 days; then today.
    static func seed(_ app: TestApp, _ time: MovingTime) async throws {
        let stage = try #require(try await app.services.store.all(.stage).map(Stage.init(record:))
            .first { $0.pipelineID == 2 && $0.kind == .open && !$0.requiresQualification })
        _ = try await app.call(.PATCH, "/api/v1/stages/\(stage.id)", json: ["expected_days": 10])
        for (user, count) in [("rep1", 3), ("rep2", 30)] {
            let company = try await app.call(.POST, "/api/v1/companies", as: user, json: ["name": .string("Co \(user)")]).requireID()
            for i in 0..<count {
                _ = try await app.call(.POST, "/api/v1/deals", as: user, json: ["company_id": .id(company), "title": .string("\(user) deal \(i)"),
                                                                                "pipeline_id": 2, "stage_id": .id(stage.id)])
            }
        }
        time.set(TestApp.today)
    }

    @Test("Stalled deals are counted per owner, the most first, each linking to that owner's list; the list pages through every stalled deal", arguments: TestDatabase.backends)
    func byOwner(backend: Backend) async throws {
        let time = MovingTime(TestApp.today.addingTimeInterval(-40 * 86_400))
        let app = try await TestApp.make(backend, clock: Clock { time.now })
        do {
            // setup: 3 deals of rep1, then 30 of rep2, created 40 days ago in a stage that expects 10 days
            try await Self.seed(app, time)
            let head = try await WebClient.signedIn(app, as: "head")
            // action
            let page = try await head.get("/dashboards?section=stages")
            let second = try await head.get("/dashboards?section=stages&stalled_page=2")
            // check
            let table = try #require(page.body.components(separatedBy: "id=\"stalled-by-owner\"").dropFirst().first?.components(separatedBy: "</table>").first)
            let rows = table.components(separatedBy: "<th scope=\"row\">").dropFirst().map { String($0.prefix(300)) }
            #expect(rows.count == 2)
            #expect(rows.first?.contains(">30<") == true && rows.first?.contains("owner=\(app.users["rep2"]!)") == true)
            #expect(rows.last?.contains(">3<") == true)
            #expect(page.body.contains("1–25 of 33") && second.body.contains("26–33 of 33"))
            #expect(second.body.contains("rel=\"prev\""))
        } catch {
            await app.shutdown()
            throw error
        }
        await app.shutdown()
    }

    @Test("The stalled list sorts by a click on its headings: grouped by the owner with the most, and the pages keep the order", arguments: TestDatabase.backends)
    func sorted(backend: Backend) async throws {
        let time = MovingTime(TestApp.today.addingTimeInterval(-40 * 86_400))
        let app = try await TestApp.make(backend, clock: Clock { time.now })
        do {
            // setup: 3 deals of rep1, then 30 of rep2, all equally overdue (so the default order is by deal id: rep1's first)
            try await Self.seed(app, time)
            let head = try await WebClient.signedIn(app, as: "head")
            // action
            let plain = try await head.get("/dashboards?section=stages")
            let byOwner = try await head.get("/dashboards?section=stages&stalled_order=owner")
            let odd = try await head.get("/dashboards?section=stages&stalled_order=nonsense")
            func firstRow(_ body: String) -> String {
                body.components(separatedBy: "id=\"stalled-list\"").dropFirst().first?.components(separatedBy: "<th scope=\"row\">").dropFirst().first
                    .map { String($0.prefix(200)) } ?? ""
            }
            // check
            #expect(firstRow(plain.body).contains("rep1 deal 0"))
            #expect(firstRow(byOwner.body).contains("rep2 deal"))
            #expect(byOwner.body.contains("aria-sort=\"descending\""))
            #expect(plain.body.contains("stalled_order=owner") && plain.body.contains("stalled_order=days") && plain.body.contains("stalled_order=stage"))
            // the next page of the owner order stays in it
            #expect(byOwner.body.contains("stalled_page=2&amp;stalled_order=owner") || byOwner.body.contains("stalled_order=owner&amp;stalled_page=2"))
            #expect(odd.status == .ok && firstRow(odd.body).contains("rep1 deal 0"))
        } catch {
            await app.shutdown()
            throw error
        }
        await app.shutdown()
    }
}
