import Foundation
import Testing
import VoronkaCore
@testable import VoronkaAnalytics

@Suite("Response times, rescued leads, referrals")
struct LeadMetricTests {
    @Test("First-response time per owner and breaches of the target, hand-worked")
    func responses() {
        // setup: owner 6 answers in 1, 2, 3 and 10 hours, leaves one lead unanswered for 5 hours and one for 1 hour;
        // owner 7 answers in half an hour. As of day 10, target 4 hours.
        var f = Fixture()
        for (i, h) in [1.0, 2, 3, 10].enumerated() {
            f.lead(Int64(1 + i), at: Fixture.at(1), responded: Fixture.at(1 + h / 24))
        }
        f.lead(5, at: Fixture.at(10 - 5.0 / 24))
        f.lead(6, at: Fixture.at(10 - 1.0 / 24))
        f.lead(7, at: Fixture.at(2), owner: 7, responded: Fixture.at(2 + 0.5 / 24))
        // action
        let report = Metrics.responseTimes(f.snapshot(), asOf: Fixture.at(10), targetHours: 4)
        // check: owner 6: median rank ⌈0.5 · 4⌉ = 2 → 2 h; p90 rank ⌈3.6⌉ = 4 → 10 h; late 1, overdue 1.
        // Overall: 0.5, 1, 2, 3, 10: median rank 3 → 2; p90 rank ⌈4.5⌉ = 5 → 10.
        let six = report.byOwner.first { $0.ownerID == 6 }!
        #expect(six.leads == 6 && six.answered == 4 && six.medianHours == 2 && six.p90Hours == 10)
        #expect(six.lateAnswers == 1 && six.unansweredOverdue == 1 && six.breaches == 2)
        let seven = report.byOwner.first { $0.ownerID == 7 }!
        #expect(seven.medianHours == 0.5 && seven.p90Hours == 0.5 && seven.breaches == 0)
        #expect(report.overall.leads == 7 && report.overall.medianHours == 2 && report.overall.p90Hours == 10 && report.overall.breaches == 2)
        let empty = Metrics.responseTimes(Snapshot(), asOf: Fixture.at(10))
        #expect(empty.overall.leads == 0 && empty.overall.medianHours == nil && empty.byOwner.isEmpty)
    }

    @Test("Rescued leads: reopened from junk, or a reactivation after an earlier parked lead, hand-worked")
    func rescued() {
        // setup
        var f = Fixture()
        // R1 (owner 6): junk on day 10, back in work on day 40, qualified on day 50 (Q1), its deal won on day 80.
        f.lead(1, at: Fixture.at(0), path: [(5, Fixture.at(10)), (2, Fixture.at(40)), (3, Fixture.at(50))], outcome: .deal, deal: 1)
        f.deal(1, created: Fixture.at(50), path: [(11, Fixture.at(80))], amount: 500_000, lead: 1)
        // R2 (owner 7, company 200) to nurture on day 5; R3, a reactivation of company 200 on day 100, qualified day 110 (Q2).
        f.lead(2, at: Fixture.at(1), owner: 7, company: 200, path: [(4, Fixture.at(5))], outcome: .nurture)
        f.lead(3, at: Fixture.at(100), source: .reactivation, owner: 7, company: 200, path: [(3, Fixture.at(110))], outcome: .deal, deal: 3)
        f.deal(3, created: Fixture.at(110), owner: 7, company: 200, lead: 3)
        // R4: a reactivation of company 300, which never had a parked lead; R5: company 200 on day 3, before R2 was parked.
        f.lead(4, at: Fixture.at(100), source: .reactivation, company: 300, path: [(3, Fixture.at(101))], outcome: .deal, deal: 4)
        f.deal(4, created: Fixture.at(101), company: 300, lead: 4)
        f.lead(5, at: Fixture.at(3), source: .reactivation, owner: 7, company: 200, path: [(3, Fixture.at(4))], outcome: .deal, deal: 5)
        f.deal(5, created: Fixture.at(4), owner: 7, company: 200, lead: 5)
        // action
        let report = Metrics.rescuedLeads(f.snapshot(), asOf: Fixture.at(200))
        // check
        #expect(report.rows.count == 2)
        #expect(report.rows[0] == RescueRow(ownerID: 6, quarter: "2024-Q1", reopened: 1, reactivated: 0, rescued: 1, won: 1, wonAmount: 5_000))
        #expect(report.rows[1] == RescueRow(ownerID: 7, quarter: "2024-Q2", reopened: 0, reactivated: 1, rescued: 1, won: 0, wonAmount: 0))
        #expect(report.rescued == 2 && report.won == 1 && report.wonAmount == 5_000)
        // Before the rescue is qualified, nothing counts.
        #expect(Metrics.rescuedLeads(f.snapshot(), asOf: Fixture.at(45)).rescued == 0)
        #expect(Metrics.rescuedLeads(Snapshot(), asOf: Fixture.at(45)).rows.isEmpty)
    }

    @Test("Referrals credited to the owner of the referring company, hand-worked")
    func referrals() {
        // setup: F1 and F2 referred by company 100 (owner 6): F1 won 10 000, F2 junk; F3 by company 200 (owner 7), open deal;
        // F4 without a referring company.
        var f = Fixture()
        f.wonLead(1, at: Fixture.at(1), afterDays: 10, amount: 1_000_000, owner: 7, company: 300, source: .referral, referrer: 100)
        f.lead(2, at: Fixture.at(2), source: .referral, referrer: 100, path: [(5, Fixture.at(3))], outcome: .junk)
        f.lead(3, at: Fixture.at(3), source: .referral, referrer: 200, path: [(3, Fixture.at(4))], outcome: .deal, deal: 3)
        f.deal(3, created: Fixture.at(4), lead: 3)
        f.lead(4, at: Fixture.at(4), source: .referral)
        f.lead(5, at: Fixture.at(4), source: .phone)
        // action
        let report = Metrics.referrals(f.snapshot(), asOf: Fixture.at(30))
        let sixOnly = Metrics.referrals(f.snapshot(), AnalyticsFilter(ownerID: 6), asOf: Fixture.at(30))
        // check
        #expect(report.rows.map(\.ownerID) == [nil, 6, 7])
        #expect(report.rows[1] == ReferralRow(ownerID: 6, leads: 2, qualified: 1, won: 1, conversion: 0.5, wonAmount: 10_000))
        #expect(report.rows[2] == ReferralRow(ownerID: 7, leads: 1, qualified: 1, won: 0, conversion: 0, wonAmount: 0))
        #expect(report.total.leads == 4 && report.total.won == 1 && report.total.conversion == 0.25)
        #expect(sixOnly.rows.map(\.ownerID) == [6])
    }
}
