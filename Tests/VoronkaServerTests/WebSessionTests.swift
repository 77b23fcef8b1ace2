import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

@Suite("Web sessions, CSRF and language")
struct WebSessionTests {
    @Test("Signing in sets an HttpOnly, SameSite=Lax session cookie; a wrong password sets none")
    func signIn() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let client = WebClient(app)
            try await client.setPassword("rep1")
            // MUT
            let wrong = try await client.signIn(email: "rep1@test.voronka.local", password: "not the password")
            let right = try await client.signIn(email: "rep1@test.voronka.local", password: WebClient.password)
            let inbox = try await client.get("/leads")
            // validation
            #expect(wrong.status == .unauthorized)
            #expect(wrong.setCookie("voronka_session") == nil)
            #expect(wrong.body.contains("login-problem"))
            #expect(right.status == .seeOther)
            let cookie = try #require(right.setCookie("voronka_session"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain http: a Secure cookie would never come back")
            #expect(inbox.status == .ok && inbox.body.contains("Rep1"))
        }
    }

    @Test("Behind an HTTPS proxy the session cookie is Secure")
    func secureBehindProxy() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let client = WebClient(app)
            client.headers = [("X-Forwarded-Proto", "https")]
            try await client.setPassword("rep1")
            // MUT
            let page = try await client.signIn(email: "rep1@test.voronka.local", password: WebClient.password)
            // validation
            #expect(try #require(page.setCookie("voronka_session")).contains("Secure"))
        }
    }

    @Test("Pages need a session: the inbox sends an anonymous visitor to the sign-in page")
    func anonymous() async throws {
        try await withTestApp(.sqlite) { app in
            let page = try await WebClient(app).get("/leads")
            #expect(page.status == .seeOther && page.location == "/login")
        }
    }

    @Test("A form POST without its CSRF token, or with another session's, is refused with 403 and writes nothing")
    func csrfRefused() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let rep1 = try await WebClient.signedIn(app, as: "rep1")
            let other = try await WebClient.signedIn(app, as: "manager")
            _ = try await other.get("/leads")
            let foreignToken = try #require(other.csrf)
            let seq = try await app.services.store.lastJournalSeq()
            // MUT
            let missing = try await rep1.post("/leads/\(records.lead)/junk", ["reason": "spam"], csrf: false)
            let foreign = try await rep1.post("/leads/\(records.lead)/junk", ["reason": "spam", "csrf_token": foreignToken], csrf: false)
            let loginWithout = try await WebClient(app).post("/login", ["email": "rep1@test.voronka.local", "password": WebClient.password], csrf: false)
            // validation
            #expect(missing.status == .forbidden && foreign.status == .forbidden && loginWithout.status == .forbidden)
            #expect(missing.body.contains("<h1>"), "a page, not an empty answer")
            #expect(loginWithout.setCookie("voronka_session") == nil)
            #expect(try await app.services.store.lastJournalSeq() == seq)
            #expect(try await app.services.store.fetch(.lead, records.lead)?.text("outcome") == nil)
        }
    }

    @Test("Signing out revokes the session: its cookie no longer opens a page")
    func signOut() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let client = try await WebClient.signedIn(app, as: "rep1")
            _ = try await client.get("/leads")
            let session = try #require(client.cookies["voronka_session"])
            // MUT
            let out = try await client.post("/logout", [:])
            let replay = WebClient(app)
            replay.headers = [("Cookie", "voronka_session=\(session)")]
            let after = try await replay.get("/leads")
            // validation
            #expect(out.status == .seeOther && out.location == "/login")
            #expect(after.status == .seeOther && after.location == "/login")
        }
    }

    @Test("The language switch stores Russian on the user; money then reads 1 234 567,00 ₽")
    func russian() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let company = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": "Roga"]).requireID()
            let deal = try await app.call(.POST, "/api/v1/deals", as: "rep1", json: ["company_id": .id(company), "title": "Boiler", "amount": 1234567]).requireID()
            let client = try await WebClient.signedIn(app, as: "rep1")
            let english = try await client.get("/deals/\(deal)")
            // MUT
            let switched = try await client.post("/language", ["language": "ru", "return_to": "/deals/\(deal)"])
            let russian = try await client.get("/deals/\(deal)")
            // validation
            #expect(english.body.contains("1,234,567\u{00A0}RUB"))
            #expect(switched.status == .seeOther && switched.location == "/deals/\(deal)")
            #expect(russian.body.contains("1\u{00A0}234\u{00A0}567\u{00A0}₽"))
            #expect(russian.body.contains("lang=\"ru\""))
            #expect(try await app.services.store.fetch(.user, app.users["rep1"]!)?.text("locale") == "ru")
        }
    }

    @Test("Before sign-in the language follows Accept-Language")
    func acceptLanguage() async throws {
        try await withTestApp(.sqlite) { app in
            let client = WebClient(app)
            client.headers = [("Accept-Language", "de-DE,ru;q=0.9,en;q=0.5")]
            let page = try await client.get("/login")
            #expect(page.body.contains("lang=\"ru\""))
        }
    }

    @Test("A language switch may only return to this site's own pages")
    func noOpenRedirect() async throws {
        try await withTestApp(.sqlite) { app in
            let client = WebClient(app)
            _ = try await client.get("/login")
            let page = try await client.post("/language", ["language": "ru", "return_to": "//evil.example/"])
            #expect(page.status == .seeOther && page.location == "/")
        }
    }
}
