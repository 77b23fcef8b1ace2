import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

@Suite("Web first start")
struct WebSetupTests {
    @Test("With no users, /setup creates the administrator once; bad input names the field and writes nothing")
    func firstStart() async throws {
        // setup: an installation without users (TestApp would create a team)
        let (location, drop) = try await TestDatabase.make(.sqlite)
        let (application, services) = try await buildApplication(Configuration(store: location, clock: .fixed(TestApp.today), passwordCost: 4),
                                                                 environment: .testing)
        do {
            let client = WebClient(application: application, services: services)
            // MUT
            let login = try await client.get("/login")
            _ = try await client.get("/setup")
            let mismatch = try await client.post("/setup", ["name": "Anna", "email": "anna@example.com", "password": "long enough pass",
                                                           "password_repeat": "another pass!!", "language": "ru"])
            let usersAfterMismatch = try await services.store.count(.user)
            let created = try await client.post("/setup", ["name": "Anna", "email": "anna@example.com", "password": "long enough pass",
                                                           "password_repeat": "long enough pass", "language": "ru"])
            let again = try await WebClient(application: application, services: services).get("/setup")
            // validation
            #expect(login.status == .seeOther && login.location == "/setup")
            #expect(mismatch.status == .unprocessableEntity)
            #expect(mismatch.body.contains("setup-password-repeat-error"))
            #expect(usersAfterMismatch == 0)
            #expect(created.status == .seeOther && created.setCookie("voronka_session") != nil)
            let admin = try #require(try await services.store.credentials(email: "anna@example.com"))
            #expect(User(record: admin.user).role == .admin && User(record: admin.user).locale == .ru)
            #expect(again.status == .seeOther && again.location == "/login")
        } catch {
            try? await application.asyncShutdown(); await drop()
            throw error
        }
        try await application.asyncShutdown()
        await drop()
    }
}
