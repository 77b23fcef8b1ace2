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
    static let calendarStoppedNotice = T(en: "The calendar feed is stopped: its address no longer works.", ru: "Календарь отключён: его адрес больше не работает.")
    static let passwordNotice = T(en: "The password is changed; your other sessions have ended.",
                                  ru: "Пароль изменён; другие ваши сеансы завершены.")

    /// The notice's text in the user's language.
    public static func noticeText(_ notice: Notice, _ t: Localizer) -> String {
        switch notice {
        case .saved: t.pick(savedNotice)
        case .passwordChanged: t.pick(passwordNotice)
        case .calendarStopped: t.pick(calendarStoppedNotice)
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
                          .div(.class("form-actions"), .submit(t.pick(changePassword), class: "button button-primary")))),
            calendar(model, t))
    }

    static let calendarTitle = BilingualText(en: "Calendar feed", ru: "Календарь")
    static let calendarIntro = BilingualText(
        en: "Your due nudges, follow-ups and yearly buyers' calls in your calendar app (Google, Outlook, Apple): subscribe to a secret address. Anyone with the address sees them; make a new one if it leaked.",
        ru: "Ваши напоминания, задачи со сроком и звонки ежегодным покупателям в приложении календаря (Google, Outlook, Apple): подпишитесь на секретный адрес. Его видит каждый, у кого он есть; если адрес попал не туда, создайте новый.")
    static let calendarNone = BilingualText(en: "No address yet.", ru: "Адреса пока нет.")
    static let calendarSinceText = BilingualText(en: "An address is live since {time}.", ru: "Адрес действует с {time}.")
    static let calendarMake = BilingualText(en: "Make a calendar address", ru: "Создать адрес календаря")
    static let calendarRemake = BilingualText(en: "Make a new address (the old one stops)", ru: "Создать новый адрес (старый перестанет работать)")
    static let calendarStop = BilingualText(en: "Stop the feed", ru: "Отключить календарь")
    static let calendarNew = BilingualText(en: "Your calendar address, shown this once — copy it into your calendar app:",
                                           ru: "Адрес вашего календаря показан один раз — скопируйте его в приложение календаря:")

    static func calendar(_ model: Model, _ t: Localizer) -> Node<HTML.BodyContext> {
        let since = model.calendarSince.map { t.pick(calendarSinceText).replacingOccurrences(of: "{time}", with: t.format.dateTime($0)) }
        return .section(.class("panel"), .id("profile-calendar"), .attr("aria-labelledby", "profile-calendar-title"),
            .h2(.id("profile-calendar-title"), .plain(t.pick(calendarTitle))),
            .p(.class("muted"), .plain(t.pick(calendarIntro))),
            .unwrap(model.newCalendarURL) { url in
                .div(.class("banner"), .attr("role", "status"), .p(.plain(t.pick(calendarNew))),
                     .p(.code(.id("calendar-url"), .class("secret"), .plain(url))))
            },
            .p(.plain(since ?? t.pick(calendarNone))),
            .div(.class("form-actions"),
                .postForm(SiteURL.profileCalendar.path, csrf: model.shell.csrfToken, class: "inline-form",
                          .submit(t.pick(model.calendarSince == nil ? calendarMake : calendarRemake), class: "button")),
                .if(model.calendarSince != nil, .postForm(SiteURL.profileCalendar.path, csrf: model.shell.csrfToken, class: "inline-form",
                                                          .hidden("stop", "true"),
                                                          .submit(t.pick(calendarStop), class: "button button-quiet")))))
    }
}
