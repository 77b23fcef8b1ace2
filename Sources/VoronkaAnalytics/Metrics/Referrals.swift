import Foundation

/// Referral leads credited to one owner.
public struct ReferralRow: Sendable, Codable, Equatable {
    /// The owner of the referring company; nil when the referrer is unknown or has no owner.
    public var ownerID: Int64?
    public var leads: Int
    /// Leads triaged to a deal.
    public var qualified: Int
    /// Leads whose deal was won by the as-of date.
    public var won: Int
    /// won / leads.
    public var conversion: Double?
    /// Amount of the won deals, in the base currency.
    public var wonAmount: Double
}

/// Referrals earned. Definition "referrals v1":
///
/// Leads from the source "referral", received in the period and by the as-of date, passing the filter, where the
/// owner filter applies to the credited owner: the owner of the referring company (`referrer_company_id`), since the
/// referral was earned by whoever looks after that client. A referral without a referring company, or whose company
/// has no owner, is credited to nobody (`ownerID: nil`). Qualified = the lead's outcome is "deal" or it has a deal;
/// won = its deal was won by the as-of date; conversion = won / leads.
public struct ReferralReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("referrals")
    public var currency: String
    public var rows: [ReferralRow]
    public var total: ReferralRow
}

extension Metrics {
    /// Referral leads, their conversion and won value, per owner of the referring company ("referrals v1").
    public static func referrals(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date,
                                 rates: CurrencyRates = .standard) -> ReferralReport {
        referrals(Scope(snapshot, filter, asOf: asOf), rates: rates)
    }

    static func referrals(_ scope: Scope, rates: CurrencyRates) -> ReferralReport {
        let s = scope.snapshot
        let factors = rates.factors(s)
        let groups = s.users.id.count + 1
        let leads = Scratch(repeating: 0, count: groups), qualified = Scratch(repeating: 0, count: groups)
        let won = Scratch(repeating: 0, count: groups)
        let amounts = Scratch(repeating: MoneySum(), count: groups)
        for l in 0..<s.leads.receivedAt.count where s.leads.source[l] == Source.referral {
            guard scope.inPeriod(s.leads.receivedAt[l]), scope.lead(l, checkOwner: false) else { continue }
            let r = s.leads.referrer[l]
            let owner = r >= 0 ? s.companies.owner[Int(r)] : -1
            guard scope.owner(owner) else { continue }
            let g = Int(owner) + 1
            leads[g] += 1
            let d = scope.liveDeal(l)
            if d >= 0 || s.leads.outcome[l] == Outcome.deal { qualified[g] += 1 }
            if scope.leadWonAt(l).isFinite {
                won[g] += 1
                amounts[g].add(s.deals.amount[d], factor: factors[Int(s.deals.currency[d])])
            }
        }
        var rows: [ReferralRow] = []
        var total = ReferralRow(ownerID: nil, leads: 0, qualified: 0, won: 0, wonAmount: 0)
        var sum = MoneySum()
        for g in 0..<groups where leads[g] > 0 {
            rows.append(ReferralRow(ownerID: g > 0 ? s.users.id[g - 1] : nil, leads: leads[g], qualified: qualified[g], won: won[g],
                                    conversion: Round.ratio(won[g], leads[g]), wonAmount: amounts[g].major))
            total.leads += leads[g]; total.qualified += qualified[g]; total.won += won[g]
            sum.total += amounts[g].total
        }
        rows.sort { ($0.ownerID ?? 0) < ($1.ownerID ?? 0) }
        total.conversion = Round.ratio(total.won, total.leads)
        total.wonAmount = sum.major
        return ReferralReport(currency: rates.base, rows: rows, total: total)
    }
}
