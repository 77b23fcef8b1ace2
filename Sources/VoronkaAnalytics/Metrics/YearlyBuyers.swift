import Foundation

/// A company that buys in the same season every year.
public struct YearlyBuyer: Sendable, Codable, Equatable {
    public var companyID: Int64
    public var ownerID: Int64?
    /// The calendar month (1–12) its purchases cluster around.
    public var month: Int
    /// The years with a won deal within a month of it.
    public var years: [Int]
    /// The day the latest of those deals was won.
    public var lastWon: String
    /// The first day of the expected next purchase month.
    public var nextPurchase: String
    /// One month before it: when the owner should call.
    public var callOn: String
    /// The call date has already passed at the as-of date (and no purchase came yet).
    public var callOverdue: Bool
}

/// Yearly buyers. Definition "yearly-buyers v1":
///
/// Deals passing the filter (any period) won by the as-of date, by the UTC month they were won. A company is a yearly
/// buyer when, for some calendar month M, it won deals within one month of M (M − 1, M or M + 1, across year ends) in
/// at least two different years. M is the month with the most such years (ties: the most wins exactly in M, then the
/// earlier month). The expected next purchase is M of the first year whose window (M ± 1) has no win yet and has not
/// ended before the as-of month; the call date is the first day of the month before. The owner is the company's.
/// Ordered by call date, then company id; at most `limit` listed, `count` in all.
public struct YearlyBuyersReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("yearly_buyers")
    /// Yearly buyers in all.
    public var count: Int
    public var companies: [YearlyBuyer]
}

extension Metrics {
    /// Companies that buy in the same month (± 1) every year, and when to call them ("yearly-buyers v1").
    public static func yearlyBuyers(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date,
                                    limit: Int = .max) -> YearlyBuyersReport {
        yearlyBuyers(Scope(snapshot, filter, asOf: asOf), limit: limit)
    }

    static func yearlyBuyers(_ scope: Scope, limit: Int) -> YearlyBuyersReport {
        let s = scope.snapshot
        let companies = s.companies.id.count
        let ok = scope.dealOK, state = scope.dealState, company = s.deals.company, closedAt = s.deals.closedAt
        // Won deals grouped by company (a counting sort): months won and times.
        let start = Scratch(repeating: 0, count: companies + 1)
        for d in 0..<company.count where state[d] == 1 && ok[d] && company[d] >= 0 { start[Int(company[d]) + 1] += 1 }
        for c in 0..<companies { start[c + 1] += start[c] }
        let next = Scratch(repeating: 0, count: companies + 1)
        for c in 0...companies { next[c] = start[c] }
        let months = Scratch(repeating: 0, count: start[companies])
        let times = Scratch(repeating: 0.0, count: start[companies])
        let table = MonthTable(from: scope.asOf - 20 * 365 * 86_400, to: scope.asOf)
        for d in 0..<company.count where state[d] == 1 && ok[d] && company[d] >= 0 {
            let c = Int(company[d])
            months[next[c]] = table.month(closedAt[d])
            times[next[c]] = closedAt[d]
            next[c] += 1
        }
        let asOfMonth = Months.month(scope.asOf)
        let asOfDay = Int((scope.asOf / 86_400).rounded(.down))
        var found = TopK<(call: Int, c: Int, month: Int, years: [Int], next: Int)>(limit) { a, b in
            (a.call, s.companies.id[a.c]) < (b.call, s.companies.id[b.c])
        }
        var count = 0
        var won: [Int] = []
        for c in 0..<companies where start[c + 1] - start[c] >= 2 {
            won.removeAll(keepingCapacity: true)
            for i in start[c]..<start[c + 1] { won.append(months[i]) }
            won.sort()
            guard won[won.count - 1] - won[0] >= 10, let buyer = yearlyBuyer(won, asOfMonth: asOfMonth) else { continue }
            count += 1
            found.offer((Months.firstDay(buyer.next - 1), c, buyer.month, buyer.years, buyer.next))
        }
        let listed = found.items.map { f -> YearlyBuyer in
            var last = -Double.infinity
            for i in start[f.c]..<start[f.c + 1] where abs(nearest(Int32(months[i]), to: f.month)) <= 1 { last = max(last, times[i]) }
            return YearlyBuyer(companyID: s.companies.id[f.c], ownerID: scope.userID(s.companies.owner[f.c]), month: f.month + 1,
                               years: f.years, lastWon: Months.dayLabel(Int((last / 86_400).rounded(.down))),
                               nextPurchase: Months.dayLabel(Months.firstDay(f.next)), callOn: Months.dayLabel(f.call),
                               callOverdue: f.call < asOfDay)
        }
        return YearlyBuyersReport(count: count, companies: listed)
    }

    /// The anchor month (0–11), its years, and the next expected purchase (a month number), from one company's win
    /// months in ascending order.
    static func yearlyBuyer(_ months: [Int], asOfMonth: Int) -> (month: Int, years: [Int], next: Int)? {
        var best: (month: Int, years: Int, exact: Int)?
        for m in 0..<12 {
            // Months in ascending order give years in ascending order, so distinct years are the changes.
            var years = 0, exact = 0, lastYear = Int.min
            for w in months {
                let offset = nearest(Int32(w), to: m)
                guard abs(offset) <= 1 else { continue }
                let year = (w - offset) / 12
                if year != lastYear { years += 1; lastYear = year }
                if offset == 0 { exact += 1 }
            }
            guard years >= 2 else { continue }
            if best.map({ (years, exact) > ($0.years, $0.exact) }) ?? true { best = (m, years, exact) }
        }
        guard let best else { return nil }
        var years: [Int] = []
        for w in months {
            let offset = nearest(Int32(w), to: best.month)
            if abs(offset) <= 1, years.last != (w - offset) / 12 { years.append((w - offset) / 12) }
        }
        var year = asOfMonth / 12 - 1
        while true {
            let target = year * 12 + best.month
            let windowOver = target + 1 < asOfMonth
            if !windowOver, !months.contains(where: { abs($0 - target) <= 1 }) { return (best.month, years, target) }
            year += 1
        }
    }

    /// The signed distance in months from a month number to the nearest occurrence of calendar month m (0–11), in −6...5.
    static func nearest(_ month: Int32, to m: Int) -> Int {
        var offset = (Int(month) - m) % 12
        if offset < 0 { offset += 12 }
        return offset > 5 ? offset - 12 : offset
    }
}
