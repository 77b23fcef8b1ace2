import Testing
@testable import VoronkaCore

@Suite("Deal grades and authority")
struct QualificationGradingTests {
    typealias F = QualificationFixtures

    @Test("Need, allocated budget and deadline count; three AAA, two BBB, one CCC, none ungraded")
    func grades() {
        // setup
        let cases: [(Deal, DealGrade, [Bool])] = [
            (F.deal(needDescribed: true, budget: .allocated, deadline: "2026-09-01"), .aaa, [true, true, true]),
            (F.deal(needDescribed: true, budget: .collecting, deadline: "2026-09-01"), .bbb, [true, false, true]),
            (F.deal(needDescribed: false, budget: .allocated), .ccc, [false, true, false]),
            (F.deal(needDescribed: nil, budget: .unknown), .ungraded, [false, false, false]),
        ]
        for (deal, grade, criteria) in cases {
            // action
            let result = Grading.grade(deal: deal, contacts: [])
            // check
            #expect(result.grade == grade)
            #expect([result.need, result.budget, result.urgency] == criteria)
        }
    }

    @Test("Grades carry the raw values the API shows")
    func rawValues() {
        // check
        #expect(DealGrade.allCases.map(\.rawValue) == ["AAA", "BBB", "CCC", "ungraded"])
    }

    @Test("Authority: functions covered and a decision maker reached, from the contacts' roles")
    func authority() {
        // action
        let full = Authority(contacts: [F.contact(1, .economicBuyer), F.contact(2, .technical, .user)])
        let decider = Authority(contacts: [F.contact(1, .decisionMaker), F.contact(2, .unknown)])
        // check
        #expect(full.economic && full.technical && full.user && full.allFunctionsCovered)
        #expect(full.decisionMakerReached)
        #expect(!full.procurementOnly && !full.hasUnknownRoles)
        #expect(decider.decisionMakerReached)
        #expect(decider.missingFunctions == [.economicBuyer, .technical, .user])
        #expect(decider.hasUnknownRoles)
    }

    @Test("Procurement only: every contact with a known role does procurement and nothing else")
    func procurementOnly() {
        // setup
        let cases: [([Contact], Bool)] = [
            ([F.contact(1, .procurementOnly), F.contact(2, .unknown), F.contact(3)], true),
            ([F.contact(1, .procurementOnly), F.contact(2, .procurementOnly, .technical)], false),
            ([F.contact(1, .unknown)], false),
            ([], false),
        ]
        for (contacts, expected) in cases {
            // action
            let authority = Authority(contacts: contacts)
            // check
            #expect(authority.procurementOnly == expected, "\(contacts.map(\.roles))")
            #expect(!authority.decisionMakerReached)
        }
    }
}
