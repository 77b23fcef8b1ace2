import Testing
@testable import VoronkaCore

@Suite("Self-check list")
struct QualificationChecklistTests {
    typealias F = QualificationFixtures

    static let economics = EconomicsSettings(monthlyCosts: 50_000_000, dealsPerMonth: 100)

    @Test("A well-prepared deal passes all seven points, in the list's order")
    func allPass() {
        // setup
        let deal = F.deal(needDescribed: true, budget: .allocated, deadline: "2026-10-01", expectedProfit: 600_000,
                          needText: "паровые котлы 2 шт.", custom: ["whole_need": true])
        let contacts = [F.contact(1, .economicBuyer), F.contact(2, .technical, .user)]
        // action
        let items = Checklist.evaluate(deal: deal, company: F.dairy, contacts: contacts, profile: F.profile,
                                       matcher: F.matcher, economics: Self.economics)
        // check
        #expect(items.map(\.id) == [.economics, .audience, .request, .authority, .wholeNeed, .budget, .timing])
        #expect(items.map(\.verdict) == Array(repeating: .pass, count: 7))
        #expect(items[5].label == BilingualText(en: "Budget allocated", ru: "Бюджет выделен"))
    }

    @Test("Missing data is unknown; known shortfalls fail")
    func mixed() {
        // setup
        let deal = F.deal(budget: .collecting, expectedProfit: 400_000, custom: ["whole_need": false])
        let contacts = [F.contact(1, .technical), F.contact(2, .unknown)]
        // action
        let items = Checklist.evaluate(deal: deal, company: nil, contacts: contacts, profile: F.profile,
                                       matcher: F.matcher, economics: Self.economics)
        // check
        // economics below, audience without a company, no request text, a contact of unknown role,
        // part of the need, still collecting offers, no deadline.
        #expect(items.map(\.verdict) == [.fail, .unknown, .unknown, .unknown, .fail, .fail, .fail])
    }

    @Test("A claimed exception passes economics; an explicit request wins over need_text; known roles short of all three fail")
    func overrides() throws {
        // setup
        let deal = F.deal(budget: .unknown, expectedProfit: 100, needText: "паровой котел")
        let exception = try EconomicsException(kind: .largeBuyerSmallOrder, reason: "holding with twelve plants")
        // action
        let items = Checklist.evaluate(deal: deal, company: F.dairy, contacts: [F.contact(1, .technical)], request: "accounting",
                                       profile: F.profile, matcher: F.matcher, economics: Self.economics, exception: exception)
        // check
        #expect(items.map(\.verdict) == [.pass, .pass, .fail, .fail, .unknown, .unknown, .fail])
    }
}
