import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaTestSupport
import VoronkaWeb

@Suite("Web routes")
struct SiteURLTests {
    @Test("Every address of SiteURL is served, and every web route is an address of SiteURL")
    func registeredFromOneList() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let served = Set(app.app.routes.all.map { "/" + $0.path.map(\.description).joined(separator: "/") })
            let webRoutes = served.filter { !$0.hasPrefix("/api/") && $0 != "/metrics" && $0 != "/health" }
            // action
            let listed = Set(SiteURL.all.map(\.pattern))
            // check
            #expect(listed.subtracting(served).isEmpty, "listed but not served: \(listed.subtracting(served).sorted())")
            #expect(webRoutes.subtracting(listed).isEmpty, "served but not listed: \(webRoutes.subtracting(listed).sorted())")
        }
    }

    @Test("A link and its route agree: the path fills the pattern's parameters")
    func pathsFillPatterns() {
        // setup / action / check
        #expect(SiteURL.pipeline(7).path == "/pipelines/7" && SiteURL.pipeline(7).pattern == "/pipelines/:id")
        #expect(SiteURL.leadDecision(3, .nurture).path == "/leads/3/nurture" && SiteURL.leadDecision(3, .nurture).pattern == "/leads/:id/:outcome")
        #expect(SiteURL.settingsStage(pipeline: 2, stage: 9).path == "/settings/pipelines/2/stages/9")
        #expect(SiteURL.settingsSection(.users).pattern == "/settings/users")
        for url in SiteURL.all {
            let pattern = url.pattern.split(separator: "/"), path = url.path.split(separator: "/")
            #expect(pattern.count == path.count, "\(url)")
            for (p, v) in zip(pattern, path) where !p.hasPrefix(":") { #expect(p == v, "\(url)") }
        }
    }
}
