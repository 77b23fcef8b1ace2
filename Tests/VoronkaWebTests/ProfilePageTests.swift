import Foundation
import Testing
import VoronkaCore
@testable import VoronkaWeb

@Suite("Profile page")
struct ProfilePageTests {
    static let user = User(id: 4, name: "Ирина <b>Ким</b>", email: "irina@example.com", role: .salesRep, locale: .ru)

    @Test("Both forms post with the CSRF token, every control has a label, and the header links to the page",
          arguments: VoronkaCore.Language.allCases)
    func formsAndLabels(language: VoronkaCore.Language) {
        // setup
        let model = ProfilePage.Model(shell: .mock(language, path: "/profile"), user: Self.user)
        // action
        let page = Inspect(ProfilePage.view(model))
        // check
        #expect(page.forms.count >= 2)
        #expect(page.postFormsWithoutToken.isEmpty)
        #expect(page.unlabelledControls.isEmpty, "\(page.unlabelledControls)")
        #expect(page.duplicateIDs.isEmpty && page.nestingErrors.isEmpty)
        #expect(page.has("action=\"/profile\"") && page.has("action=\"/profile/password\""))
        #expect(page.has("class=\"user-name\" href=\"/profile\""))
        #expect(!page.has("<b>Ким</b>"), "the name is escaped")
    }

    @Test("A refused password form shows each reason beside its field in the user's language and never echoes a password")
    func refusedPassword() {
        // setup
        let sent = ProfilePage.Submission(form: "password", values: [:], errors: ["current_password": "Текущий пароль: не совпадает с вашим текущим паролем"])
        let model = ProfilePage.Model(shell: .mock(.ru, path: "/profile"), user: Self.user, submission: sent)
        // action
        let page = Inspect(ProfilePage.view(model))
        // check
        #expect(page.has("<p class=\"field-error\" id=\"password-current-password-error\">Текущий пароль: не совпадает с вашим текущим паролем</p>"))
        #expect(page.has("aria-invalid=\"true\""))
        #expect(!page.has("type=\"password\" value="), "password inputs are always empty")
        #expect(page.has("Ваш профиль"))
    }
}
