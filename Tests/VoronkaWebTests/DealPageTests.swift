import Testing
import VoronkaCore
@testable import VoronkaWeb

@Suite("Deal page")
struct DealPageTests {
    let nb = "\u{00A0}"

    @Test("The header: title, company link, stage, amount, probability set by hand, weighted value, grade")
    func header() {
        // action
        let ru = Inspect(DealPage.view(.mock(.ru)))
        let en = Inspect(DealPage.view(.mock(.en)))
        // check
        #expect(ru.has("<h1>Котельная для ТеплоМаш</h1>"))
        #expect(ru.has("<a href=\"/companies/7\">ТеплоМаш</a> · Equipment sales › Qualification"))
        #expect(ru.has("<dt>Сумма</dt><dd>1\(nb)234\(nb)567\(nb)₽</dd>"))
        #expect(ru.has("<dt>Вероятность</dt><dd>35\(nb)%<small>задана вручную: tender won last year</small></dd>"))
        #expect(ru.has("<dt>Взвешенная сумма</dt><dd>432\(nb)098,45\(nb)₽</dd>"))
        #expect(en.has("<dt>Amount</dt><dd>1,234,567\(nb)RUB</dd>"))
        #expect(en.has("Deal #501"))
        #expect(en.has("grade grade-bbb"))
    }

    @Test("The fields table has labelled rows in the user's language, custom attributes included")
    func fields() {
        let ru = Inspect(DealPage.view(.mock(.ru)))
        let en = Inspect(DealPage.view(.mock(.en)))
        #expect(ru.has("<th scope=\"row\">Ожидаемая прибыль</th><td>200\(nb)000\(nb)₽</td>"))
        #expect(ru.has("<th scope=\"row\">Срок</th><td><time datetime=\"2026-12-01\">01.12.2026</time></td>"))
        #expect(ru.has("<th scope=\"row\">Бюджет</th><td>Выделен</td>"))
        #expect(ru.has("<th scope=\"row\">Паропроизводительность</th><td>5\(nb)t/h</td>"))
        #expect(en.has("<th scope=\"row\">Expected close</th><td><time datetime=\"2026-12-15\">Dec 15, 2026</time></td>"))
        #expect(en.has("<th scope=\"row\">Need</th><td><div class=\"prose\">Steam boiler 5 t/h\nwith installation</div></td>"))
        #expect(en.has("<th scope=\"row\">Steam output</th>"))
    }

    @Test("The buying centre lists contacts with their roles and names the functions not covered")
    func buyingCentre() {
        // setup
        var model = DealPage.Model.mock(.en)
        // action
        let full = Inspect(DealPage.view(model))
        model.contacts.removeLast()
        let partial = Inspect(DealPage.view(model))
        model.contacts = []
        let none = Inspect(DealPage.view(model))
        // check
        #expect(full.has("<th scope=\"row\">Иван Петров</th><td>Главный инженер</td><td><ul class=\"roles\"><li class=\"role role-technical\">Technical</li><li class=\"role role-user\">User</li></ul></td>"))
        #expect(full.has("<a href=\"mailto:petrov@teplomash.ru\">petrov@teplomash.ru</a>"))
        #expect(full.has("<a href=\"tel:+74951234567\">+7 (495) 123-45-67</a>"))
        #expect(!full.has("Not covered yet"))
        #expect(partial.has("Not covered yet: Economic buyer."))
        #expect(none.has("No contacts yet.") && none.has("Not covered yet: Economic buyer, Technical and User."))
    }

    @Test("The seven-point checklist shows a verdict icon and text for each point")
    func checklist() {
        let ru = Inspect(DealPage.view(.mock(.ru)))
        #expect(ru.count("<li class=\"check check-") == 7)
        #expect(ru.has("<li class=\"check check-pass\" data-item=\"economics\"><span class=\"verdict verdict-pass\" title=\"Выполнено\">"))
        #expect(ru.has("<span>Ожидаемая прибыль выше минимальной</span>"))
        #expect(ru.has("data-item=\"authority\"><span class=\"verdict verdict-fail\""))
        #expect(ru.has("Выполнено 4 из 7"))
    }

    @Test("The economics flag for each result")
    func economics() {
        // setup
        var model = DealPage.Model.mock(.en)
        func render(_ result: EconomicsResult) -> Inspect { model.economics = result; return Inspect(DealPage.view(model)) }
        // check
        #expect(render(.above).has("economics economics-pass") && render(.above).has("at or above the minimum of 100,000\(nb)RUB."))
        #expect(render(.below).has("economics economics-fail"))
        #expect(render(.belowExcused(.trialDelivery, reason: "first order")).has("taken as an exception (trial delivery): first order"))
        #expect(render(.unknown).has("economics economics-unknown"))
    }

    @Test("The timeline shows stage changes, field changes, activities and protocols with time and actor")
    func timeline() {
        let ru = Inspect(DealPage.view(.mock(.ru)))
        let en = Inspect(DealPage.view(.mock(.en)))
        #expect(ru.count("<li class=\"event ") == 5)
        #expect(ru.has("<li class=\"event event-protocol\"><p class=\"event-head\"><span class=\"event-kind\">Протокол встречи</span> · <time datetime=\"2026-09-21T11:30:00Z\">21.09.2026 14:30</time> · Boris Orlov</p>"))
        #expect(ru.has("<div class=\"prose\">Agreed on scope.\nNext: site visit.</div>"))
        #expect(ru.has("<span class=\"event-kind\">Звонок</span>") && ru.has("выполнено 21.09.2026 13:00"))
        #expect(ru.has("Сумма: 1\(nb)000\(nb)000\(nb)₽ → 1\(nb)234\(nb)567\(nb)₽"))
        #expect(ru.has("· Воронка</p>"), "a change without an actor is the system's")
        #expect(ru.has("Перенесена с этапа «Lead» на «Qualification»") && ru.has("Создана на этапе «Lead»"))
        #expect(en.has("Moved from “Lead” to “Qualification”"))
    }

    @Test("Field changes read as people read them")
    func fieldChanges() {
        let t = Localizer(.en)
        #expect(DealPage.value(.int(3), field: "owner_id", currency: "RUB", owners: [.init(id: 3, name: "Boris")], t) == "Boris")
        #expect(DealPage.value(.text("collecting"), field: "budget_status", currency: "RUB", owners: [], t) == "Collecting offers")
        #expect(DealPage.value(.null, field: "deadline", currency: "RUB", owners: [], t) == "Not set")
        #expect(DealPage.value(.bool(true), field: "tender", currency: "RUB", owners: [], t) == "Yes")
        #expect(DealPage.value(.int(150), field: "amount", currency: "USD", owners: [], t) == "1.50\(nb)USD")
        #expect(DealPage.fieldLabel("expected_close", t) == "Expected close")
        #expect(DealPage.fieldLabel("some_new_field", t) == "some new field")
    }

    @Test("Add-activity form: kinds, subject, body, due and done, posting with the token")
    func addActivity() {
        let ru = Inspect(DealPage.view(.mock(.ru)))
        let form = ru.forms.first { $0.contains("/deals/501/activities") }!
        #expect(form.contains("name=\"csrf_token\" value=\"tok-123\""))
        #expect(form.contains("<select id=\"activity-kind\" name=\"kind\"><option value=\"call\" selected>Звонок</option><option value=\"meeting\">Встреча</option>"))
        #expect(form.contains("name=\"subject\"") && form.contains("<textarea id=\"activity-body\" name=\"body\"") && form.contains("type=\"datetime-local\""))
        #expect(form.contains("<input id=\"activity-done\" name=\"done\" type=\"checkbox\" value=\"true\"/><label for=\"activity-done\">Выполнено</label>"))
    }

    @Test("Edit form: main fields filled in, money as plain decimals, errors shown at the field and open")
    func editForm() {
        // action
        let clean = Inspect(DealPage.view(.mock(.en)))
        let failed = Inspect(DealPage.view(.mock(.ru, problems: true)))
        let form = clean.forms.first { $0.contains("action=\"/deals/501\"") }!
        // check
        #expect(clean.has("<details class=\"panel edit-deal\"><summary><h2 class=\"summary-heading\">Edit the deal</h2></summary>"))
        #expect(form.contains("name=\"title\" type=\"text\" value=\"Котельная для ТеплоМаш\" required"))
        #expect(form.contains("name=\"amount\" type=\"text\" value=\"1234567.00\" required"))
        #expect(form.contains("inputmode=\"decimal\""))
        #expect(form.contains("<option value=\"RUB\" selected>RUB</option>"))
        #expect(form.contains("name=\"expected_close\" type=\"date\" value=\"2026-12-15\""))
        #expect(form.contains("<option value=\"3\" selected>Boris Orlov</option>"))
        #expect(form.contains("<option value=\"true\" selected>Yes</option>"))
        #expect(form.contains("name=\"probability_override\" type=\"number\" value=\"35\""))
        #expect(failed.has("<details class=\"panel edit-deal\" open>"))
        #expect(failed.has("<a href=\"#deal-edit-amount\">сумма — не более двух знаков после запятой</a>"))
        #expect(failed.has("aria-describedby=\"deal-edit-amount-error\" aria-invalid=\"true\""))
    }

    @Test("Structure: every control labelled, ids unique, forms carry the token, tags balanced")
    func structure() {
        for language in VoronkaCore.Language.allCases {
            let p = Inspect(DealPage.view(.mock(language, problems: true)))
            #expect(p.unlabelledControls.isEmpty, "\(p.unlabelledControls)")
            #expect(p.duplicateIDs.isEmpty, "\(p.duplicateIDs)")
            #expect(p.postFormsWithoutToken.isEmpty)
            #expect(p.nestingErrors.isEmpty, "\(p.nestingErrors)")
        }
    }

    @Test("Meeting protocols and subjects are escaped")
    func escaping() {
        var model = DealPage.Model.mock(.en)
        model.timeline = [.init(at: Clock.at(9), actorName: "<i>Eve</i>", kind: .meetingProtocol(subject: "<script>x</script>", body: "a < b && c > d"))]
        model.deal.title = "\"><script>alert(1)</script>"
        let p = Inspect(DealPage.view(model))
        #expect(!p.has("<script>x") && !p.has("<script>alert") && !p.has("<i>Eve"))
        #expect(p.has("a &lt; b &amp;&amp; c &gt; d"))
        #expect(p.has("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
    }
}
