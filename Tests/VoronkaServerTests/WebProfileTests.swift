import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// One's own profile on the web: name, language and password, through the same rules as the API's `PATCH /me`.
@Suite("Profile through the web")
struct WebProfileTests {
    @Test("A user changes their name and language; a refused password change says why and writes nothing; a new password ends their other sessions, not this one",
          arguments: TestDatabase.backends)
    func profile(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: rep1 signed in twice (a laptop and a phone)
            let rep = try await WebClient.signedIn(app, as: "rep1")
            let phone = try await WebClient.signedIn(app, as: "rep1")
            let id = try #require(app.users["rep1"])
            let newPassword = "a brand new password"
            // action
            let page = try await rep.get("/profile")
            let renamed = try await rep.post("/profile", ["name": "Rep One", "language": "ru"])
            let russian = try await rep.get("/profile?notice=saved")
            let both = try await rep.post("/profile/password", ["current_password": "not my password", "password": "short"])
            let wrong = try await rep.post("/profile/password", ["current_password": "not my password", "password": newPassword])
            let short = try await rep.post("/profile/password", ["current_password": WebClient.password, "password": "short"])
            let stillOld = try await WebClient(app).signIn(email: WebClient.email("rep1"), password: WebClient.password)
            let changed = try await rep.post("/profile/password", ["current_password": WebClient.password, "password": newPassword])
            let same = try await rep.get("/profile")
            let other = try await phone.get("/profile")
            let old = try await WebClient(app).signIn(email: WebClient.email("rep1"), password: WebClient.password)
            let new = try await WebClient(app).signIn(email: WebClient.email("rep1"), password: newPassword)
            // check
            #expect(page.status == .ok && page.body.contains("rep1@test.voronka.local"))
            #expect(renamed.status == .seeOther && renamed.location == "/profile?notice=saved")
            let user = try #require(try await app.services.store.fetch(.user, id).map(User.init(record:)))
            #expect(user.name == "Rep One" && user.locale == .ru)
            #expect(russian.body.contains("Ваш профиль") && russian.body.contains("Сохранено."))
            #expect(both.status == .unprocessableEntity && both.body.contains("id=\"password-password-error\"")
                    && both.body.contains("id=\"password-current-password-error\""), "both problems at once")
            #expect(wrong.status == .unprocessableEntity, "\(wrong.status)")
            #expect(wrong.body.contains("Текущий пароль: не совпадает с вашим текущим паролем"))
            #expect(short.status == .unprocessableEntity && short.body.contains("id=\"password-password-error\""))
            #expect(!wrong.body.contains(newPassword) && !short.body.contains(WebClient.password), "no password is echoed")
            #expect(stillOld.status == .seeOther, "a refused change writes nothing")
            #expect(changed.status == .seeOther && changed.location == "/profile?notice=password_changed")
            #expect(same.status == .ok, "this session goes on")
            #expect(other.status == .seeOther && other.location?.hasPrefix("/login") == true, "the other session ended")
            #expect(old.status != .seeOther && new.status == .seeOther)
        }
    }
}
