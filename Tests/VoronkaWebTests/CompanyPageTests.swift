import Testing
import VoronkaCore
@testable import VoronkaWeb

@Suite("Company page")
struct CompanyPageTests {
    let nb = "\u{00A0}"

    @Test("Fields and custom attributes, labelled in the user's language")
    func fields() {
        let ru = Inspect(CompanyPage.view(.mock(.ru)))
        let en = Inspect(CompanyPage.view(.mock(.en)))
        #expect(ru.has("<h1>ТеплоМаш</h1>"))
        #expect(ru.has("<th scope=\"row\">ИНН</th><td>7701234567</td>"))
        #expect(ru.has("<th scope=\"row\">Годовая выручка</th><td>2\(nb)500\(nb)000\(nb)000\(nb)₽</td>"))
        #expect(ru.has("<th scope=\"row\">Численность</th><td>1\(nb)200</td>"))
        #expect(ru.has("<th scope=\"row\">Паропроизводительность</th><td>5,5\(nb)t/h</td>"))
        #expect(ru.has("<th scope=\"row\">Своя котельная</th><td>Да</td>"))
        #expect(en.has("<th scope=\"row\">Steam output</th><td>5.5\(nb)t/h</td>"))
        #expect(en.has("<th scope=\"row\">Annual revenue</th><td>2,500,000,000\(nb)RUB</td>"))
    }

    @Test("Stored codes read as labels in the user's language; text typed by a person shows as typed")
    func codeLabels() {
        // setup
        var model = CompanyPage.Model.mock(.ru)
        model.company.industry = "metallurgy"
        model.company.segment = "mid-market"
        model.company.source = "cold_call"
        var typed = CompanyPage.Model.mock(.en)
        typed.company.industry = "Котлостроение"
        // action
        let ru = Inspect(CompanyPage.view(model))
        let en = Inspect(CompanyPage.view(typed))
        // check
        #expect(ru.has("<td>Металлургия</td>") && ru.has("<td>Средний бизнес</td>") && ru.has("<td>Холодный звонок</td>"))
        #expect(!ru.has(">metallurgy<") && !ru.has(">cold_call<"))
        #expect(en.has("<td>Котлостроение</td>"))
    }

    @Test("Deals and contacts with their counts")
    func dealsAndContacts() {
        let ru = Inspect(CompanyPage.view(.mock(.ru)))
        #expect(ru.has("<h2 id=\"company-deals\">Сделки<span class=\"muted\"> · 2\(nb)сделки</span></h2>"))
        #expect(ru.has("<th scope=\"row\"><a href=\"/deals/501\">Котельная для ТеплоМаш</a></th><td>Qualification</td><td class=\"number\">1\(nb)234\(nb)567\(nb)₽</td>"))
        #expect(ru.has("<td>Won · Выиграна</td>"))
        #expect(ru.has(" · 1\(nb)контакт"))
        #expect(ru.has("<strong>Иван Петров</strong>") && !ru.has("/contacts/") && ru.has("Технический эксперт"))
    }

    @Test("Purchases by month as a bar chart with one bar per month and the months named")
    func purchases() {
        // action
        let ru = Inspect(CompanyPage.view(.mock(.ru)))
        let en = Inspect(CompanyPage.view(.mock(.en)))
        // check
        #expect(ru.count("class=\"bar\"") == 12)
        #expect(ru.has("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"purchases-chart\""))
        #expect(ru.has("<title>мар 2026: 4\(nb)500\(nb)000\(nb)₽</title>"))
        #expect(ru.has("Выигранные сделки по месяцам закрытия, с окт 2025 по сен 2026; всего 5\(nb)700\(nb)000\(nb)₽."))
        #expect(en.has(">Oct 2025</text>"))
        #expect(en.has("<figcaption class=\"muted\">Won deals by month of closing, Oct 2025 to Sep 2026; total 5,700,000\(nb)RUB.</figcaption>"))
        #expect(Inspect(CompanyPage.view(.mock(.en, purchases: false))).has("No purchases yet."))
    }

    @Test("The yearly-buyer hint names the usual month, the years and the next expected purchase")
    func yearlyBuyer() {
        // setup
        var model = CompanyPage.Model.mock(.ru)
        // action
        let ru = Inspect(CompanyPage.view(model))
        let en = Inspect(CompanyPage.view(.mock(.en)))
        model.yearlyBuyer = nil
        let none = Inspect(CompanyPage.view(model))
        // check
        #expect(ru.has("<div class=\"hint-box\" role=\"note\"><p><strong>Покупает ежегодно</strong> — Покупает каждый год; обычный месяц — март (2024, 2025, 2026).</p>"))
        #expect(ru.has("Следующая покупка ожидается около 01.03.2027."))
        #expect(en.has("Buys every year; usual month: March (2024, 2025, 2026).") && en.has("around Mar 1, 2027."))
        #expect(!none.has("hint-box"))
    }

    @Test("Structure and escaping")
    func structure() {
        // setup
        var model = CompanyPage.Model.mock(.en)
        model.company.name = "<script>alert(1)</script>"
        model.company.notes = "R&amp;D & \"quotes\""
        // action
        let p = Inspect(CompanyPage.view(model))
        // check
        #expect(!p.has("<script>alert"))
        #expect(p.has("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(p.has("<title>&lt;script&gt;alert(1)&lt;/script&gt; · Voronka</title>"))
        #expect(p.has("R&amp;amp;D &amp; \"quotes\""))
        #expect(p.duplicateIDs.isEmpty && p.nestingErrors.isEmpty && p.postFormsWithoutToken.isEmpty)
    }
}

@Suite("Assets")
struct AssetsTests {
    @Test("The script submits the card's own move form with the target stage, and needs no build step")
    func script() {
        let js = Assets.script
        #expect(js.contains("form[data-move-form]") && js.contains("select[name=stage_id]"))
        #expect(js.contains("requestSubmit") && js.contains("form.submit()"))
        #expect(js.contains("dragstart") && js.contains("drop"))
        #expect(!js.contains("import ") && !js.contains("require(") && !js.contains("=>"), "plain script, no modules or build")
        #expect(js.hasPrefix("(function () {"))
        #expect(js.components(separatedBy: "{").count == js.components(separatedBy: "}").count)
    }

    @Test("The stylesheet is mobile first, with focus styles, a skip link, a scrolling board and print rules")
    func stylesheet() {
        let css = Assets.stylesheet
        #expect(css.contains(":focus-visible { outline: 3px solid"))
        #expect(css.contains(".skip-link:focus"))
        #expect(css.contains(".board { display: grid; grid-auto-flow: column;") && css.contains("overflow-x: auto"))
        #expect(css.contains("@media (min-width: 48rem)") && css.contains("@media print") && css.contains("prefers-reduced-motion"))
        #expect(css.components(separatedBy: "{").count == css.components(separatedBy: "}").count)
        #expect(!Assets.version.isEmpty && Assets.version == Assets.version)
    }
}
