import Plot
import Testing
import VoronkaCore
@testable import VoronkaWeb

@Suite("The page shell")
struct LayoutTests {
    func page(_ shell: Shell) -> Inspect { Inspect(Layout.page(shell, title: "Title <x>", .p("content"))) }

    @Test("The document is in the user's language, has a viewport, the stylesheet and the deferred script")
    func head() {
        // action
        let ru = page(.mock(.ru)), en = page(.mock(.en))
        // check
        #expect(ru.html.hasPrefix("<!DOCTYPE html><html lang=\"ru\">"))
        #expect(en.html.hasPrefix("<!DOCTYPE html><html lang=\"en\">"))
        #expect(ru.has("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"))
        #expect(ru.has("<title>Title &lt;x&gt; · Воронка</title>"))
        #expect(ru.has("<link rel=\"stylesheet\" href=\"/assets/voronka.css\"/>"))
        #expect(ru.has("<script src=\"/assets/voronka.js\" defer></script>"))
        #expect(ru.nestingErrors.isEmpty, "\(ru.nestingErrors)")
    }

    @Test("A skip link comes first and leads to main")
    func skipLink() {
        let p = page(.mock(.en))
        #expect(p.has("<body><a class=\"skip-link\" href=\"#main\">Skip to content</a>"))
        #expect(p.has("<main id=\"main\" tabindex=\"-1\">"))
        #expect(page(.mock(.ru)).has(">Перейти к содержимому</a>"))
    }

    @Test("Navigation: Import and Settings only for admins, the current section marked")
    func navigation() {
        // action
        let rep = page(.mock(.en, admin: false, section: .pipeline))
        let admin = page(.mock(.ru, admin: true, section: .settings))
        // check
        #expect(rep.has("<nav class=\"main-nav\" aria-label=\"Main\">"))
        #expect(rep.has("<a href=\"/leads\">Leads</a>") && rep.has("<a href=\"/companies\">Companies</a>") && rep.has("<a href=\"/dashboards\">Dashboards</a>"))
        #expect(rep.has("<a href=\"\(SiteURL.pipelines.path)\" aria-current=\"page\">Pipeline</a>"))
        #expect(!rep.has("/settings\"") && !rep.has("/import\""))
        #expect(admin.has("<a href=\"/settings\" aria-current=\"page\">Настройки</a>"))
        #expect(admin.has("<a href=\"/import\">Импорт</a>"))
        // One current section in the wide navigation and one in the phone menu (each shown at its own width).
        #expect(admin.count("aria-current=\"page\"") == 2)
        #expect(admin.has("<details class=\"phone-menu\"><summary class=\"button button-quiet\">Меню · Настройки</summary>"))
    }

    @Test("The language switch and sign-out are POST forms with the CSRF token")
    func forms() {
        // action
        let p = page(.mock(.ru, path: "/deals/5?tab=a&b=\"c\""))
        // check
        // The language switch and sign-out, in the wide header and in the phone menu.
        #expect(p.forms.count == 4)
        #expect(p.postFormsWithoutToken.isEmpty)
        #expect(p.has("<form method=\"post\" action=\"\(SiteURL.language.path)\" class=\"language-switch\" aria-label=\"Язык интерфейса\">"))
        #expect(p.has("<input type=\"hidden\" name=\"return_to\" value=\"/deals/5?tab=a&amp;b=&quot;c&quot;\"/>"))
        #expect(p.has("<button type=\"submit\" class=\"button button-quiet\" name=\"language\" value=\"en\" lang=\"en\">English</button>"))
        #expect(!p.has("value=\"ru\" lang=\"ru\""))
        #expect(p.has("<form method=\"post\" action=\"/logout\" class=\"sign-out\">"))
        #expect(p.has(">Выйти</button>"))
        #expect(page(.mock(.en)).has("value=\"ru\" lang=\"ru\">Русский</button>"))
    }

    @Test("Without a user there is no navigation and no sign-out, but the language switch stays")
    func anonymous() {
        let p = page(.anonymous(.en))
        #expect(!p.has("<nav"))
        #expect(!p.has("/logout"))
        #expect(p.has("action=\"\(SiteURL.language.path)\""))
    }

    @Test("The user's name is escaped")
    func escapedName() {
        var shell = Shell.mock(.en)
        shell.user = .init(name: "<script>alert(1)</script>", isAdmin: false)
        let p = page(shell)
        #expect(!p.has("<script>alert"))
        #expect(p.has("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}

@Suite("Sign-in and first start")
struct LoginPageTests {
    @Test("The sign-in form posts email and password with the token, each labelled")
    func form() {
        for language in VoronkaCore.Language.allCases {
            // action
            let p = Inspect(LoginPage.view(.mock(language)))
            // check
            #expect(p.postFormsWithoutToken.isEmpty)
            #expect(p.has("<form method=\"post\" action=\"/login\""))
            #expect(p.has("name=\"email\" type=\"email\""))
            #expect(p.has("name=\"password\" type=\"password\""))
            #expect(p.has("autocomplete=\"current-password\""))
            #expect(p.unlabelledControls.isEmpty, "\(p.unlabelledControls)")
            #expect(p.duplicateIDs.isEmpty)
            #expect(p.nestingErrors.isEmpty)
            #expect(!p.has("role=\"alert\""))
        }
        #expect(Inspect(LoginPage.view(.mock(.ru))).has("<label for=\"login-password\">Пароль</label>"))
        #expect(Inspect(LoginPage.view(.mock(.en))).has(">Sign in</button>"))
    }

    @Test("A failed attempt keeps the email and says why, in the user's language")
    func problem() {
        // action
        let ru = Inspect(LoginPage.view(.mock(.ru, problem: .invalidCredentials)))
        let en = Inspect(LoginPage.view(.mock(.en, problem: .tooManyAttempts)))
        // check
        #expect(ru.has("role=\"alert\" id=\"login-problem\">Неверная почта или пароль.</div>"))
        #expect(ru.has("value=\"anna@example.com\""))
        #expect(ru.has("aria-describedby=\"login-problem\""))
        #expect(en.has(">Too many attempts. Please try again in a few minutes.</div>"))
    }

    @Test("First start: fields with their errors, a summary linking to them, the password rule")
    func setup() {
        // action
        let p = Inspect(SetupPage.view(.mock(.ru, problems: [.emailInvalid, .passwordTooShort])))
        // check
        #expect(p.has("<h1>Создание первого администратора</h1>"))
        #expect(p.has("<a href=\"#setup-email\">Введите адрес почты, например name@example.com.</a>"))
        #expect(p.has("<a href=\"#setup-password\">Пароль должен содержать не менее 12 символов.</a>"))
        #expect(p.has("id=\"setup-email\" name=\"email\" type=\"email\" value=\"anna@example\" required aria-describedby=\"setup-email-error\" aria-invalid=\"true\""))
        #expect(p.has("aria-describedby=\"setup-password-hint setup-password-error\""))
        #expect(p.has("minlength=\"12\""))
        #expect(p.count("aria-invalid=\"true\"") == 2)
        #expect(p.has("<option value=\"ru\" selected>Русский</option>"))
        #expect(p.postFormsWithoutToken.isEmpty && p.unlabelledControls.isEmpty && p.duplicateIDs.isEmpty && p.nestingErrors.isEmpty)
        #expect(!Inspect(SetupPage.view(.mock(.en))).has("aria-invalid"))
    }
}
