import Testing
import VoronkaCore
@testable import VoronkaWeb

@Suite("Pipeline board")
struct PipelineBoardPageTests {
    let nb = "\u{00A0}"

    @Test("Columns show the stage, the count with its plural, the sum and the weighted sum")
    func columns() {
        // action
        let ru = Inspect(PipelineBoardPage.view(.mock(.ru)))
        let en = Inspect(PipelineBoardPage.view(.mock(.en)))
        // check
        #expect(ru.count("<section class=\"column") == 3)
        #expect(ru.has("<h2 id=\"stage-11\">Qualification</h2><p class=\"column-count\">2\(nb)сделки</p>"))
        #expect(ru.has("<p class=\"column-count\">1\(nb)сделка</p>") && ru.has("<p class=\"column-count\">0\(nb)сделок</p>"))
        #expect(ru.has("<dt>Сумма</dt><dd>1\(nb)234\(nb)567\(nb)₽</dd>"))
        #expect(ru.has("<dt>Взвешенная</dt><dd>123\(nb)457\(nb)₽</dd>"))
        #expect(en.has("<dt>Sum</dt><dd>1,234,567\(nb)RUB</dd>"))
        #expect(en.has("<dt>Probability</dt><dd>40%</dd>"))
        #expect(en.has("<p class=\"gate\">Qualified deals only<span class=\"entry-rule\">: need, budget and a decision maker</span></p>"))
        #expect(en.has("<p class=\"empty\">No deals</p>"))
        #expect(en.has("class=\"column column-won\" data-stage-id=\"13\" aria-labelledby=\"stage-13\""))
    }

    @Test("Cards: a draggable link to the deal with company, amount, grade, days in stage, owner")
    func cards() {
        // action
        let p = Inspect(PipelineBoardPage.view(.mock(.en)))
        // check
        #expect(p.count("<li class=\"card") == 3)
        #expect(p.has("<li class=\"card\" id=\"deal-card-501\" draggable=\"true\" data-deal-id=\"501\" data-stage-id=\"11\">"))
        #expect(p.has("<a class=\"card-title\" href=\"/deals/501\" draggable=\"false\">Котельная для ТеплоМаш</a>"))
        #expect(p.has("<p class=\"card-company\">ТеплоМаш</p><p class=\"card-amount\">1,000,000\(nb)RUB</p>"))
        #expect(p.has("<span class=\"grade grade-bbb\" title=\"Grade: BBB\"><span class=\"visually-hidden\">Grade: </span>BBB</span>"))
        #expect(p.has("<span class=\"days\">3\(nb)d in stage</span>"))
        #expect(p.has("<li class=\"card stalled\" id=\"deal-card-502\""))
        #expect(p.has("<span class=\"days days-stalled\"><span aria-hidden=\"true\">⚠ </span>40\(nb)d in stage<strong class=\"stalled-label\"> · Stalled</strong></span>"))
        #expect(p.has("<p class=\"card-owner\">Unassigned</p>"))
    }

    @Test("Time in stage under a day shows hours or minutes, not zero days")
    func timeUnderADay() {
        // setup
        var model = PipelineBoardPage.Model.mock(.ru)
        model.columns[0].cards[0].timeInStage = 5 * 3600 + 1200
        model.columns[0].cards[1].timeInStage = 25 * 60
        // action
        let p = Inspect(PipelineBoardPage.view(model))
        // check
        #expect(p.has(">5\(nb)ч на этапе<"))
        #expect(p.has("25\(nb)мин на этапе"))
        #expect(!p.has(">0\(nb)мин на этапе<"))
    }

    @Test("Every card has a no-script move form: a labelled stage select with the current stage chosen, and a button")
    func moveForms() {
        // action
        let p = Inspect(PipelineBoardPage.view(.mock(.ru)))
        let forms = p.forms.filter { $0.contains("data-move-form") }
        // check
        #expect(forms.count == 3)
        #expect(p.postFormsWithoutToken.isEmpty)
        let first = forms.first { $0.contains("/deals/501/move") }!
        #expect(first.contains("<label for=\"move-501\">Перенести на этап</label><select id=\"move-501\" name=\"stage_id\">"))
        #expect(first.contains("<option value=\"11\" selected>Qualification</option><option value=\"12\">Proposal</option><option value=\"13\">Won</option>"))
        #expect(first.contains(">Перенести</button>"))
        #expect(p.unlabelledControls.isEmpty && p.duplicateIDs.isEmpty, "\(p.duplicateIDs)")
        #expect(p.nestingErrors.isEmpty, "\(p.nestingErrors)")
    }

    @Test("The board is a focusable, labelled region that the script finds; the pipelines switcher marks the current one")
    func board() {
        let p = Inspect(PipelineBoardPage.view(.mock(.en)))
        #expect(p.has("<div class=\"board\" data-board role=\"region\" aria-label=\"Pipeline board\" aria-describedby=\"board-hint\" tabindex=\"0\">"))
        #expect(p.has("<nav class=\"tabs\" aria-label=\"Pipelines\"><ul><li><a href=\"\(SiteURL.pipeline(1).path)\" aria-current=\"page\">Equipment sales</a></li>"))
        #expect(p.has("<script src=\"/assets/voronka.js\" defer></script>"))
    }

    @Test("A refused move shows why, in the user's language, as an alert")
    func refusal() {
        // action
        let ru = Inspect(PipelineBoardPage.view(.mock(.ru, refused: true)))
        let en = Inspect(PipelineBoardPage.view(.mock(.en, refused: true)))
        // check
        #expect(ru.has("<div class=\"banner banner-error\" role=\"alert\" id=\"move-refused\"><p><strong>Сделку «Котельная для ТеплоМаш» нельзя перенести на этап «Proposal»:</strong></p>"))
        #expect(ru.has("<li>Потребность клиента не описана.</li><li>Среди контактов нет ЛПР или экономического покупателя.</li>"))
        #expect(en.has("<li>The client’s need is not described.</li>"))
        #expect(!Inspect(PipelineBoardPage.view(.mock(.en))).has("role=\"alert\""))
    }

    @Test("Gate errors map to reasons; other fields do not")
    func gateReasons() {
        #expect(PipelineBoardPage.Refusal.Reason(gateField: "budget_status") == .budgetNotAllocated)
        #expect(PipelineBoardPage.Refusal.Reason(gateField: "deadline") == .noDeadline)
        #expect(PipelineBoardPage.Refusal.Reason(gateField: "title") == nil)
    }

    @Test("A <script> company name and a quote in a title are escaped in text and attributes")
    func escaping() {
        // setup
        var model = PipelineBoardPage.Model.mock(.en, refused: true)
        model.columns[0].cards[0].companyName = "<script>alert(1)</script>"
        model.columns[0].cards[0].url = "/deals/501\" onclick=\"alert(1)"
        model.columns[0].name = "<b>Stage</b>"
        model.refusal?.dealTitle = "</strong><script>x</script>"
        // action
        let p = Inspect(PipelineBoardPage.view(model))
        // check
        #expect(!p.has("<script>alert") && !p.has("<script>x") && !p.has("<b>Stage"))
        #expect(p.has("<p class=\"card-company\">&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
        #expect(p.has("href=\"/deals/501&quot; onclick=&quot;alert(1)\""))
        #expect(p.has("<option value=\"11\" selected>&lt;b&gt;Stage&lt;/b&gt;</option>"))
        #expect(p.nestingErrors.isEmpty)
    }
}
