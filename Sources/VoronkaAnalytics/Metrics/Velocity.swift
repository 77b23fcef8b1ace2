import Foundation

/// Sales velocity at one time, overall or for one owner.
public struct VelocityRow: Sendable, Codable, Equatable {
    /// The owner; nil overall (or for deals without an owner in `byOwner`).
    public var ownerID: Int64?
    /// In `byChannel`: the channel of the deal's lead (a merged channel counts as the one it was merged into); nil for
    /// deals without a lead or a channel.
    public var channelID: Int64? = nil
    /// The month of a trend point ("2025-03"), measured at its end (or at the as-of date for the current month).
    public var month: String?
    /// Deals open then (created, not won or lost).
    public var openDeals: Int
    /// Deals won and lost in the history window before then.
    public var wonDeals: Int
    public var lostDeals: Int
    /// won / (won + lost).
    public var winRate: Double?
    /// Mean amount of the won deals, in the base currency.
    public var averageWonAmount: Double?
    /// Mean days from creation to win of the won deals.
    public var averageCycleDays: Double?
    /// openDeals × winRate × averageWonAmount ÷ averageCycleDays: base currency per day.
    public var perDay: Double?
}

/// Sales velocity. Definition "velocity v1":
///
/// Deals passing the filter. At a time t: open deals = created by t and not won or lost by t (postponed ones count as
/// open); history = deals won or lost in the window (t − historyDays, t] (with a filter period, in the period instead,
/// for the as-of figures); win rate = won / (won + lost) in the history; average won amount in the base currency
/// (deals in a currency without a rate are left out of it); average cycle = mean days from creation to win of the won
/// deals. Velocity per day = open × win rate × average won amount ÷ average cycle. Overall and per owner at the as-of
/// date; the trend gives the overall figure at the end of each of the last `months` months (the current month at the
/// as-of date), always with the trailing window. Also per lead channel of the deal's lead, at the as-of date.
public struct VelocityReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("velocity")
    public var currency: String
    public var historyDays: Int
    public var overall: VelocityRow
    public var byOwner: [VelocityRow]
    /// Per channel of the deal's lead, most open deals first.
    public var byChannel: [VelocityRow] = []
    /// Oldest first.
    public var trend: [VelocityRow]
    public var unconvertedDeals: Int
}

extension Metrics {
    /// Sales velocity overall, per owner and by month ("velocity v1").
    public static func velocity(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date, rates: CurrencyRates = .standard,
                                historyDays: Int = 365, months: Int = 12) -> VelocityReport {
        velocity(Scope(snapshot, filter, asOf: asOf), rates: rates, historyDays: historyDays, months: months)
    }

    static func velocity(_ scope: Scope, rates: CurrencyRates, historyDays: Int, months: Int) -> VelocityReport {
        let s = scope.snapshot
        let factors = rates.factors(s)
        let window = Double(historyDays) * 86_400
        let periodSet = scope.from > -.infinity || scope.to < .infinity
        let byOwner = Scratch(repeating: VelocityAccumulator(), count: s.users.id.count + 1)
        let byChannel = Scratch(repeating: VelocityAccumulator(), count: s.channels.group.count + 1)
        var unconverted = 0
        // Trend points: the ends of the last `months` months, the last one at the as-of date.
        let lastMonth = Months.month(scope.asOf)
        let points = (0..<max(1, months)).map { i -> Double in
            let m = lastMonth - max(1, months) + 1 + i
            return min(scope.asOf, Double(Months.firstDay(m + 1)) * 86_400)
        }
        let trend = TrendAccumulator(points: points)
        for d in 0..<s.deals.createdAt.count where scope.dealOK[d] {
            let owner = Int(s.deals.owner[d]) + 1
            let created = s.deals.createdAt[d], closed = s.deals.closedAt[d]
            let outcome = scope.outcome(d)
            let lead = Int(s.deals.lead[d])
            let channel = Int(lead >= 0 ? scope.channelOf(lead: lead) : -1) + 1
            if outcome == nil { byOwner[owner].open += 1; byChannel[channel].open += 1 }
            let factor = factors[Int(s.deals.currency[d])]
            // `outcome` is set only for deals closed by the as-of date.
            if let outcome, periodSet ? scope.inPeriod(closed) : closed > scope.asOf - window {
                byOwner[owner].add(won: outcome == 1, amount: s.deals.amount[d], factor: factor, cycle: closed - created)
                byChannel[channel].add(won: outcome == 1, amount: s.deals.amount[d], factor: factor, cycle: closed - created)
                if outcome == 1, factor.isNaN { unconverted += 1 }
            }
            trend.add(created: created, closed: closed, won: scope.dealWonAt(d).isFinite, amount: s.deals.amount[d],
                      factor: factor, window: window)
        }
        var overall = VelocityAccumulator()
        for a in byOwner.array { overall.merge(a) }
        var rows: [VelocityRow] = []
        for (i, a) in byOwner.array.enumerated() where a.open + a.won + a.lost > 0 {
            var row = a.row
            row.ownerID = i > 0 ? s.users.id[i - 1] : nil
            rows.append(row)
        }
        rows.sort { ($0.ownerID ?? 0) < ($1.ownerID ?? 0) }
        var channels: [VelocityRow] = []
        for (i, a) in byChannel.array.enumerated() where a.open + a.won + a.lost > 0 {
            var row = a.row
            row.channelID = i > 0 ? s.channels.id[i - 1] : nil
            channels.append(row)
        }
        channels.sort { (-$0.openDeals, $0.channelID ?? 0) < (-$1.openDeals, $1.channelID ?? 0) }
        let trendRows = trend.rows().enumerated().map { i, a -> VelocityRow in
            var row = a.row
            row.month = Months.label(lastMonth - points.count + 1 + i)
            return row
        }
        return VelocityReport(currency: rates.base, historyDays: historyDays, overall: overall.row, byOwner: rows, byChannel: channels,
                              trend: trendRows, unconvertedDeals: unconverted)
    }
}

struct VelocityAccumulator {
    var open = 0, won = 0, lost = 0, wonConverted = 0
    var wonAmount = 0.0, cycleSeconds = 0.0

    mutating func add(won isWon: Bool, amount: Int64, factor: Double, cycle: Double) {
        guard isWon else { lost += 1; return }
        won += 1
        cycleSeconds += max(0, cycle)
        if !factor.isNaN { wonAmount += Double(amount) * factor; wonConverted += 1 }
    }

    mutating func merge(_ o: VelocityAccumulator) {
        open += o.open; won += o.won; lost += o.lost; wonConverted += o.wonConverted
        wonAmount += o.wonAmount; cycleSeconds += o.cycleSeconds
    }

    var row: VelocityRow {
        let winRate = won + lost > 0 ? Double(won) / Double(won + lost) : nil
        let average = wonConverted > 0 ? wonAmount / 100 / Double(wonConverted) : nil
        let cycle = won > 0 ? cycleSeconds / 86_400 / Double(won) : nil
        var perDay: Double?
        if let winRate, let average, let cycle, cycle > 0 { perDay = Double(open) * winRate * average / cycle }
        return VelocityRow(openDeals: open, wonDeals: won, lostDeals: lost, winRate: winRate.map(Round.share),
                           averageWonAmount: average.map(Round.money), averageCycleDays: cycle.map(Round.money),
                           perDay: perDay.map(Round.money))
    }
}

/// The overall velocity at several times in one pass: each deal adds to a range of points (difference arrays).
struct TrendAccumulator {
    let points: [Double]
    let open: Scratch<Int>, won: Scratch<Int>, lost: Scratch<Int>, wonConverted: Scratch<Int>
    let wonAmount: Scratch<Double>, cycle: Scratch<Double>

    init(points: [Double]) {
        self.points = points
        open = Scratch(repeating: 0, count: points.count + 1)
        won = Scratch(repeating: 0, count: points.count + 1)
        lost = Scratch(repeating: 0, count: points.count + 1)
        wonConverted = Scratch(repeating: 0, count: points.count + 1)
        wonAmount = Scratch(repeating: 0, count: points.count + 1)
        cycle = Scratch(repeating: 0, count: points.count + 1)
    }

    /// The first point at or after t.
    private func firstPoint(atOrAfter t: Double) -> Int {
        var lo = 0, hi = points.count
        while lo < hi { let mid = (lo + hi) / 2; if points[mid] < t { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    func add(created: Double, closed: Double, won isWon: Bool, amount: Int64, factor: Double, window: Double) {
        // Open at points p with created <= p < closed.
        let a = firstPoint(atOrAfter: created)
        let openEnd = closed.isFinite ? firstPoint(atOrAfter: closed) : points.count
        if a < openEnd { open[a] += 1; open[openEnd] -= 1 }
        // In the history of points p with p - window < closed <= p.
        guard closed.isFinite else { return }
        let c = firstPoint(atOrAfter: closed)
        let e = firstPoint(atOrAfter: closed + window)
        guard c < e else { return }
        if isWon {
            won[c] += 1; won[e] -= 1
            cycle[c] += max(0, closed - created); cycle[e] -= max(0, closed - created)
            if !factor.isNaN {
                let v = Double(amount) * factor
                wonConverted[c] += 1; wonConverted[e] -= 1
                wonAmount[c] += v; wonAmount[e] -= v
            }
        } else {
            lost[c] += 1; lost[e] -= 1
        }
    }

    func rows() -> [VelocityAccumulator] {
        var out: [VelocityAccumulator] = []
        var a = VelocityAccumulator()
        for i in points.indices {
            a.open += open[i]; a.won += won[i]; a.lost += lost[i]; a.wonConverted += wonConverted[i]
            a.wonAmount += wonAmount[i]; a.cycleSeconds += cycle[i]
            out.append(a)
        }
        return out
    }
}
