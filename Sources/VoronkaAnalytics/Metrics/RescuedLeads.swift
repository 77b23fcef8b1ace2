import Foundation

/// Rescued leads of one owner in one quarter.
public struct RescueRow: Sendable, Codable, Equatable {
    public var ownerID: Int64?
    /// "2025-Q1", the quarter of the rescue (when the rescued lead was qualified).
    public var quarter: String
    /// Leads that came back out of junk or nurture and were qualified.
    public var reopened: Int
    /// Reactivation leads of a company with an earlier lead in junk or nurture, qualified (and not counted as reopened).
    public var reactivated: Int
    /// reopened + reactivated.
    public var rescued: Int
    /// Rescued leads whose deal was won by the as-of date, and its amount in the base currency.
    public var won: Int
    public var wonAmount: Double
}

/// Rescued leads. Definition "rescued-leads v1":
///
/// A lead is rescued when it is qualified (its outcome is "deal" or it is in a won stage of its funnel) by the as-of
/// date and either (a) it was itself sent to junk or nurture earlier and moved back out ("reopened"), or (b) it comes
/// from the source "reactivation" and another lead of the same company (any owner) had been sent to junk or nurture
/// before it arrived ("reactivated"); a lead that is both counts as reopened. The rescue is dated when the lead was
/// qualified (its entry into the won stage of its funnel, else its deal's creation) and credited to the lead's owner;
/// the period applies to that date. Leads pass the filter as usual.
public struct RescueReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("rescued_leads")
    public var currency: String
    /// By owner, then quarter.
    public var rows: [RescueRow]
    public var rescued: Int
    public var won: Int
    public var wonAmount: Double
}

extension Metrics {
    /// Leads rescued from junk or nurture, per owner per quarter ("rescued-leads v1").
    public static func rescuedLeads(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date,
                                    rates: CurrencyRates = .standard) -> RescueReport {
        rescuedLeads(Scope(snapshot, filter, asOf: asOf), rates: rates)
    }

    static func rescuedLeads(_ scope: Scope, rates: CurrencyRates) -> RescueReport {
        let s = scope.snapshot
        let factors = rates.factors(s)
        let n = s.leads.receivedAt.count
        let parkedAt = s.leads.parkedAt, company = s.leads.company, deleted = s.leads.deleted, receivedAt = s.leads.receivedAt
        let firstParked = Scratch(repeating: Double.infinity, count: s.companies.id.count)
        var earliest = scope.asOf
        for l in 0..<n where !deleted[l] {
            earliest = min(earliest, receivedAt[l])
            let c = company[l], parked = parkedAt[l]
            if parked <= scope.asOf, c >= 0, parked < firstParked[Int(c)] { firstParked[Int(c)] = parked }
        }
        // Rows by owner and quarter, from a year before the first lead to the as-of quarter.
        let firstQuarter = Months.month(earliest) / 3 - 4, quarters = Months.month(scope.asOf) / 3 - firstQuarter + 1
        let groups = s.users.id.count + 1
        let reopenedCount = Scratch(repeating: 0, count: groups * quarters), reactivatedCount = Scratch(repeating: 0, count: groups * quarters)
        let wonCount = Scratch(repeating: 0, count: groups * quarters)
        let amounts = Scratch(repeating: MoneySum(), count: groups * quarters)
        let ok = scope.leadOK, reopenedFlag = s.leads.reopened, source = s.leads.source, owner = s.leads.owner, wonAt = scope.leadWon
        for l in 0..<n where ok[l] {
            let reopened = reopenedFlag[l]
            let c = company[l]
            let reactivated = !reopened && source[l] == Source.reactivation && c >= 0 && firstParked[Int(c)] < receivedAt[l]
            guard reopened || reactivated, let at = qualifiedAt(scope, l), at <= scope.asOf, scope.inPeriod(at) else { continue }
            let q = min(max(0, Months.month(at) / 3 - firstQuarter), quarters - 1)
            let i = (Int(owner[l]) + 1) * quarters + q
            if reopened { reopenedCount[i] += 1 } else { reactivatedCount[i] += 1 }
            if wonAt[l].isFinite {
                let d = Int(s.leads.deal[l])
                wonCount[i] += 1
                amounts[i].add(s.deals.amount[d], factor: factors[Int(s.deals.currency[d])])
            }
        }
        var report = RescueReport(currency: rates.base, rows: [], rescued: 0, won: 0, wonAmount: 0)
        var total = MoneySum()
        for i in 0..<(groups * quarters) where reopenedCount[i] + reactivatedCount[i] > 0 {
            let g = i / quarters, q = i % quarters
            let rescued = reopenedCount[i] + reactivatedCount[i]
            report.rows.append(RescueRow(ownerID: g > 0 ? s.users.id[g - 1] : nil, quarter: CohortGrain.quarter.label(firstQuarter + q),
                                         reopened: reopenedCount[i], reactivated: reactivatedCount[i], rescued: rescued,
                                         won: wonCount[i], wonAmount: amounts[i].major))
            report.rescued += rescued
            report.won += wonCount[i]
            total.total += amounts[i].total
        }
        report.rows.sort { ($0.ownerID ?? 0, $0.quarter) < ($1.ownerID ?? 0, $1.quarter) }
        report.wonAmount = total.major
        return report
    }

    /// When the lead was qualified: its entry into a won stage of its funnel, else its deal's creation; nil if not qualified.
    static func qualifiedAt(_ scope: Scope, _ l: Int) -> Double? {
        let s = scope.snapshot
        let st = s.leads.stage[l]
        if st >= 0, s.stages.kind[Int(st)] == Kind.won, s.leads.closedAt[l].isFinite { return s.leads.closedAt[l] }
        let d = scope.liveDeal(l)
        if d >= 0 { return s.deals.createdAt[d] }
        if s.leads.outcome[l] == Outcome.deal { return s.leads.closedAt[l].isFinite ? s.leads.closedAt[l] : nil }
        return nil
    }
}
