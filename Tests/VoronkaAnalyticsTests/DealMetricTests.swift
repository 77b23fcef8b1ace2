import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

@Suite("Completeness and yearly buyers")
struct DealMetricTests {
    @Test("Required fields per deal and per owner, and untouched deals, hand-worked")
    func completeness() {
        // setup: as of day 100, untouched after 14 days.
        var f = Fixture()
        // C1 (owner 6): everything filled, changed 2 days ago.
        f.deal(1, created: Fixture.at(10), amount: 100_000, expectedClose: Day("2024-06-01")) { d in
            d.contactIDs = [1]; d.needDescribed = true; d.budgetStatus = .allocated; d.deadline = Day("2024-07-01")
        }
        // C2 (owner 6): nothing filled (amount 0), changed 30 days ago.
        f.deal(2, created: Fixture.at(10), amount: 0)
        // C3 (owner 7): amount, a contact and a deadline, changed 15 days ago.
        f.deal(3, created: Fixture.at(10), amount: 100, owner: 7) { d in d.contactIDs = [2]; d.deadline = Day("2024-07-01") }
        // C4: won, so not counted.
        f.deal(4, created: Fixture.at(10), path: [(11, Fixture.at(20))], amount: 0)
        f.updated = [1: Fixture.at(98), 2: Fixture.at(70), 3: Fixture.at(85), 4: Fixture.at(20)]
        // action
        let report = Metrics.completeness(f.snapshot(), asOf: Fixture.at(100), untouchedDays: 14)
        // check: shares 6/6, 0/6, 3/6
        #expect(report.overall == OwnerCompleteness(ownerID: nil, deals: 3, meanShare: 0.5, complete: 1, untouched: 2))
        #expect(report.owners == [OwnerCompleteness(ownerID: 6, deals: 2, meanShare: 0.5, complete: 1, untouched: 1),
                                  OwnerCompleteness(ownerID: 7, deals: 1, meanShare: 0.5, complete: 0, untouched: 1)])
        #expect(report.fields.map(\.filled) == [2, 1, 2, 1, 1, 2])
        #expect(report.fields[0].share == 0.666667)
        #expect(report.worst.map(\.dealID) == [2, 3, 1])
        #expect(report.worst[0].missing == Metrics.requiredDealFields && report.worst[0].daysSinceUpdate == 30)
        #expect(report.worst[1].missing == ["expected_close", "need_described", "budget_status"])
        #expect(Metrics.completeness(Snapshot(), asOf: Fixture.at(100)).overall.meanShare == nil)
    }

    @Test("Yearly buyers: the same month ± 1 in two years; next purchase and call date, hand-worked")
    func yearlyBuyers() {
        // setup: as of 2025-06-15
        var f = Fixture()
        var id: Int64 = 1
        func won(_ company: Int64, _ y: Int, _ m: Int, _ d: Int) {
            let t = Fixture.date(y, m, d)
            f.deal(id, created: t.addingTimeInterval(-86_400), path: [(11, t)], company: company)
            id += 1
        }
        won(100, 2023, 3, 10); won(100, 2024, 4, 5)     // March and April: anchor March (tie broken by the earlier month)
        won(200, 2023, 7, 1); won(200, 2024, 7, 20)     // July, July
        won(300, 2023, 5, 1); won(300, 2023, 11, 1)     // one year only
        won(400, 2024, 2, 1)                            // once
        won(500, 2023, 12, 5); won(500, 2025, 1, 10)    // December 2023 and January 2025: anchor January (2024, 2025)
        // action
        let report = Metrics.yearlyBuyers(f.snapshot(), asOf: Fixture.date(2025, 6, 15))
        // check: company 200 is due July 2025 (call 1 June, already passed); 500 in January 2026 (call 1 December);
        // 100's March 2025 window ended without a purchase, so March 2026 (call 1 February).
        #expect(report.count == 3)
        #expect(report.companies.map(\.companyID) == [200, 500, 100])
        #expect(report.companies.map(\.month) == [7, 1, 3])
        #expect(report.companies.map(\.nextPurchase) == ["2025-07-01", "2026-01-01", "2026-03-01"])
        #expect(report.companies.map(\.callOn) == ["2025-06-01", "2025-12-01", "2026-02-01"])
        #expect(report.companies.map(\.callOverdue) == [true, false, false])
        #expect(report.companies[0].years == [2023, 2024] && report.companies[0].lastWon == "2024-07-20")
        #expect(report.companies[1].years == [2024, 2025] && report.companies[0].ownerID == 7)
        #expect(Metrics.yearlyBuyers(Snapshot(), asOf: Fixture.date(2025, 6, 15)).companies.isEmpty)
    }
}
