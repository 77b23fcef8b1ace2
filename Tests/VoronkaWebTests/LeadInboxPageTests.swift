import Testing
import VoronkaCore
@testable import VoronkaWeb

@Suite("Lead inbox")
struct LeadInboxPageTests {
    @Test("Each lead shows its age, response timer, source, owner and request")
    func rows() {
        // action
        let en = Inspect(LeadInboxPage.view(.mock(.en)))
        let ru = Inspect(LeadInboxPage.view(.mock(.ru)))
        // check
        #expect(en.count("<li class=\"lead\"") == 3)
        #expect(en.has("<p class=\"lead-count\">3\u{00A0}new leads</p>"))
        #expect(ru.has("<p class=\"lead-count\">3\u{00A0}новых лида</p>"))
        #expect(en.has("<time datetime=\"2026-09-21T08:05:00Z\">Sep 21, 2026, 11:05</time> (3\u{00A0}h ago) · Web form · Owner: Boris Orlov"))
        #expect(ru.has("<time datetime=\"2026-09-21T08:05:00Z\">21.09.2026 11:05</time> (3\u{00A0}ч назад) · Форма на сайте · Ответственный: Boris Orlov"))
        #expect(en.has("class=\"timer timer-overdue\"><span aria-hidden=\"true\">⚠ </span>Response overdue by 2\u{00A0}h</p>"))
        #expect(ru.has(">Ответ дан за 35\u{00A0}мин</p>"))
        #expect(ru.has(">На ответ осталось 35\u{00A0}мин</p>"))
        #expect(ru.has("<span class=\"badge badge-fire\">Горячий лид</span>"))
        #expect(en.count("badge-fire") == 1)
        #expect(en.has("<blockquote class=\"lead-request\">Нужен паровой котёл на 5 т/ч, срок — декабрь.</blockquote>"))
        #expect(en.has("No request text") && en.has("Company not named"))
    }

    @Test("A lead's UTM tags and landing page show under it; a lead without them shows no line")
    func attribution() {
        // setup
        var model = LeadInboxPage.Model.mock(.ru)
        model.rows[0].campaign = "yandex / cpc / весна"
        model.rows[0].landingPage = "/boilers?utm=1&x=<b>"
        // action
        let page = Inspect(LeadInboxPage.view(model))
        // check
        #expect(page.has("UTM: yandex / cpc / весна · Посадочная страница: /boilers?utm=1&amp;x=&lt;b&gt;"))
        #expect(page.count("lead-attribution") == 1)
    }

    @Test("Triage shows the suggested outcome and the rules that decided it, with verdicts")
    func triage() {
        // action
        let ru = Inspect(LeadInboxPage.view(.mock(.ru)))
        // check
        #expect(ru.has("<span class=\"outcome outcome-deal\">Сделка</span> — целевая аудитория, запрос в рамках каталога"))
        #expect(ru.has("<span class=\"verdict verdict-pass\" title=\"Выполнено\"><span aria-hidden=\"true\">✓</span><span class=\"visually-hidden\">Выполнено</span></span> паропроизводительность 5 т/ч &gt; 3 т/ч"))
        #expect(ru.has("verdict verdict-fail") && ru.has("численность 12 &lt; 50"))
        #expect(ru.has(">Ещё не разобран</p>"))
    }

    @Test("Three decisions per lead and no separate triage button; the suggested decision is one button, overriding ones require a reason; converting asks for the deal's title")
    func actions() {
        // action
        let p = Inspect(LeadInboxPage.view(.mock(.en)))
        let lead101 = p.forms.filter { $0.contains("/leads/101/") }
        let lead103 = p.forms.filter { $0.contains("/leads/103/") }
        // check
        #expect(p.forms.count == 3 * 3 + 4)
        #expect(p.postFormsWithoutToken.isEmpty)
        #expect(lead101.count == 3)
        #expect(!p.has("/leads/101/triage"))
        let convert = lead101.first { $0.contains(SiteURL.leadDecision(101, .deal).path) }!,
            nurture = lead101.first { $0.contains(SiteURL.leadDecision(101, .nurture).path) }!
        #expect(!convert.contains("name=\"reason\"") && convert.contains("button-primary"))
        #expect(convert.contains("<label for=\"lead-101-deal-title\">Deal title</label>") && convert.contains("name=\"title\" type=\"text\""))
        #expect(nurture.contains("<label for=\"lead-101-nurture-reason\">Reason (required)</label>"))
        #expect(nurture.contains("name=\"reason\" type=\"text\" required"))
        #expect(p.has("<form method=\"post\" action=\"\(SiteURL.leadDecision(102, .junk).path)\" class=\"action-form suggested\">"))
        #expect(lead103.filter { $0.contains("name=\"reason\" type=\"text\" maxlength") }.count == 3, "no suggestion: optional reasons")
        #expect(p.has("role=\"group\" aria-label=\"Actions for lead #101\""))
        #expect(p.unlabelledControls.isEmpty && p.duplicateIDs.isEmpty, "\(p.duplicateIDs)")
        #expect(p.nestingErrors.isEmpty, "\(p.nestingErrors)")
    }

    @Test("A decided lead shows its decision and no actions; an empty inbox says so")
    func decidedAndEmpty() {
        // setup
        var model = LeadInboxPage.Model.mock(.ru)
        model.rows = [model.rows[0]]
        model.rows[0].outcome = .nurture
        // action
        let decided = Inspect(LeadInboxPage.view(model))
        model.rows = []
        let empty = Inspect(LeadInboxPage.view(model))
        // check
        #expect(decided.has("<strong>Решение: </strong><span class=\"outcome outcome-nurture\">Прогрев</span>"))
        #expect(!decided.has("/leads/101/"))
        #expect(empty.has("<p class=\"empty\">Новых лидов нет. Отличная работа.</p>"))
        #expect(empty.has("0\u{00A0}новых лидов"))
    }

    @Test("Whether a decision overrides the suggestion")
    func overrides() {
        let triage = LeadInboxPage.Triage(suggested: .junk, reasons: [], summary: .init(en: "", ru: ""))
        #expect(LeadInboxPage.overrides(.deal, triage))
        #expect(!LeadInboxPage.overrides(.junk, triage))
        #expect(!LeadInboxPage.overrides(.deal, nil))
    }

    @Test("User text is escaped: a <script> company name, a quote in a request")
    func escaping() {
        // setup
        var model = LeadInboxPage.Model.mock(.en)
        model.rows[0].companyName = "<script>alert('x')</script>"
        model.rows[0].requestText = "\"><img src=x onerror=alert(1)>"
        // action
        let p = Inspect(LeadInboxPage.view(model))
        // check
        #expect(!p.has("<script>alert") && !p.has("<img"))
        #expect(p.has("&lt;script&gt;alert('x')&lt;/script&gt;"))
        #expect(p.nestingErrors.isEmpty)
    }
}
