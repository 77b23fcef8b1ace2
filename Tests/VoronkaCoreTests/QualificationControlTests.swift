import Testing
@testable import VoronkaCore

@Suite("Qualification control")
struct QualificationControlTests {
    typealias F = QualificationFixtures

    /// The "Complex products" pipeline with ids 1 to 8: 1 Before qualification (0 %), 2 Qualified (10 %, gated),
    /// 3 Technical solution (40 %), 4 Price agreed (50 %), 5 Tender won (85 %), 6 Won, 7 Lost, 8 Postponed.
    static let stages: [Stage] = DefaultPipelines.all.first { $0.pipeline.name == DefaultPipelines.complexProducts }!
        .stages.enumerated().map { i, stage in
            var s = stage
            s.id = Int64(i + 1)
            s.pipelineID = 1
            return s
        }

    static let decider = [F.contact(1, .decisionMaker)]

    @Test("Defaults: qualified past the first stage, controlled past the first gated stage")
    func defaultPositions() {
        // setup
        let settings = ControlSettings()
        let ungated = [10, 20, 30].map { Stage(pipelineID: 1, name: "S\($0)", position: Int64($0), probability: 0) }
        // check
        #expect(settings.firstMeetingPosition(in: Self.stages) == 0)
        #expect(settings.controlPosition(in: Self.stages) == 1)
        #expect(settings.firstMeetingPosition(in: ungated) == 10)
        #expect(settings.controlPosition(in: ungated) == nil)
        #expect(ControlSettings(firstMeetingStagePosition: 2).firstMeetingPosition(in: Self.stages) == 2)
    }

    @Test("Violations, uncontrolled deals and the weighted pipeline worked out by hand")
    func review() {
        // setup
        let deals = [
            F.deal(id: 1, stageID: 2, amount: 100_000, needDescribed: true, budget: .allocated),                       // BBB, decider
            F.deal(id: 2, stageID: 3, amount: 200_000, needDescribed: true),                                           // CCC, budget unknown
            F.deal(id: 3, stageID: 1, amount: 300_000),                                                                // first stage
            F.deal(id: 4, stageID: 4, amount: 400_000, needDescribed: true, budget: .allocated, deadline: "2026-12-01",
                   probabilityOverride: 60),                                                                           // AAA, override
            F.deal(id: 5, stageID: 6, amount: 500_000),                                                                // won: left out
            F.deal(id: 6, stageID: 5, amount: 1_000_000, needDescribed: true, deadline: "2026-12-01"),                 // BBB, budget unknown
            F.deal(id: 7, stageID: 8, amount: 700_000),                                                                // postponed: left out
        ]
        // action
        let report = Control.review(deals: deals, stages: Self.stages, settings: ControlSettings()) { deal in
            Grading.grade(deal: deal, contacts: deal.id == 3 ? [] : Self.decider)
        }
        // check
        #expect(report.deals.map(\.dealID) == [1, 2, 3, 4, 6])
        #expect(report.deals.map(\.qualified) == [true, false, false, true, true])
        #expect(report.violations == [2])
        #expect(report.uncontrolled == [2, 6])
        #expect(report.deals.map(\.probability) == [10, 40, 0, 60, 85])
        #expect(report.deals.map(\.cappedProbability) == [10, 10, 0, 60, 10])
        // 10 % of 100,000 + 40 % of 200,000 + 0 + 60 % of 400,000 + 85 % of 1,000,000
        #expect(report.weightedPipeline == 10_000 + 80_000 + 0 + 240_000 + 850_000)
        // the uncontrolled deals 2 and 6 at 10 %
        #expect(report.weightedPipelineCapped == 10_000 + 20_000 + 0 + 240_000 + 100_000)
    }

    @Test("Explicit positions and cap move the lines")
    func explicitSettings() {
        // setup
        let deals = [
            F.deal(id: 2, stageID: 3, amount: 200_000, needDescribed: true),
            F.deal(id: 6, stageID: 5, amount: 1_000_000, needDescribed: true, deadline: "2026-12-01"),
        ]
        let settings = ControlSettings(firstMeetingStagePosition: 2, controlStagePosition: 3, cap: 20)
        // action
        let report = Control.review(deals: deals, stages: Self.stages, settings: settings) { Grading.grade(deal: $0, contacts: Self.decider) }
        // check
        #expect(report.violations.isEmpty)
        #expect(report.uncontrolled == [6])
        #expect(report.weightedPipelineCapped == 80_000 + 200_000)
    }

    @Test("A gated stage refuses an unqualified deal, naming what is missing")
    func gate() {
        // setup
        let qualified = Self.stages[1]
        let open = Self.stages[0]
        let collecting = F.deal(needDescribed: true, budget: .collecting)
        let bbb = F.deal(needDescribed: true, budget: .allocated)
        let bare = F.deal()
        // action
        let cccNoDecider = Qualification.gate(deal: collecting, grade: Grading.grade(deal: collecting, contacts: []), stage: qualified)
        let bbbNoDecider = Qualification.gate(deal: bbb, grade: Grading.grade(deal: bbb, contacts: [F.contact(1, .technical)]), stage: qualified)
        let bbbDecider = Qualification.gate(deal: bbb, grade: Grading.grade(deal: bbb, contacts: Self.decider), stage: qualified)
        let ungraded = Qualification.gate(deal: bare, grade: Grading.grade(deal: bare, contacts: Self.decider), stage: qualified)
        let ungatedStage = Qualification.gate(deal: bare, grade: Grading.grade(deal: bare, contacts: []), stage: open)
        // check
        #expect(cccNoDecider.map(\.field) == ["budget_status", "deadline", "contact_ids"])
        #expect(cccNoDecider[0].reason.hasPrefix("the client is still collecting offers, not allocated; stage \"Qualified\""))
        #expect(bbbNoDecider.map(\.field) == ["contact_ids"])
        #expect(bbbDecider.isEmpty)
        #expect(ungraded.map(\.field) == ["need_described", "budget_status", "deadline"])
        #expect(ungatedStage.isEmpty)
    }

    @Test("Qualified means AAA or BBB with a decision maker or the economic buyer reached")
    func qualifiedDefinition() {
        // setup
        let aaa = F.deal(needDescribed: true, budget: .allocated, deadline: "2026-12-01")
        // check
        #expect(Qualification.isQualified(Grading.grade(deal: aaa, contacts: [F.contact(1, .economicBuyer)])))
        #expect(!Qualification.isQualified(Grading.grade(deal: aaa, contacts: [F.contact(1, .procurementOnly)])))
        #expect(!Qualification.isQualified(Grading.grade(deal: F.deal(needDescribed: true), contacts: Self.decider)))
    }
}
