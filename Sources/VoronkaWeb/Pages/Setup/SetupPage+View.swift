import Plot
import VoronkaCore

extension SetupPage {
    /// Renders the first-start page.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let min = ["min": t.format.number(model.minimumPasswordLength)]
        func error(_ problems: Problem...) -> String? {
            model.problems.first(where: problems.contains).map { message($0, t, min) }
        }
        let name = FieldInfo(id: "setup-name", label: t[.name], error: error(.nameMissing))
        let email = FieldInfo(id: "setup-email", label: t[.email], error: error(.emailInvalid, .emailTaken))
        let password = FieldInfo(id: "setup-password", label: t[.password], hint: t(.passwordHint, min), error: error(.passwordTooShort))
        let repeated = FieldInfo(id: "setup-password-repeat", label: t[.passwordRepeat], error: error(.passwordsDiffer))
        let summary = [name, email, password, repeated].compactMap { info in info.error.map { (fieldID: info.id, message: $0) } }
        let passwordRules: [Attribute<HTML.InputContext>] = [.attr("autocomplete", "new-password"), .attr("minlength", String(model.minimumPasswordLength))]
        return Layout.page(model.shell, title: t[.setupTitle],
            .div(.class("narrow"),
                .h1(.plain(t[.setupTitle])),
                .p(.plain(t[.setupIntro])),
                .errorSummary(t[.formErrors], summary),
                .postForm(model.action, csrf: model.shell.csrfToken, class: "stack",
                    .inputField(name, name: FormField.name, value: model.name, required: true, extra: [.attr("autocomplete", "name")]),
                    .inputField(email, name: FormField.email, type: "email", value: model.email, required: true,
                                extra: [.attr("autocomplete", "username"), .attr("autocapitalize", "none"), .attr("spellcheck", "false")]),
                    .inputField(password, name: FormField.password, type: "password", required: true, extra: passwordRules),
                    .inputField(repeated, name: FormField.passwordRepeat, type: "password", required: true, extra: passwordRules),
                    .selectField(FieldInfo(id: "setup-language", label: t[.interfaceLanguage]), name: FormField.language,
                                 options: VoronkaCore.Language.allCases.map { ($0.rawValue, Strings.autonym($0)) },
                                 selected: model.language.rawValue),
                    .submit(t[.createAdmin], class: "button button-primary"))))
    }

    static func message(_ problem: Problem, _ t: Localizer, _ min: [String: String]) -> String {
        switch problem {
        case .nameMissing: t[.setupNameMissing]
        case .emailInvalid: t[.setupEmailInvalid]
        case .emailTaken: t[.setupEmailTaken]
        case .passwordTooShort: t(.setupPasswordShort, min)
        case .passwordsDiffer: t[.setupPasswordsDiffer]
        }
    }
}
