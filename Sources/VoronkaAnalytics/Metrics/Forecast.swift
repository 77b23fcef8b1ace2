import Foundation

/// Open deals expected to close in one month.
public struct ForecastMonth: Sendable, Codable, Equatable {
    /// "2025-03", "overdue" (expected close before the as-of date) or "unscheduled" (no expected close).
    public var month: String
    public var deals: Int
    /// Σ amount, in the base currency.
    public var amount: Double
    /// Σ amount × configured probability (the deal's override, else its stage's).
    public var weightedConfigured: Double
    /// Σ amount × probability learned from closed history of the deal's stage.
    public var weightedLearned: Double
}

/// A stage's configured and learned win probability.
public struct StageRate: Sendable, Codable, Equatable {
    public var stageID: Int64
    public var pipelineID: Int64?
    public var configured: Double
    /// wonDeals / closedDeals; nil without closed history (the forecast then uses the configured value).
    public var learned: Double?
    /// Deals that were ever in the stage and were won or lost by the as-of date.
    public var closedDeals: Int
    public var wonDeals: Int
}

/// Weighted pipeline and forecast. Definition "forecast v1":
///
/// Deals passing the filter (any period) that are open at the as-of date and in an open stage (postponed deals are
/// left out and counted in `postponedDeals`), grouped by the month of their expected close. Weighted amount =
/// Σ amount × probability, in the base currency. Configured probability = the deal's probability override if set,
/// else its stage's probability. Learned probability of a stage = among deals passing the filter that were ever in
/// that stage and were won or lost by the as-of date, the share won (open deals are left out: they are censored, and
/// counting them as not won would understate); a stage without closed history falls back to its configured value.
public struct ForecastReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("forecast")
    public var currency: String
    /// "overdue" first, then months in order, then "unscheduled".
    public var months: [ForecastMonth]
    public var total: ForecastMonth
    public var stages: [StageRate]
    public var postponedDeals: Int
    public var unconvertedDeals: Int
}

extension Metrics {
    /// Weighted pipeline by month of expected close, configured and learned ("forecast v1").
    public static func forecast(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date,
                                rates: CurrencyRates = .standard) -> ForecastReport {
        let scope = Scope(snapshot, filter, asOf: asOf)
        return forecast(scope, rates: rates, learned: LearnedRates(scope))
    }

    static func forecast(_ scope: Scope, rates: CurrencyRates, learned: LearnedRates) -> ForecastReport {
        let s = scope.snapshot
        let factors = rates.factors(s)
        let asOfDay = Int32((scope.asOf / 86_400).rounded(.down))
        let asOfMonth = Months.month(scope.asOf)
        // Month buckets from the as-of month on (a dictionary only for months over 50 years ahead).
        let near = Scratch(repeating: ForecastAccumulator(), count: 600)
        var far: [Int: ForecastAccumulator] = [:]
        var overdue = ForecastAccumulator(), unscheduled = ForecastAccumulator()
        var postponed = 0, unconverted = 0
        let ok = scope.dealOK, closedAt = s.deals.closedAt, expectedClose = s.deals.expectedClose
        for d in 0..<s.deals.createdAt.count where ok[d] && closedAt[d] > scope.asOf {
            let v = scope.visitAt(d)
            guard v >= 0 else { continue }
            let st = Int(s.visits.stage[v])
            let kind = s.stages.kind[st]
            if kind == Kind.postponed { postponed += 1; continue }
            guard kind == Kind.open else { continue }
            let factor = factors[Int(s.deals.currency[d])]
            guard !factor.isNaN else { unconverted += 1; continue }
            let amount = Double(s.deals.amount[d]) * factor
            let override = s.deals.probabilityOverride[d]
            let configured = override >= 0 ? Double(override) / 100 : s.stages.probability[st]
            let learnedRate = learned.rate(st) ?? s.stages.probability[st]
            let day = expectedClose[d]
            if day == noDay {
                unscheduled.add(amount, configured, learnedRate)
            } else if day < asOfDay {
                overdue.add(amount, configured, learnedRate)
            } else {
                let m = Months.month(ofDay: Int(day)) - asOfMonth
                if m < near.count { near[m].add(amount, configured, learnedRate) } else {
                    far[m, default: ForecastAccumulator()].add(amount, configured, learnedRate)
                }
            }
        }
        var months: [ForecastMonth] = []
        var total = ForecastAccumulator()
        func emit(_ a: ForecastAccumulator, _ label: String) {
            guard a.deals > 0 else { return }
            total.merge(a)
            months.append(a.row(label))
        }
        emit(overdue, "overdue")
        for m in 0..<near.count { emit(near[m], Months.label(asOfMonth + m)) }
        for (m, a) in far.sorted(by: { $0.key < $1.key }) { emit(a, Months.label(asOfMonth + m)) }
        emit(unscheduled, "unscheduled")
        var stages: [StageRate] = []
        for st in 0..<s.stages.kind.count where s.stages.kind[st] == Kind.open && !s.stages.deleted[st] {
            let p = s.stages.pipeline[st]
            stages.append(StageRate(stageID: s.stages.id[st], pipelineID: p >= 0 ? s.pipelines.ids[Int(p)] : nil,
                                    configured: s.stages.probability[st], learned: learned.rate(st).map(Round.share),
                                    closedDeals: learned.closed[st], wonDeals: learned.won[st]))
        }
        stages.sort { ($0.pipelineID ?? 0, $0.stageID) < ($1.pipelineID ?? 0, $1.stageID) }
        return ForecastReport(currency: rates.base, months: months, total: total.row("total"), stages: stages,
                              postponedDeals: postponed, unconvertedDeals: unconverted)
    }
}

struct ForecastAccumulator {
    var deals = 0
    var amount = 0.0, configured = 0.0, learned = 0.0

    mutating func add(_ a: Double, _ pc: Double, _ pl: Double) {
        deals += 1; amount += a; configured += a * pc; learned += a * pl
    }

    mutating func merge(_ o: ForecastAccumulator) {
        deals += o.deals; amount += o.amount; configured += o.configured; learned += o.learned
    }

    func row(_ label: String) -> ForecastMonth {
        ForecastMonth(month: label, deals: deals, amount: Round.money(amount / 100), weightedConfigured: Round.money(configured / 100),
                      weightedLearned: Round.money(learned / 100))
    }
}

/// Per stage: deals passing the filter that were ever in it (first visits) and were won or lost by the as-of date
/// (and, when asked, closed in the period); `deals` counts the distinct such deals that were in an open stage.
struct LearnedRates {
    var closed: [Int]
    var won: [Int]
    var deals = 0

    init(_ scope: Scope, closedIn period: Bool = false) {
        let s = scope.snapshot
        let closed = Scratch(repeating: 0, count: s.stages.kind.count), won = Scratch(repeating: 0, count: s.stages.kind.count)
        let seen = Scratch(repeating: false, count: s.deals.createdAt.count)
        var deals = 0
        let ok = scope.dealOK, state = scope.dealState, closedAt = s.deals.closedAt, kinds = s.stages.kind, asOf = scope.asOf
        let repeated = s.visits.repeated, visitDeal = s.visits.deal, entered = s.visits.enteredAt, stage = s.visits.stage
        for v in 0..<visitDeal.count where !repeated[v] {
            let d = Int(visitDeal[v])
            let outcome = state[d]
            guard ok[d], outcome >= 0, entered[v] <= asOf else { continue }
            if period, !scope.inPeriod(closedAt[d]) { continue }
            let st = Int(stage[v])
            closed[st] += 1
            won[st] += Int(outcome)
            if !seen[d], kinds[st] == Kind.open { seen[d] = true; deals += 1 }
        }
        self.closed = closed.array
        self.won = won.array
        self.deals = deals
    }

    func rate(_ st: Int) -> Double? { closed[st] > 0 ? Double(won[st]) / Double(closed[st]) : nil }
}
