import Foundation
import Testing
import VoronkaAnalytics
import VoronkaCore
@testable import VoronkaWeb

@Suite("Dashboard model from the analytics engine")
struct DashboardAnalyticsTests {
    static let asOf = Clock.day.startDate
    static let names = DashboardPage.Names(users: [3: "Boris Orlov"], stages: [11: "Qualification", 12: "Won", 13: "Lost"],
                                           pipelines: [1: "Equipment sales"], deals: [1: "Boiler <1>"])

    /// 2024: forty leads a month for six months, each with a deal; every tenth won, every tenth lost, the rest still open.
    static func snapshot() -> Snapshot {
        let stages = [Stage(id: 91, pipelineID: 9, name: "New", position: 0, probability: 0),
                      Stage(id: 11, pipelineID: 1, name: "Qualification", position: 1, probability: 10, expectedDays: 10),
                      Stage(id: 12, pipelineID: 1, name: "Won", kind: .won, position: 2, probability: 100),
                      Stage(id: 13, pipelineID: 1, name: "Lost", kind: .lost, position: 3, probability: 0)]
        var leads: [Lead] = [], deals: [Deal] = [], events: [(dealID: Int64, stageID: Int64, at: Date)] = []
        for i in 0..<240 {
            let id = Int64(i + 1)
            let received = Day(year: 2024, month: i / 40 + 1, day: i % 28 + 1)!.startDate
            let created = received.addingTimeInterval(3600)
            let fate = i % 10 == 0 ? 12 : i % 10 == 1 ? 13 : 11
            let closed = fate == 11 ? nil : created.addingTimeInterval(30 * 86_400)
            leads.append(Lead(id: id, receivedAt: received, source: .webForm, companyID: 100, ownerID: 3,
                              firstResponseAt: received.addingTimeInterval(7200), pipelineID: 9, stageID: 91, outcome: .deal, dealID: id))
            deals.append(Deal(id: id, title: "Deal \(id)", companyID: 100, ownerID: 3, pipelineID: 1, stageID: Int64(fate),
                              amount: 100_000_00, expectedClose: Day(year: 2026, month: 10, day: 1), leadID: id,
                              stageEnteredAt: closed ?? created, closedAt: closed, createdAt: created))
            events.append((id, 11, created))
            if let closed { events.append((id, Int64(fate), closed)) }
        }
        return SnapshotBuilder(leads: leads, deals: deals, stageEvents: events, stages: stages,
                               companies: [Company(id: 100, name: "ТеплоМаш", segment: "Enterprise", ownerID: 3)],
                               users: [User(id: 3, name: "Boris Orlov", email: "boris@example.com", role: .salesRep)], lastSeq: 1).snapshot
    }

    @Test("An empty engine gives a dashboard whose every section says there is no data yet")
    func empty() {
        // setup
        let dashboard = Metrics.dashboard(Snapshot(), asOf: Self.asOf)
        for section in DashboardPage.Section.allCases where section != .quality {
            // action
            let model = DashboardPage.Model(shell: .mock(.ru, section: .dashboards), path: "/dashboards", section: section, filter: .init(),
                                            dashboard: dashboard, names: Self.names)
            let page = Inspect(DashboardPage.view(model))
            // check
            #expect(page.has("Для этого фильтра данных пока нет."), "\(section)")
            #expect(!page.has("NaN") && page.nestingErrors.isEmpty, "\(section)")
        }
    }

    @Test("Cohorts, stages, owners and deals get their names; every section renders without NaN")
    func filled() {
        // setup
        let dashboard = Metrics.dashboard(Self.snapshot(), asOf: Self.asOf)
        // action
        let model = DashboardPage.Model(shell: .mock(.en, section: .dashboards), path: "/dashboards", section: .funnel, filter: .init(),
                                        dashboard: dashboard, names: Self.names)
        // check
        #expect(model.asOf == Clock.day)
        #expect(model.funnel.cohorts.map(\.label).prefix(2) == ["2024-01", "2024-02"])
        #expect(model.funnel.cohorts.allSatisfy { $0.year == 2024 && $0.mature })
        #expect(model.funnel.matureLeads == 240 && model.funnel.matureWon == 24)
        #expect(model.stages.rows.contains { $0.stageName == "Qualification" })
        #expect(model.velocity.byOwner.contains { $0.ownerName == "Boris Orlov" })
        #expect(model.forecast.months.contains { $0.period == .month(year: 2026, month: 10) })
        for section in DashboardPage.Section.allCases {
            var m = model
            m.section = section
            let page = Inspect(DashboardPage.view(m))
            #expect(!page.has("NaN") && page.nestingErrors.isEmpty && page.duplicateIDs.isEmpty, "\(section)")
        }
    }

    @Test("Cohort and month labels are read as calendar positions")
    func labels() {
        #expect(DashboardPage.cohortPosition("2025-03").map { [$0.year, $0.index] } == [2025, 3])
        #expect(DashboardPage.cohortPosition("2025-Q2").map { [$0.year, $0.index] } == [2025, 2])
        #expect(DashboardPage.cohortPosition("2025").map { [$0.year, $0.index] } == [2025, 1])
        #expect(DashboardPage.cohortPosition("overdue") == nil)
        #expect(DashboardPage.yearMonth("2025-13") == nil)
    }
}
