import Foundation
import Vapor
import Testing
import VoronkaCore
import VoronkaStore
@testable import VoronkaServer
import VoronkaTestSupport

/// What an outsider's attack found (issue 12): each test failed before its fix.
@Suite("Hardening")
struct HardeningTests {
    @Test("A date outside 1900–2200 in any analytics request is a 422 naming it, and the server goes on answering",
          arguments: TestDatabase.backends)
    func analyticsDates(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: a deal with a history, so that every metric has something to compute
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            _ = try await app.call(.POST, "/api/v1/deals/\(records.deal)/move", as: "rep1", json: ["stage_id": 3])
            let paths = ["/api/v1/analytics/dashboard"] + AnalyticsRoutes.metrics.map { "/api/v1/analytics/\($0)" }
            for path in paths {
                for bad in ["0001-01-01", "0001-12-31", "0002-01-01", "1899-12-31", "2201-01-01", "9999-11-30", "9999-12-31"] {
                    // action
                    let reply = try await app.call(.GET, "\(path)?as_of=\(bad)", as: "rep1")
                    let from = try await app.call(.GET, "\(path)?from=\(bad)", as: "rep1")
                    // check
                    #expect(reply.status == .unprocessableEntity && reply.errorFields == ["as_of"], "\(path) as_of=\(bad): \(reply.text)")
                    #expect(from.status == .unprocessableEntity && from.errorFields == ["from"], "\(path) from=\(bad): \(from.text)")
                }
                // the edges of the range are answered
                for edge in ["1900-01-01", "2200-12-31"] {
                    let reply = try await app.call(.GET, "\(path)?as_of=\(edge)", as: "rep1")
                    #expect(reply.status == .ok, "\(path) as_of=\(edge): \(reply.text)")
                }
            }
            // check: the server still answers
            #expect(try await app.call(.GET, "/api/v1/health").status == .ok)
        }
    }

    @Test("Record dates and list ranges outside 1900–2200 are refused with the field's name; nothing is written",
          arguments: TestDatabase.backends)
    func recordDates(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let company = try await app.call(.POST, "/api/v1/companies", json: ["name": "Buyer"]).requireID()
            let seq = try await app.services.store.lastJournalSeq()
            // action
            let early = try await app.call(.POST, "/api/v1/deals", json: ["title": "T", "company_id": .id(company), "expected_close": "0001-01-01"])
            let late = try await app.call(.POST, "/api/v1/leads", json: ["source": "phone", "request_text": "Pumps", "received_at": "9999-12-31T23:59:59Z"])
            let range = try await app.call(.GET, "/api/v1/deals?created_at_from=0001-01-01")
            let fine = try await app.call(.POST, "/api/v1/deals", json: ["title": "T", "company_id": .id(company), "expected_close": "2200-12-31"])
            // check
            #expect(early.status == .unprocessableEntity && early.errorFields == ["expected_close"], "\(early.text)")
            #expect(early.text.contains("1900-01-01") && early.text.contains("2200-12-31"))
            #expect(late.status == .unprocessableEntity && late.errorFields == ["received_at"], "\(late.text)")
            #expect(range.status == .unprocessableEntity && range.errorFields == ["created_at_from"], "\(range.text)")
            #expect(fine.status == .created, "\(fine.text)")
            #expect(try await app.services.store.lastJournalSeq() == seq + 1)
        }
    }

    @Test("A search longer than 200 characters is a 422 naming q, not a server error", arguments: TestDatabase.backends)
    func longSearch(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // action
            let long = try await app.call(.GET, "/api/v1/companies?q=" + String(repeating: "%25a_", count: 12_500))
            let fits = try await app.call(.GET, "/api/v1/companies?q=" + String(repeating: "a", count: 200))
            // check
            #expect(long.status == .unprocessableEntity && long.errorFields == ["q"], "\(long.status)")
            #expect(fits.status == .ok)
        }
    }

    @Test("The API's sign-in is throttled with the web form's: a locked email gets 429 with Retry-After even with the right password",
          arguments: [Backend.sqlite])
    func apiLockout(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let web = WebClient(app)
            try await web.setPassword("rep1")
            let email = WebClient.email("rep1")
            // action: five wrong passwords, two through the web and three through the API
            for _ in 0..<2 { #expect(try await web.signIn(email: email, password: "wrong password!").status == .unauthorized) }
            for _ in 0..<3 {
                let wrong = try await app.call(.POST, "/api/v1/auth/login", as: nil, json: ["email": .string(email), "password": "wrong password!"])
                #expect(wrong.status == .unauthorized)
            }
            let right = try await app.call(.POST, "/api/v1/auth/login", as: nil, json: ["email": .string(email), "password": .string(WebClient.password)])
            let webRight = try await web.signIn(email: email, password: WebClient.password)
            let otherUser = try await app.call(.POST, "/api/v1/auth/login", as: nil, json: ["email": .string(WebClient.email("rep2")), "password": "wrong"])
            // check
            #expect(right.status == .tooManyRequests, "\(right.text)")
            #expect(right.string("token") == nil)
            let seconds = Int(right.headers.first(name: .retryAfter) ?? "") ?? 0
            #expect(seconds > 0 && seconds <= 15 * 60)
            #expect(webRight.status == .tooManyRequests)
            #expect(webRight.headers.first(name: .retryAfter) != nil)
            #expect(otherUser.status == .unauthorized, "another email is not locked by rep1's failures")
        }
    }

    @Test("The throttle counts per address too, and unlocks when the window has passed")
    func throttleWindow() async throws {
        // setup
        let throttle = LoginThrottle(perEmail: 5, perAddress: 3, window: 600)
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        // action: three different emails from one address
        for (i, email) in ["a@x", "b@x", "c@x"].enumerated() { await throttle.failed(email: email, address: "10.0.0.1", now: t0 + Double(i)) }
        let sameAddress = await throttle.retryAfter(email: "d@x", address: "10.0.0.1", now: t0 + 10)
        let otherAddress = await throttle.retryAfter(email: "d@x", address: "10.0.0.2", now: t0 + 10)
        let later = await throttle.retryAfter(email: "d@x", address: "10.0.0.1", now: t0 + 601)
        // check: locked until the first failure leaves the 600 s window
        #expect(sameAddress == 590)
        #expect(otherAddress == nil)
        #expect(later == nil)
    }

    @Test("A password reset ends the user's sessions and API tokens, but the integration tokens the admin keeps",
          arguments: TestDatabase.backends)
    func resetEndsTokens(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: rep1 has the test token and a second one for an integration
            let integration = try await app.call(.POST, "/api/v1/tokens", as: "rep1", json: ["name": "1C exchange"])
            let integrationToken = try #require(integration.string("token"))
            let integrationID = try integration.requireID()
            let rep1 = try #require(app.users["rep1"])
            // action
            // a token of another user (the admin's own) cannot be kept through rep1's reset
            let adminTokens = try await app.call(.GET, "/api/v1/tokens")
            guard case .object(let adminToken)? = adminTokens.items.first, case .number(let adminTokenID)? = adminToken["id"] else {
                Issue.record("no admin token: \(adminTokens.text)"); return
            }
            let foreign = try await app.call(.POST, "/api/v1/users/\(rep1)/password", json: ["keep_token_ids": .array([.number(adminTokenID)])])
            let reset = try await app.call(.POST, "/api/v1/users/\(rep1)/password", json: ["keep_token_ids": .array([.id(integrationID)])])
            // check
            #expect(foreign.status == .unprocessableEntity && foreign.errorFields == ["keep_token_ids"], "\(foreign.text)")
            #expect(reset.status == .ok, "\(reset.text)")
            #expect(try await app.call(.GET, "/api/v1/me", as: "rep1").status == .unauthorized, "the personal token ends")
            #expect(try await app.call(.GET, "/api/v1/me", as: integrationToken).status == .ok, "the kept integration token goes on")
            #expect(try await app.call(.GET, "/api/v1/me", as: "admin").status == .ok, "the admin's own token is untouched")
        }
    }

    @Test("Changing one's own password ends one's API tokens and other sessions; this session goes on", arguments: [Backend.sqlite])
    func ownChangeEndsTokens(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let web = WebClient(app)
            try await web.setPassword("rep2")
            let login = try await app.call(.POST, "/api/v1/auth/login", as: nil,
                                           json: ["email": .string(WebClient.email("rep2")), "password": .string(WebClient.password)])
            let session = try #require(login.string("token"))
            // action
            let change = try await app.call(.PATCH, "/api/v1/me", as: session,
                                            json: ["password": "a brand new password", "current_password": .string(WebClient.password)])
            // check
            #expect(change.status == .ok, "\(change.text)")
            #expect(try await app.call(.GET, "/api/v1/me", as: session).status == .ok)
            #expect(try await app.call(.GET, "/api/v1/me", as: "rep2").status == .unauthorized)
        }
    }

    @Test("Exported CSV cells that a spreadsheet would run are neutralised; raw=true gives them as stored", arguments: [Backend.sqlite])
    func csvInjection(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            for name in ["=HYPERLINK(\"http://evil\",\"x\")", "+7 495 123-45-67", "@SUM(A1)", "-2+3", "Plain"] {
                _ = try await app.call(.POST, "/api/v1/companies", json: ["name": .string(name)]).requireID()
            }
            // action
            let safe = try await app.call(.GET, "/api/v1/export/companies?format=csv", as: "head")
            let raw = try await app.call(.GET, "/api/v1/export/companies?format=csv&raw=true", as: "head")
            let bad = try await app.call(.GET, "/api/v1/export/companies?format=csv&raw=maybe", as: "head")
            // check
            #expect(safe.text.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""))
            #expect(safe.text.contains("'+7 495 123-45-67") && safe.text.contains("'@SUM(A1)") && safe.text.contains("'-2+3"))
            #expect(safe.text.contains(",Plain,"))
            #expect(!safe.text.contains(",=") && !safe.text.contains(",+") && !safe.text.contains(",@"))
            #expect(raw.text.contains("\"=HYPERLINK(") && raw.text.contains(",+7 495 123-45-67,"))
            #expect(bad.status == .unprocessableEntity && bad.errorFields == ["raw"])
        }
    }

    @Test("Every answer carries a strict Content-Security-Policy; health tells nothing of the data without sign-in")
    func headersAndHealth() async throws {
        try await withTestApp(.sqlite) { app in
            // action
            let health = try await app.call(.GET, "/api/v1/health", as: nil)
            let page = try await WebClient(app).get("/login")
            // check
            for headers in [health.headers, page.headers] {
                let csp = headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"))
                #expect(headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect((headers.first(name: "X-Request-Id") ?? "").count >= 8)
            }
            #expect(health.status == .ok && health["journal_seq"] == nil && health["database"] == nil)
            #expect(health.string("status") == "ok")
        }
    }

    @Test("return_to leads only to a path on this site", arguments: ["/%09/evil.com", "//evil.com", "/\\evil.com", "https://evil.com",
                                                                    "/%0A/evil.com", "/\t/evil.com"])
    func returnTo(target: String) async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let web = try await WebClient.signedIn(app, as: "rep1")
            _ = try await web.get("/leads")
            // action
            let page = try await web.post("/language", ["language": "ru", "return_to": target.removingPercentEncoding ?? target])
            // check
            #expect(page.status == .seeOther)
            #expect(page.location == "/", "\(target) → \(page.location ?? "nil")")
        }
    }

    @Test("The server refuses to start on a damaged SQLite file, naming the way to restore")
    func damagedStart() async throws {
        // setup: a database with rows over many pages, then the later pages overwritten
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voronka-damaged-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/voronka.sqlite"
        let store = try await SQLStore.open(.sqlite(path: path))
        try await store.migrate()
        for i in 0..<400 {
            var record = Company(name: "Company \(i) " + String(repeating: "x", count: 200)).record
            record["id"] = .null
            let row = record
            _ = try await store.write(actor: nil) { tx in try await tx.insert(.company, row) }
        }
        await store.shutdown()
        try TestDatabase.damagedCopy(of: path, to: path)
        // action
        var refusal = ""
        do {
            let (app, _) = try await buildApplication(Configuration(store: .sqlite(path: path), passwordCost: 4), environment: .testing)
            try? await app.asyncShutdown()
        } catch { refusal = String(describing: error) }
        // check
        #expect(refusal.contains("damaged") && refusal.contains("voronka restore"), "\(refusal)")
    }

    @Test("GET /metrics gives admins Prometheus text: requests by route pattern and status with latency, the journal, analytics lag, imports, memory")
    func operatorMetrics() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let company = try await app.call(.POST, "/api/v1/companies", json: ["name": "Metered"]).requireID()
            _ = try await app.call(.GET, "/api/v1/companies/\(company)")
            _ = try await app.call(.GET, "/api/v1/companies/999999")
            // action
            let admin = try await app.call(.GET, "/metrics")
            let rep = try await app.call(.GET, "/metrics", as: "rep1")
            let nobody = try await app.call(.GET, "/metrics", as: nil)
            // check
            #expect(admin.status == .ok)
            #expect(admin.headers.first(name: .contentType)?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = admin.text
            #expect(text.contains(#"voronka_http_requests_total{route="/api/v1/companies/:id",method="GET",status="200"} 1"#), "\(text.prefix(2000))")
            #expect(text.contains(#"voronka_http_requests_total{route="/api/v1/companies/:id",method="GET",status="404"} 1"#))
            #expect(text.contains(#"voronka_http_request_duration_seconds_bucket{route="/api/v1/companies",method="POST",le="+Inf"} 1"#))
            let seq = try await app.services.store.lastJournalSeq()
            #expect(text.contains("voronka_journal_seq \(seq)") || text.contains("voronka_journal_seq \(Double(seq))"))
            #expect(text.contains("voronka_analytics_lag_entries") && text.contains("voronka_imports_running 0"))
            #expect(text.contains("voronka_process_resident_memory_bytes") && !text.contains("voronka_process_resident_memory_bytes 0\n"))
            #expect(rep.status == .forbidden && nobody.status == .unauthorized)
        }
    }

    @Test("Cached sign-ins: a revoked token, a deactivated user and a changed role take effect on the very next request",
          arguments: TestDatabase.backends)
    func signInCacheInvalidation(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: both tokens used once, so that their callers are cached
            let extra = try await app.call(.POST, "/api/v1/tokens", as: "rep1", json: ["name": "script"])
            let token = try #require(extra.string("token"))
            #expect(try await app.call(.GET, "/api/v1/me", as: token).status == .ok)
            #expect(try await app.call(.GET, "/api/v1/export/pipelines", as: "rep2").status == .forbidden)
            let rep2 = try #require(app.users["rep2"])
            // action
            let revoke = try await app.call(.DELETE, "/api/v1/tokens/\(try extra.requireID())", as: "rep1")
            let afterRevoke = try await app.call(.GET, "/api/v1/me", as: token)
            _ = try await app.call(.PATCH, "/api/v1/users/\(rep2)", json: ["role": "head_of_sales"])
            let promoted = try await app.call(.GET, "/api/v1/export/pipelines", as: "rep2")
            _ = try await app.call(.PATCH, "/api/v1/users/\(rep2)", json: ["active": false])
            let deactivated = try await app.call(.GET, "/api/v1/me", as: "rep2")
            // check
            #expect(revoke.status == .noContent)
            #expect(afterRevoke.status == .unauthorized)
            #expect(promoted.status == .ok)
            #expect(deactivated.status == .unauthorized, "\(deactivated.text)")
        }
    }

    @Test("The sign-in cache forgets an entry on a new epoch, after its lifetime, and when its token expires")
    func signInCacheRules() throws {
        // setup
        let user = User(id: 7, name: "R", email: "r@x", role: .salesRep)
        let caller = Caller(user: user, viewer: Viewer(user: user, managers: [:]), tokenID: 3)
        let now = Date(timeIntervalSince1970: 2_000_000_000)
        let cache = SignInCache(lifetime: 10)
        let expired = SignInCache(lifetime: 0)
        // action
        cache.remember(caller, kind: "api", hash: "a", expiresAt: nil, epoch: 1)
        cache.remember(caller, kind: "api", hash: "b", expiresAt: now.addingTimeInterval(5), epoch: 1)
        expired.remember(caller, kind: "api", hash: "a", expiresAt: nil, epoch: 1)
        // check
        #expect(cache.caller(hash: "a", epoch: 1, now: now)?.caller.tokenID == 3)
        #expect(cache.caller(hash: "b", epoch: 1, now: now.addingTimeInterval(6)) == nil)
        #expect(cache.caller(hash: "a", epoch: 2, now: now) == nil)
        #expect(cache.caller(hash: "a", epoch: 1, now: now) == nil, "an entry of an old epoch is gone for good")
        #expect(expired.caller(hash: "a", epoch: 1, now: now) == nil)
    }

    @Test("A known path with a method it does not answer is a 405 with Allow; an unknown path stays a 404")
    func methodNotAllowed() async throws {
        try await withTestApp(.sqlite) { app in
            // action
            let put = try await app.call(.PUT, "/api/v1/deals", json: [:])
            let trace = try await app.call(.DELETE, "/api/v1/analytics/velocity")
            let unknown = try await app.call(.GET, "/api/v1/no-such-thing")
            // check
            #expect(put.status == .methodNotAllowed && put.headers.first(name: .allow) == "GET, POST", "\(put.status) \(put.headers)")
            #expect(trace.status == .methodNotAllowed && trace.headers.first(name: .allow) == "GET")
            #expect(unknown.status == .notFound)
        }
    }
}
