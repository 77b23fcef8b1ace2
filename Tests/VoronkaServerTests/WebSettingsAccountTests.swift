import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

@Suite("Settings: users, roles and API tokens through the web forms")
struct WebSettingsAccountTests {
    @Test("An admin adds a user who can then sign in; a refused user names every problem, never echoes the password, writes nothing",
          arguments: TestDatabase.backends)
    func addUser(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let client = try await WebClient.onSettings(app, "users")
            let users = try await app.services.store.count(.user)
            let seq = try await app.services.store.lastJournalSeq()
            // action
            let refused = try await client.post("/settings/users", ["name": "Olga", "email": "olga@", "role": "account_manager",
                                                                   "manager_id": "", "language": "ru", "password": "short"])
            let seqAfterRefusal = try await app.services.store.lastJournalSeq()
            let usersAfterRefusal = try await app.services.store.count(.user)
            let added = try await client.post("/settings/users", ["name": "Olga Ivanova", "email": "olga@example.com", "role": "account_manager",
                                                                 "manager_id": String(app.users["head"]!), "language": "ru",
                                                                 "password": "a long enough password"])
            // check
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("id=\"new-user-email\" name=\"email\" type=\"email\" value=\"olga@\""))
            #expect(refused.body.contains("id=\"new-user-email-error\">Email: is not an email address</p>"))
            #expect(refused.body.contains("id=\"new-user-password-error\">Password: must be at least 10\u{00A0}characters long</p>"))
            #expect(!refused.body.contains("value=\"short\""))
            #expect(seqAfterRefusal == seq && usersAfterRefusal == users)
            let olga = try #require(try await app.services.store.credentials(email: "olga@example.com")).user
            let user = User(record: olga)
            #expect(added.status == .seeOther && added.location == "/settings/users?notice=added#user-\(user.id)")
            #expect(user.role == .accountManager && user.locale == .ru && user.managerID == app.users["head"] && user.active)
            #expect(try await app.journal(after: seq).contains { $0.entity == .user && $0.entityID == user.id && $0.actorID == app.users["admin"] })
            let olgaClient = WebClient(app)
            let signIn = try await olgaClient.signIn(email: "olga@example.com", password: "a long enough password")
            #expect(signIn.status == .seeOther)
        }
    }

    @Test("Changing a role and deactivating a user; an admin cannot deactivate or demote themselves")
    func editUsers() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let client = try await WebClient.onSettings(app, "users")
            let rep2 = app.users["rep2"]!, rep3 = app.users["rep3"]!, admin = app.users["admin"]!
            // action
            let promoted = try await client.post("/settings/users/\(rep3)", ["name": "Rep3", "email": "rep3@test.voronka.local",
                                                                           "role": "account_manager", "manager_id": "", "language": "en", "active": "true"])
            let deactivated = try await client.post("/settings/users/\(rep2)", ["name": "Rep2", "email": "rep2@test.voronka.local",
                                                                              "role": "sales_rep", "manager_id": String(app.users["manager"]!), "language": "en"])
            let taken = try await client.post("/settings/users", ["name": "Twin", "email": "rep1@test.voronka.local", "role": "sales_rep",
                                                                 "language": "en", "password": "a long enough password"])
            let selfOff = try await client.post("/settings/users/\(admin)", ["name": "Administrator", "email": "admin@voronka.local",
                                                                           "role": "admin", "language": "en"])
            let selfDemoted = try await client.post("/settings/users/\(admin)", ["name": "Administrator", "email": "admin@voronka.local",
                                                                               "role": "sales_rep", "language": "en", "active": "true"])
            // check
            #expect(promoted.status == .seeOther && deactivated.status == .seeOther)
            #expect(try await app.services.store.fetch(.user, rep3).map(User.init(record:))?.role == .accountManager)
            #expect(try await app.services.store.fetch(.user, rep2).map(User.init(record:))?.active == false)
            #expect(taken.status == .unprocessableEntity)
            #expect(taken.body.contains("id=\"new-user-email-error\">Email: another user already has the email rep1@test.voronka.local</p>"))
            #expect(selfOff.status == .unprocessableEntity && selfDemoted.status == .unprocessableEntity)
            #expect(selfOff.body.contains("id=\"user-\(admin)-active-error\">Active: you cannot deactivate your own account</p>"))
            #expect(selfDemoted.body.contains("id=\"user-\(admin)-role-error\">Role: you cannot take the admin role from your own account</p>"))
            let me = try #require(try await app.services.store.fetch(.user, admin).map(User.init(record:)))
            #expect(me.active && me.role == .admin)
            let rep2Client = WebClient(app)
            try await rep2Client.setPassword("rep2")
            let signIn = try await rep2Client.signIn(email: "rep2@test.voronka.local", password: WebClient.password)
            #expect(signIn.status != .seeOther, "a deactivated user cannot sign in")
        }
    }

    @Test("A token is created for a user and its secret shown once; it works on the API until revoked", arguments: TestDatabase.backends)
    func tokens(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let client = try await WebClient.onSettings(app, "tokens")
            let seq = try await app.services.store.lastJournalSeq()
            // action
            let refused = try await client.post("/settings/tokens", ["name": "  ", "user_id": String(app.users["rep1"]!)])
            let created = try await client.post("/settings/tokens", ["name": "Website form", "user_id": String(app.users["rep1"]!)])
            let shown = try await client.get("/settings/tokens?notice=added")
            let secret = try #require(shown.body.components(separatedBy: "name=\"token\" type=\"text\" value=\"").dropFirst().first?
                .split(separator: "\"").first.map(String.init))
            let again = try await client.get("/settings/tokens")
            let asRep = try await app.call(.GET, "/api/v1/me", as: secret)
            let id = try #require(try await app.services.store.tokens(userID: app.users["rep1"]!).first { $0.name == "Website form" }?.id)
            let revoked = try await client.post("/settings/tokens/\(id)/revoke", [:])
            let afterRevoke = try await app.call(.GET, "/api/v1/me", as: secret)
            // check
            #expect(refused.status == .unprocessableEntity && refused.body.contains("id=\"new-token-name-error\">Name: is required"))
            #expect(created.status == .seeOther && created.location == "/settings/tokens?notice=added#new-token-secret")
            #expect(created.setCookie("voronka_new_token")?.contains("Path=/settings/tokens") == true)
            #expect(secret.hasPrefix("vk_") && !again.body.contains(secret))
            #expect(asRep.status == .ok && asRep.string("email") == "rep1@test.voronka.local")
            #expect(revoked.status == .seeOther && revoked.location == "/settings/tokens?notice=revoked#settings-section")
            #expect(afterRevoke.status == .unauthorized)
            let entries = try await app.journal(after: seq).filter { $0.entity == .token && $0.entityID == id }
            #expect(entries.map(\.action) == [.create, .delete] && entries.allSatisfy { $0.actorID == app.users["admin"] })
        }
    }

    @Test("An admin resets a password: the new one is shown once and signs in, the old one no longer does, the user's sessions end",
          arguments: TestDatabase.backends)
    func resetPassword(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: rep1 signed in on the web and through the API
            let rep = try await WebClient.signedIn(app, as: "rep1")
            let apiLogin = try await app.call(.POST, "/api/v1/auth/login", json: ["email": "rep1@test.voronka.local", "password": .string(WebClient.password)])
            let apiSession = try #require(apiLogin.string("token"), "\(apiLogin.text)")
            let client = try await WebClient.onSettings(app, "users")
            let id = try #require(app.users["rep1"])
            let name = try #require(try await app.services.store.fetch(.user, id).map(User.init(record:))?.name)
            let seq = try await app.services.store.lastJournalSeq()
            // action
            let reset = try await client.post("/settings/users/\(id)/password", [:])
            let shown = try await client.get("/settings/users?notice=password_reset")
            let password = try #require(shown.body.components(separatedBy: "name=\"password\" type=\"text\" value=\"").dropFirst().first?
                .split(separator: "\"").first.map(String.init), "\(shown.body)")
            let again = try await client.get("/settings/users")
            let repAfter = try await rep.get("/")
            let apiAfter = try await app.call(.GET, "/api/v1/me", as: apiSession)
            let oldPassword = try await WebClient(app).signIn(email: "rep1@test.voronka.local", password: WebClient.password)
            let newPassword = try await WebClient(app).signIn(email: "rep1@test.voronka.local", password: password)
            let adminAfter = try await client.get("/settings/users")
            // check
            #expect(reset.status == .seeOther && reset.location == "/settings/users?notice=password_reset#new-password")
            #expect(reset.setCookie("voronka_new_password")?.contains("Path=/settings/users") == true)
            #expect(shown.body.contains("New password for \(name)") && shown.body.contains("The password is reset"))
            #expect(password.count >= 10 && !again.body.contains(password), "shown once")
            #expect(repAfter.status == .seeOther && repAfter.location?.hasPrefix("/login") == true, "the rep's web session ended")
            #expect(apiAfter.status == .unauthorized, "the rep's API session ended")
            #expect(oldPassword.status != .seeOther && newPassword.status == .seeOther)
            #expect(adminAfter.status == .ok, "the admin's own session goes on")
            let entries = try await app.journal(after: seq).filter { $0.entity == .user && $0.entityID == id }
            #expect(entries.count == 1 && entries.first?.actorID == app.users["admin"])
            #expect(entries.first?.changes.map(\.field) == ["password"] && !(entries.first.map { "\($0.changes)" }?.contains(password) ?? true))
        }
    }
}
