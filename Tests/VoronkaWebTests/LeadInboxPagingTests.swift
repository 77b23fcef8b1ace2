import Testing
import VoronkaCore
@testable import VoronkaWeb

@Suite("Lead inbox paging")
struct LeadInboxPagingTests {
    func model(_ language: VoronkaCore.Language, newer: String?, older: String?) -> LeadInboxPage.Model {
        var model = LeadInboxPage.Model.mock(language)
        model.paging = Pager(total: 1234, first: 51, count: 3, pageSize: 50, sizes: [25, 50, 100], action: "/leads",
                             previousURL: newer, nextURL: older, texts: LeadInboxPage.pagerTexts)
        return model
    }

    @Test("The pager names the range and the total, links newer and older pages, and offers page sizes")
    func pager() {
        // action
        let en = Inspect(LeadInboxPage.view(model(.en, newer: "/leads?before=abc&size=50", older: "/leads?after=xyz&size=50")))
        let ru = Inspect(LeadInboxPage.view(model(.ru, newer: nil, older: "/leads?after=xyz")))
        // check
        #expect(en.has("<p class=\"lead-count\">1,234\u{00A0}new leads</p>"))
        #expect(en.has("<nav class=\"pager\" aria-label=\"Pages of the inbox\"><p class=\"pager-range\">Leads 51–53 of 1,234</p>"))
        #expect(en.has("<a href=\"/leads?before=abc&amp;size=50\" rel=\"prev\">← Newer leads</a>"))
        #expect(en.has("<a href=\"/leads?after=xyz&amp;size=50\" rel=\"next\">Older leads →</a>"))
        #expect(en.has("<ol class=\"leads\" start=\"51\">"))
        #expect(en.has("<form method=\"get\" action=\"/leads\" class=\"pager-size\">"))
        #expect(en.has("<option value=\"50\" selected>50</option>"))
        #expect(ru.has("Лиды 51–53 из 1\u{00A0}234") && ru.has("Более старые →") && !ru.has("rel=\"prev\""))
        #expect(en.unlabelledControls.isEmpty && en.nestingErrors.isEmpty && en.duplicateIDs.isEmpty)
        #expect(en.postFormsWithoutToken.isEmpty)
    }

    @Test("Without paging the inbox counts its rows and shows no pager")
    func noPager() {
        let page = Inspect(LeadInboxPage.view(.mock(.en)))
        #expect(!page.has("class=\"pager\"") && page.has("<ol class=\"leads\">"))
    }
}
