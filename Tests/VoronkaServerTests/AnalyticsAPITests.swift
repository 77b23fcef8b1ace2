import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

@Suite("Analytics through the API")
struct AnalyticsAPITests {
    @Test("The dashboard answers from the snapshot, follows new writes at once, and scopes a rep to their own figures", arguments: TestDatabase.backends)
    func dashboardFollowsWrites(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: two leads of rep1, one of rep2
            for (user, text) in [("rep1", "boiler one"), ("rep1", "boiler two"), ("rep2", "pumps")] {
                _ = try await app.call(.POST, "/api/v1/leads", as: user, json: ["company_name": "Co", "request_text": .string(text)]).requireID()
            }
            // action
            let all = try await app.call(.GET, "/api/v1/analytics/conversion?as_of=2026-09-21", as: "head")
            let rep = try await app.call(.GET, "/api/v1/analytics/conversion?as_of=2026-09-21", as: "rep1")
            let other = try await app.call(.GET, "/api/v1/analytics/conversion?owner_id=\(app.users["rep2"]!)", as: "rep1")
            let dashboard = try await app.call(.GET, "/api/v1/analytics/dashboard", as: "admin")
            // check
            #expect(all.status == .ok, "\(all.text.prefix(300))")
            #expect(leadCount(all) == 3, "\(all.text.prefix(400))")
            #expect(leadCount(rep) == 2)
            #expect(other.status == .forbidden)
            #expect(dashboard.status == .ok)
            for metric in ["conversion", "curve", "stage_conversion", "velocity", "forecast", "calibration", "yearly_buyers"] {
                #expect(dashboard[metric] != nil, "\(metric) missing")
            }
        }
    }

    @Test("Unknown metrics and bad parameters name what is wrong", arguments: [Backend.sqlite])
    func badInput(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // action
            let metric = try await app.call(.GET, "/api/v1/analytics/happiness")
            let params = try await app.call(.GET, "/api/v1/analytics/dashboard?cohort=week&from=yesterday&colour=red&maturity_days=0")
            // check
            #expect(metric.status == .unprocessableEntity && metric.errorFields == ["metric"])
            #expect(params.status == .unprocessableEntity)
            #expect(params.errorFields.sorted() == ["cohort", "colour", "from", "maturity_days"])
        }
    }

    /// The number of leads the conversion report counted over all cohorts, mature or not.
    func leadCount(_ reply: TestApp.Reply) -> Int? {
        guard case .object(let value)? = reply["value"], case .array(let cohorts)? = value["cohorts"] else { return nil }
        return cohorts.reduce(0) { sum, row in
            if case .object(let o) = row, case .number(let n)? = o["leads"] { return sum + Int(n) }
            return sum
        }
    }
}
