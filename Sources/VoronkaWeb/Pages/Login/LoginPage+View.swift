import Plot

extension LoginPage {
    /// Renders the sign-in page.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let problemText = model.problem.map { Self.message($0, t) }
        return Layout.page(model.shell, title: t[.loginTitle],
            .div(.class("narrow"),
                .h1(.plain(t[.loginTitle])),
                .unwrap(problemText) { .div(.class("banner banner-error"), .attr("role", "alert"), .id("login-problem"), .plain($0)) },
                form(model, t, hasProblem: problemText != nil)))
    }

    static func form(_ model: Model, _ t: Localizer, hasProblem: Bool) -> Markup {
        var email: [Attribute<HTML.InputContext>] = [.attr("autocomplete", "username"), .attr("autocapitalize", "none"),
                                                     .attr("spellcheck", "false"), .flag("autofocus", model.email.isEmpty)]
        if hasProblem { email.append(.attr("aria-describedby", "login-problem")) }
        let password: [Attribute<HTML.InputContext>] = [.attr("autocomplete", "current-password"), .flag("autofocus", !model.email.isEmpty)]
        return .postForm(model.action, csrf: model.shell.csrfToken, class: "stack",
            .inputField(FieldInfo(id: "login-email", label: t[.email]), name: FormField.email, type: "email",
                        value: model.email, required: true, extra: email),
            .inputField(FieldInfo(id: "login-password", label: t[.password]), name: FormField.password, type: "password",
                        required: true, extra: password),
            .submit(t[.signIn], class: "button button-primary"))
    }

    static func message(_ problem: Problem, _ t: Localizer) -> String {
        switch problem {
        case .invalidCredentials: t[.loginInvalid]
        case .tooManyAttempts: t[.loginLocked]
        case .sessionExpired: t[.loginExpired]
        }
    }
}
