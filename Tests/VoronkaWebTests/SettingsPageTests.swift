import Foundation
import Testing
import VoronkaCore
@testable import VoronkaWeb

extension SettingsPage.Model {
    static let hostile = "<script>\"&"

    /// Each section's content: one pipeline with two stages, two rules, two products (one named with markup), economics,
    /// three users and two tokens.
    static func contents(newToken: String? = nil) -> [SettingsPage.Content] {
        let users = [User(id: 1, name: "Anna Smirnova", email: "anna@example.com", role: .admin, locale: .ru),
                     User(id: 3, name: "Boris Orlov", email: "boris@example.com", role: .headOfSales),
                     User(id: 4, name: hostile, email: "rep@example.com", role: .salesRep, managerID: 3, active: false)]
        return [
            .pipelines([.init(pipeline: Pipeline(id: 1, name: "Equipment sales", nameRu: "Продажа оборудования", kind: .deal), stages: [
                Stage(id: 11, pipelineID: 1, name: "Qualification", nameRu: "Квалификация", position: 1, probability: 10, expectedDays: 14),
                Stage(id: 12, pipelineID: 1, name: "Proposal", position: 2, probability: 40, requiresQualification: true,
                      entryRule: "need, budget and a decision maker"),
            ])]),
            .audience(rules: [AudienceRule(.headcount, .greaterOrEqual(50)),
                              AudienceRule(.custom("steam_tph"), .greater(3), label: "steam output", labelRu: "паропроизводительность", unit: "t/h")],
                      customFields: [AttributeDefinition(entity: "company", key: "steam_tph", type: .number, label: "Steam output",
                                                         labelRu: "Паропроизводительность", unit: "t/h")]),
            .catalog([Product(id: 7, name: "Steam boiler", category: "Boilers", keywords: ["boiler", "steam"], price: 123_456_700),
                      Product(id: 8, name: hostile, active: false)]),
            .economics(EconomicsSettings(monthlyCosts: 500_000_00, dealsPerMonth: 10), currency: "RUB"),
            .users(users, newPassword: newToken.map { SettingsPage.NewPassword(userID: 3, password: $0) }),
            .tokens([SettingsPage.Token(id: 5, name: "Website form", userName: "Anna Smirnova", prefix: "vk_3f9a", createdAt: Clock.at(9),
                                        lastUsedAt: Clock.at(10)),
                     SettingsPage.Token(id: 6, name: hostile, userName: "Boris Orlov", prefix: "vk_77aa", createdAt: Clock.at(9, daysBefore: 30),
                                        revokedAt: Clock.at(9, daysBefore: 2))],
                    users: users, newToken: newToken),
        ]
    }

    static func mock(_ language: VoronkaCore.Language, _ content: SettingsPage.Content, submission: SettingsPage.Submission? = nil) -> Self {
        .init(shell: .mock(language, admin: true, section: .settings, path: "/settings"), content: content, submission: submission)
    }
}

@Suite("Settings pages")
struct SettingsPageTests {
    let nb = "\u{00A0}"

    @Test("Every form of every section posts with the CSRF token, and every control has a label", arguments: VoronkaCore.Language.allCases)
    func formsAndLabels(language: VoronkaCore.Language) {
        for content in SettingsPage.Model.contents(newToken: "vk_secret") {
            // action
            let page = Inspect(SettingsPage.view(.mock(language, content)))
            let section = SettingsPage.Model.mock(language, content).section
            // check
            #expect(page.forms.count >= 3, "\(section)")
            #expect(page.forms.allSatisfy { $0.contains("method=\"post\"") }, "\(section)")
            #expect(page.postFormsWithoutToken.isEmpty, "\(section)")
            #expect(page.unlabelledControls.isEmpty, "\(section): \(page.unlabelledControls)")
            #expect(page.nestingErrors.isEmpty, "\(section): \(page.nestingErrors)")
            #expect(page.duplicateIDs.isEmpty, "\(section): \(page.duplicateIDs)")
            #expect(page.has("<a href=\"/settings/\(section.rawValue)\" aria-current=\"page\">"))
        }
    }

    @Test("Stages are editable forms filled with their values: name, order, probability, duration, gate and entry rule")
    func stages() {
        // action
        let page = Inspect(SettingsPage.view(.mock(.en, SettingsPage.Model.contents()[0])))
        // check
        #expect(page.has("<form method=\"post\" action=\"/settings/pipelines/1/stages/12\" class=\"grid-form\" aria-label=\"Stage “Proposal”\">"))
        #expect(page.has("id=\"stage-12-probability\" name=\"probability\" type=\"number\" value=\"40\" required"))
        #expect(page.has("id=\"stage-11-expected-days\" name=\"expected_days\" type=\"number\" value=\"14\""))
        #expect(page.has("<input id=\"stage-12-requires-qualification\" name=\"requires_qualification\" type=\"checkbox\" value=\"true\" checked/>"))
        #expect(page.has("<input id=\"stage-11-requires-qualification\" name=\"requires_qualification\" type=\"checkbox\" value=\"true\"/>"))
        #expect(page.has(">need, budget and a decision maker</textarea>"))
        #expect(page.has("<option value=\"won\">Won</option>"))
        #expect(page.has("action=\"/settings/pipelines/1/stages\""))
        let ru = Inspect(SettingsPage.view(.mock(.ru, SettingsPage.Model.contents()[0])))
        #expect(ru.has("<h3 id=\"pipeline-1-heading\">Продажа оборудования</h3>"))
        // The stages as one compact table, a row each, with its edit form folded under it.
        #expect(ru.has("<tr class=\"stage-row\"><td class=\"number\">1</td><th scope=\"row\">Квалификация</th><td>Открыта</td><td class=\"number\">10\(nb)%</td>"))
        #expect(ru.has("<details><summary>Изменить: Квалификация</summary>"))
    }

    @Test("A refused form shows each error beside its field, re-fills what was typed, and opens its panel")
    func refused() {
        // setup
        let stage = SettingsPage.Submission(form: "stage-12", values: ["name": "Proposal <b>", "probability": "150", "position": "2"],
                                            errors: ["probability": "Must be between 0 and 100."])
        let user = SettingsPage.Submission(form: "new-user", values: ["name": "Olga", "email": "olga@", "role": "account_manager", "password": "x"],
                                           errors: ["email": "Enter an email address.", "password": "At least 12 characters."])
        // action
        let stages = Inspect(SettingsPage.view(.mock(.en, SettingsPage.Model.contents()[0], submission: stage)))
        let users = Inspect(SettingsPage.view(.mock(.en, SettingsPage.Model.contents()[4], submission: user)))
        // check
        #expect(stages.has("<input id=\"stage-12-probability\" name=\"probability\" type=\"number\" value=\"150\" required aria-describedby=\"stage-12-probability-error\" aria-invalid=\"true\""))
        #expect(stages.has("<p class=\"field-error\" id=\"stage-12-probability-error\">Must be between 0 and 100.</p></div>"))
        #expect(stages.has("value=\"Proposal &lt;b&gt;\""))
        #expect(stages.has("<li><a href=\"#stage-12-probability\">Must be between 0 and 100.</a></li>"))
        #expect(stages.count("class=\"field-error\"") == 1)
        #expect(stages.has("id=\"stage-11-probability\" name=\"probability\" type=\"number\" value=\"10\""))
        #expect(users.has("<details class=\"panel add-panel\" open>"))
        #expect(users.has("id=\"new-user-email\" name=\"email\" type=\"email\" value=\"olga@\""))
        #expect(users.has("<option value=\"account_manager\" selected>Account manager</option>"))
        #expect(users.has("<p class=\"field-error\" id=\"new-user-password-error\">At least 12 characters.</p>"))
        #expect(!users.has("value=\"x\""))
    }

    @Test("User text is escaped in text and in attribute values")
    func escaping() {
        for content in SettingsPage.Model.contents() {
            let page = Inspect(SettingsPage.view(.mock(.en, content)))
            #expect(!page.has("<script>\""), "\(content)")
        }
        let catalog = Inspect(SettingsPage.view(.mock(.en, SettingsPage.Model.contents()[2])))
        #expect(catalog.has("id=\"product-8-name\" name=\"name\" type=\"text\" value=\"&lt;script&gt;&quot;&amp;\""))
        #expect(catalog.has("<h3 id=\"product-8-heading\">&lt;script&gt;\"&amp;<span class=\"muted\">"))
        #expect(catalog.has("aria-label=\"Product “&lt;script&gt;&quot;&amp;”\""))
    }

    @Test("Money in settings is written for the language; inputs take plain decimals")
    func money() {
        let ru = Inspect(SettingsPage.view(.mock(.ru, SettingsPage.Model.contents()[3])))
        let en = Inspect(SettingsPage.view(.mock(.en, SettingsPage.Model.contents()[3])))
        #expect(ru.has("<dt>Минимальная прибыль со сделки</dt><dd>50\(nb)000\(nb)₽</dd>"))
        #expect(en.has("<dt>Minimum profit per deal</dt><dd>50,000\(nb)RUB</dd>"))
        #expect(en.has("name=\"monthly_costs\" type=\"text\" value=\"500000.00\""))
        #expect(ru.has("<label for=\"economics-monthly-costs\">Затраты отдела продаж в месяц, ₽</label>"))
        let catalog = Inspect(SettingsPage.view(.mock(.ru, SettingsPage.Model.contents()[2])))
        #expect(catalog.has("Steam boiler<span class=\"muted\"> · 1\(nb)234\(nb)567\(nb)₽</span>"))
        #expect(catalog.has("name=\"price\" type=\"text\" value=\"1234567.00\""))
    }

    @Test("Users list their role and manager; roles are named in each language")
    func users() {
        let en = Inspect(SettingsPage.view(.mock(.en, SettingsPage.Model.contents()[4])))
        let ru = Inspect(SettingsPage.view(.mock(.ru, SettingsPage.Model.contents()[4])))
        #expect(en.has("<td>Sales rep</td><td>Boris Orlov</td><td>Inactive</td>"))
        #expect(ru.has("<td>Руководитель продаж</td>"))
        #expect(en.has("<option value=\"3\" selected>Boris Orlov</option>"))
    }

    @Test("A new token is shown once, read-only and labelled; revoked tokens have no revoke form")
    func tokens() {
        // action
        let created = Inspect(SettingsPage.view(.mock(.en, SettingsPage.Model.contents(newToken: "vk_3f9a_secret")[5])))
        let later = Inspect(SettingsPage.view(.mock(.en, SettingsPage.Model.contents()[5])))
        // check
        #expect(created.has("<label for=\"new-token-secret\">Token</label><input id=\"new-token-secret\" name=\"token\" type=\"text\" value=\"vk_3f9a_secret\""))
        #expect(created.has("readonly"))
        #expect(!later.has("vk_3f9a_secret") && !later.has("new-token-secret"))
        #expect(later.count("action=\"/settings/tokens/5/revoke\"") == 1)
        #expect(!later.has("/settings/tokens/6/revoke"))
        #expect(later.has("<td>Revoked <time datetime="))
    }

    @Test("A notice confirms a change in the user's language; a checkbox's error shows beside it")
    func noticeAndCheckbox() {
        // setup
        var model = SettingsPage.Model.mock(.ru, SettingsPage.Model.contents()[4],
                                            submission: .init(form: "user-1", values: ["name": "Anna"], errors: ["active": "Нельзя."]))
        model.notice = SettingsPage.noticeText(.saved, model.shell.localizer)
        // action
        let page = Inspect(SettingsPage.view(model))
        // check
        #expect(page.has("<div class=\"banner\" role=\"status\"><p>Сохранено.</p></div>"))
        #expect(page.has("<div class=\"field field-check has-error\"><input id=\"user-1-active\" name=\"active\" type=\"checkbox\" value=\"true\" aria-describedby=\"user-1-active-error\"/>"))
        #expect(page.has("<p class=\"field-error\" id=\"user-1-active-error\">Нельзя.</p>"))
        #expect(SettingsPage.Notice.allCases.map { SettingsPage.noticeText($0, Localizer(.en)) } == ["Added.", "Saved.", "Deleted.", "The token is revoked: it no longer works.",
                                                                                                      "The password is reset; the user's sessions have ended."])
        #expect(SettingsPage.Notice.allCases.map { SettingsPage.noticeText($0, Localizer(.ru)) }.allSatisfy { !$0.isEmpty && $0.unicodeScalars.contains { $0.value >= 0x400 && $0.value <= 0x4FF } })
    }
}
