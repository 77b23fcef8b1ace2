import Foundation

/// How the Kaplan–Meier estimate treats a lead closed without a win (junk, nurture, or its deal lost).
public enum UnwonLeadHandling: String, Sendable, Codable, CaseIterable {
    /// The lead stays at risk until the as-of date: a closed lead does not convert, so it counts as "not yet converted"
    /// for as long as it has been observed. 1 − S(t) is then the cumulative share of leads converted by day t.
    case atRiskUntilAsOf
    /// The lead is censored when it closed, as if it could still have converted later; this overstates conversion when
    /// many leads are closed early (it estimates conversion in a world where nobody is ever turned away).
    case censoredAtClose
}

/// One step of the cumulative conversion curve.
public struct CurvePoint: Sendable, Codable, Equatable {
    /// Whole days since arrival (events during day `day`, i.e. after [day, day + 1) days).
    public var day: Int
    /// Leads still at risk at the start of that day.
    public var atRisk: Int
    /// Leads won during the day.
    public var events: Int
    /// Leads censored during the day (after the day's events).
    public var censored: Int
    /// 1 − S(day): the estimated share converted by the end of the day.
    public var conversion: Double
    /// A 95 % confidence band from Greenwood's variance (conversion ± 1.96 · S · √Σ d/(n(n − d))), clipped to [0, 1].
    public var lower: Double
    public var upper: Double
}

extension Metrics {
    /// The Kaplan–Meier cumulative conversion curve by days since arrival. Definition "kaplan-meier v1":
    ///
    /// Every lead passing the filter and received in the period and by the as-of date counts. The event is the win
    /// (the lead's deal reaching a won stage, by the as-of date) at ⌊(won − received) / 1 day⌋. A lead still open is
    /// censored at its age on the as-of date. A lead closed without a win is, by default, also censored at its age on
    /// the as-of date (`atRiskUntilAsOf`: it did not convert, and stays in the denominator); `censoredAtClose` censors it
    /// at its close instead. Ties: a day's wins are counted before its censorings. One point per day with a win.
    public static func kaplanMeier(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date,
                                   unwon: UnwonLeadHandling = .atRiskUntilAsOf) -> [CurvePoint] {
        kaplanMeier(Scope(snapshot, filter, asOf: asOf), unwon: unwon)
    }

    static func kaplanMeier(_ scope: Scope, unwon: UnwonLeadHandling) -> [CurvePoint] {
        let counts = dailyCounts(scope, unwon: unwon)
        return curve(events: counts.events, censored: counts.censored, total: counts.total)
    }

    /// Per day since arrival: wins and censorings of the leads in scope, and how many leads there are.
    static func dailyCounts(_ scope: Scope, unwon: UnwonLeadHandling) -> (events: [Int], censored: [Int], total: Int) {
        let receivedAt = scope.snapshot.leads.receivedAt, ok = scope.leadOK, wonAt = scope.leadWon
        let n = receivedAt.count
        var first = Double.infinity
        for l in 0..<n where ok[l] && scope.inPeriod(receivedAt[l]) { first = min(first, receivedAt[l]) }
        guard first.isFinite else { return ([], [], 0) }
        let days = Int(((scope.asOf - first) / 86_400).rounded(.down)) + 1
        let events = Scratch(repeating: 0, count: days), censored = Scratch(repeating: 0, count: days)
        var total = 0
        for l in 0..<n where ok[l] {
            let received = receivedAt[l]
            guard scope.inPeriod(received) else { continue }
            total += 1
            let won = wonAt[l]
            if won.isFinite {
                events[min(days - 1, Int(max(0, won - received) / 86_400))] += 1
                continue
            }
            var end = scope.asOf
            if unwon == .censoredAtClose { end = min(end, max(received, scope.leadClosedUnwonAt(l))) }
            censored[min(days - 1, Int((end - received) / 86_400))] += 1
        }
        return (events.array, censored.array, total)
    }

    /// The product-limit estimate from per-day counts of events and censorings, rounded for reports.
    static func curve(events: [Int], censored: [Int], total: Int) -> [CurvePoint] {
        productLimit(events: events, censored: censored, total: total).map { p in
            var p = p
            p.conversion = Round.share(p.conversion)
            p.lower = Round.share(p.lower)
            p.upper = Round.share(p.upper)
            return p
        }
    }

    /// The product-limit estimate at full precision (the lifelines cross-check compares these within 1e-9).
    static func productLimit(events: [Int], censored: [Int], total: Int) -> [CurvePoint] {
        var points: [CurvePoint] = []
        var atRisk = total
        var survival = 1.0
        var greenwood = 0.0
        for day in events.indices {
            let e = events[day], c = censored[day]
            if e > 0 {
                survival *= 1 - Double(e) / Double(atRisk)
                if atRisk > e { greenwood += Double(e) / (Double(atRisk) * Double(atRisk - e)) }
                let se = survival > 0 ? survival * greenwood.squareRoot() : 0
                let conversion = 1 - survival
                points.append(CurvePoint(day: day, atRisk: atRisk, events: e, censored: c, conversion: conversion,
                                         lower: max(0, conversion - 1.96 * se), upper: min(1, conversion + 1.96 * se)))
            }
            atRisk -= e + c
        }
        return points
    }
}
