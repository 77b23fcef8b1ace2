import Foundation
import VoronkaCore
@testable import VoronkaAnalytics

/// Small hand-made funnels for hand-worked cases. Times are days (fractions allowed) after 2024-01-01 00:00 UTC.
/// Stages are `SyntheticFunnel.standardStages()`: lead funnel 1–5 (new, in work, qualified, nurture, junk) and deal
/// pipeline 2 with open stages 6–10 (probabilities 0, 10, 40, 50, 85 %; expected days 14, 30, none, 30, 30),
/// won 11, lost 12, postponed 13.
struct Fixture {
    static let start = Day(year: 2024, month: 1, day: 1)!.startDate.timeIntervalSince1970

    static func at(_ day: Double) -> Date { Date(timeIntervalSince1970: start + day * 86_400) }

    /// A calendar date at noon UTC.
    static func date(_ y: Int, _ m: Int, _ d: Int) -> Date { Date(timeIntervalSince1970: Day(year: y, month: m, day: d)!.startDate.timeIntervalSince1970 + 43_200) }

    static func standardCompanies() -> [Company] {
        var out: [Company] = []
        for id: Int64 in [100, 200, 300, 400, 500] {
            let segment = id == 100 ? "energy" : "food"
            let owner: Int64 = id == 200 ? 7 : 6
            out.append(Company(id: id, name: "C\(id)", segment: segment, ownerID: owner))
        }
        return out
    }

    var leads: [Lead] = []
    var deals: [Deal] = []
    var dealEvents: [(dealID: Int64, stageID: Int64, at: Date)] = []
    var leadEvents: [(leadID: Int64, stageID: Int64, at: Date)] = []
    var updated: [Int64: Date] = [:]
    var companies: [Company] = Fixture.standardCompanies()
    var users = [User(id: 5, name: "Head", email: "h@x.ru", role: .headOfSales),
                 User(id: 6, name: "Rep 6", email: "r6@x.ru", role: .salesRep, managerID: 5),
                 User(id: 7, name: "Rep 7", email: "r7@x.ru", role: .salesRep, managerID: 5)]

    /// Adds a lead; `path` is the lead-funnel stages it entered after arriving (it arrives in stage 1).
    @discardableResult
    mutating func lead(_ id: Int64, at received: Date, source: LeadSource = .webForm, owner: Int64? = 6, company: Int64? = 100,
                       referrer: Int64? = nil, responded: Date? = nil, path: [(Int64, Date)] = [], outcome: LeadOutcome? = nil,
                       deal: Int64? = nil) -> Fixture {
        leads.append(Lead(id: id, receivedAt: received, source: source, referrerCompanyID: referrer, companyName: "x",
                          companyID: company, ownerID: owner, firstResponseAt: responded, pipelineID: 1,
                          stageID: path.last?.0 ?? 1, outcome: outcome, dealID: deal))
        leadEvents.append((id, 1, received))
        for (stage, t) in path { leadEvents.append((id, stage, t)) }
        return self
    }

    /// Adds a deal created in stage 6 at `created` that then entered the stages of `path`; it is closed when it first
    /// enters a won (11) or lost (12) stage.
    mutating func deal(_ id: Int64, created: Date, path: [(Int64, Date)] = [], amount: Int64 = 100_000, currency: String = "RUB",
                       owner: Int64? = 6, company: Int64 = 100, lead: Int64? = nil, expectedClose: Day? = nil,
                       override: Int64? = nil, configure: (inout Deal) -> Void = { _ in }) {
        var deal = Deal(id: id, title: "D\(id)", companyID: company, ownerID: owner, pipelineID: 2, stageID: path.last?.0 ?? 6,
                        amount: amount, currency: currency, expectedClose: expectedClose, probabilityOverride: override,
                        leadID: lead, createdAt: created)
        deal.closedAt = path.first { $0.0 == 11 || $0.0 == 12 }?.1
        deal.stageEnteredAt = path.last?.1 ?? created
        configure(&deal)
        deals.append(deal)
        dealEvents.append((id, 6, created))
        for (stage, t) in path { dealEvents.append((id, stage, t)) }
    }

    /// A lead and its deal, won `days` after the lead arrived.
    mutating func wonLead(_ id: Int64, at received: Date, afterDays days: Double, amount: Int64 = 100_000, owner: Int64? = 6,
                          company: Int64? = 100, source: LeadSource = .webForm, referrer: Int64? = nil) {
        let won = received.addingTimeInterval(days * 86_400)
        let created = received.addingTimeInterval(min(days, 1) * 86_400 / 2)
        lead(id, at: received, source: source, owner: owner, company: company, referrer: referrer,
             path: [(3, created)], outcome: .deal, deal: id)
        deal(id, created: created, path: [(11, won)], amount: amount, owner: owner, company: company ?? 100, lead: id)
    }

    func snapshot() -> Snapshot {
        SnapshotBuilder(leads: leads, deals: deals, stageEvents: dealEvents, stages: SyntheticFunnel.standardStages(),
                        companies: companies, users: users, lastSeq: 1, leadStageEvents: leadEvents, dealUpdatedAt: updated).snapshot
    }
}
