import Plot
import VoronkaCore

extension ProfilePage {
    typealias T = BilingualText

    static let title = T(en: "Your profile", ru: "Ваш профиль")
    static let details = T(en: "Name and language", ru: "Имя и язык")
    static let passwordTitle = T(en: "Password", ru: "Пароль")
    static let roleLine = T(en: "{email} · {role}", ru: "{email} · {role}")
    static let newPassword = T(en: "New password", ru: "Новый пароль")
    static let newPasswordHint = T(en: "At least 10 characters. Your other sessions end; this one goes on.",
                                   ru: "Не короче 10 символов. Другие ваши сеансы завершатся, этот продолжится.")
    static let changePassword = T(en: "Change password", ru: "Сменить пароль")
    static let savedNotice = T(en: "Saved.", ru: "Сохранено.")
    static let passwordNotice = T(en: "The password is changed; your other sessions have ended.",
                                  ru: "Пароль изменён; другие ваши сеансы завершены.")

    /// The notice's text in the user's language.
    public static func noticeText(_ notice: Notice, _ t: Localizer) -> String {
        switch notice {
        case .saved: t.pick(savedNotice)
        case .passwordChanged: t.pick(passwordNotice)
        }
    }

    /// Renders the page.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let u = model.user
        let details = SettingsPage.FormState("profile", model.submission, stored: ["name": u.name, "language": u.locale.rawValue])
        let password = SettingsPage.FormState("password", model.submission)
        let languages = Language.allCases.map { ($0.rawValue, Strings.autonym($0)) }
        return Layout.page(model.shell, title: t.pick(title),
            .h1(.plain(t.pick(title))),
            .p(.class("muted"), .plain(Strings.fill(t.pick(roleLine), ["email": u.email, "role": SettingsPage.roleName(u.role, t)]))),
            .unwrap(model.notice) { .div(.class("banner"), .attr("role", "status"), .p(.plain(noticeText($0, t)))) },
            .section(.class("panel"), .attr("aria-labelledby", "profile-details"),
                .h2(.id("profile-details"), .plain(t.pick(ProfilePage.details))),
                .errorSummary(t[.formErrors], details.summary(["name", "language"])),
                .postForm(Paths.profile, csrf: model.shell.csrfToken, class: "grid-form", label: t.pick(ProfilePage.details),
                          .inputField(details.info("name", t[.name]), name: "name", value: details.value("name"), required: true,
                                      extra: [.attr("autocomplete", "name")]),
                          .selectField(details.info("language", t[.interfaceLanguage]), name: "language", options: languages,
                                       selected: details.value("language")),
                          .div(.class("form-actions"), .submit(t[.save], class: "button button-primary")))),
            .section(.class("panel"), .attr("aria-labelledby", "profile-password"),
                .h2(.id("profile-password"), .plain(t.pick(passwordTitle))),
                .errorSummary(t[.formErrors], password.summary([FormField.currentPassword, FormField.password])),
                .postForm(Paths.password, csrf: model.shell.csrfToken, class: "grid-form", label: t.pick(changePassword),
                          // Passwords are never sent back to the browser.
                          .inputField(password.info(FormField.currentPassword, t[.currentPassword]), name: FormField.currentPassword,
                                      type: "password", required: true, extra: [.attr("autocomplete", "current-password")]),
                          .inputField(password.info(FormField.password, t.pick(newPassword), hint: t.pick(newPasswordHint)),
                                      name: FormField.password, type: "password", required: true, extra: [.attr("autocomplete", "new-password")]),
                          .div(.class("form-actions"), .submit(t.pick(changePassword), class: "button button-primary")))))
    }
}
