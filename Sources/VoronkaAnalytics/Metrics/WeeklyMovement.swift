import Foundation

/// Counts of one span of time.
public struct MovementCounts: Sendable, Codable, Equatable {
    public var newLeads: Int
    public var dealsCreated: Int
    public var won: Int
    public var lost: Int
}

/// One week's movement of the funnel against the four weeks before it. Definition "weekly-movement v1":
///
/// The week is the seven days from `start` (the company's Monday 00:00); the four weeks before it are the 28 days
/// before `start`. Leads and deals pass the filter (owners, pipelines, sources…; periods are ignored). New leads were
/// received in the span; deals were created in it; won and lost deals closed in it and were won or lost at the week's
/// end. The previous four weeks are given in all and as a weekly average (rounded to one decimal). Conversion is won ÷
/// (won + lost) of the deals closed in the span; the week is compared with the four weeks pooled by the test of
/// "cohort-anomalies v1" and flagged by its rule (p < 0.01 and at least 5 points apart). `anomalies` are the cohorts
/// "cohort-anomalies v1" flags at the week's end.
public struct WeeklyMovement: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("weekly_movement")
    /// The week's first and last day (UTC dates of the instants).
    public var weekStart: String
    public var weekEnd: String
    public var week: MovementCounts
    public var previousFourWeeks: MovementCounts
    /// Weekly averages of the four weeks before.
    public var previousAverage: [String: Double]
    public var conversion: Double?
    public var previousConversion: Double?
    public var test: ProportionTest?
    public var flagged: Bool
    /// Labels of the cohorts flagged as anomalies.
    public var anomalies: [String]
}

extension Metrics {
    /// The week from `start` against the four weeks before ("weekly-movement v1").
    public static func weeklyMovement(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, start: Date,
                                      rule: AnomalyRule = .standard) -> WeeklyMovement {
        let s = snapshot
        var unbounded = filter
        unbounded.from = nil
        unbounded.to = nil
        let t0 = start.timeIntervalSince1970, week = 7 * 86_400.0
        let end = Date(timeIntervalSince1970: t0 + week - 0.001)
        let scope = Scope(s, unbounded, asOf: end)
        func counts(_ from: Double, _ to: Double) -> MovementCounts {
            var c = MovementCounts(newLeads: 0, dealsCreated: 0, won: 0, lost: 0)
            for l in 0..<s.leads.receivedAt.count where scope.leadOK[l] {
                let r = s.leads.receivedAt[l]
                if r >= from && r < to { c.newLeads += 1 }
            }
            for d in 0..<s.deals.createdAt.count where scope.dealOK[d] {
                let created = s.deals.createdAt[d]
                if created >= from && created < to { c.dealsCreated += 1 }
                let closed = s.deals.closedAt[d]
                guard closed >= from && closed < to else { continue }
                if scope.dealState[d] == 1 { c.won += 1 } else if scope.dealState[d] == 0 { c.lost += 1 }
            }
            return c
        }
        let now = counts(t0, t0 + week)
        let before = counts(t0 - 4 * week, t0)
        func rate(_ c: MovementCounts) -> Double? { c.won + c.lost > 0 ? Double(c.won) / Double(c.won + c.lost) : nil }
        var test: ProportionTest?
        var flagged = false
        if let a = rate(now), let b = rate(before) {
            let t = Significance.compare(now.won, now.won + now.lost, before.won, before.won + before.lost)
            test = t
            flagged = rule.flags(t, difference: a - b)
        }
        func avg(_ n: Int) -> Double { (Double(n) / 4 * 10).rounded() / 10 }
        let anomalies = cohortAnomalies(s, unbounded, asOf: end, rule: rule).flagged
        return WeeklyMovement(weekStart: Months.dayLabel(Int((t0 / 86_400).rounded(.down))),
                              weekEnd: Months.dayLabel(Int(((t0 + week - 1) / 86_400).rounded(.down))),
                              week: now, previousFourWeeks: before,
                              previousAverage: ["new_leads": avg(before.newLeads), "deals_created": avg(before.dealsCreated),
                                                "won": avg(before.won), "lost": avg(before.lost)],
                              conversion: rate(now).map(Round.share), previousConversion: rate(before).map(Round.share),
                              test: test, flagged: flagged, anomalies: anomalies)
    }
}
