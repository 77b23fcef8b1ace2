import Foundation

/// When a difference between two conversion rates is flagged.
public struct AnomalyRule: Sendable, Codable, Hashable {
    /// The p-value must be below this.
    public var alpha: Double
    /// And the rates must differ by at least this much (absolute, 0.05 = 5 percentage points).
    public var minimumEffect: Double

    public init(alpha: Double = 0.01, minimumEffect: Double = 0.05) {
        self.alpha = alpha; self.minimumEffect = minimumEffect
    }

    public static let standard = AnomalyRule()

    func flags(_ test: ProportionTest, difference: Double) -> Bool { test.pValue < alpha && abs(difference) >= minimumEffect }
}

/// One mature cohort against the pooled other mature cohorts.
public struct CohortComparison: Sendable, Codable, Equatable {
    public var cohort: String
    public var leads: Int
    /// Wins within the maturity window.
    public var won: Int
    public var conversion: Double
    public var baselineLeads: Int
    public var baselineWon: Int
    public var baselineConversion: Double?
    /// conversion − baseline conversion.
    public var difference: Double?
    public var test: ProportionTest
    public var flagged: Bool
}

/// One mature cohort against the same cohort a year earlier.
public struct YearOverYear: Sendable, Codable, Equatable {
    public var cohort: String
    public var previous: String
    public var leads: Int
    public var won: Int
    public var previousLeads: Int
    public var previousWon: Int
    public var conversion: Double
    public var previousConversion: Double
    public var difference: Double
    public var test: ProportionTest
    public var flagged: Bool
}

/// Cohort anomalies and year-over-year changes. Definition "cohort-anomalies v1":
///
/// Only mature cohorts of "conversion v1" take part, each with its wins within the maturity window (so every cohort
/// had the same time to convert). Each is compared with its baseline, the pooled other mature cohorts, and with the
/// same cohort a year earlier when that one is mature. The test is the pooled two-proportion z-test when every
/// expected cell of the 2×2 table is at least 5, else Fisher's exact test (two-sided). A difference is flagged when
/// p < `rule.alpha` (0.01) and the rates differ by at least `rule.minimumEffect` (5 percentage points).
public struct AnomalyReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("cohort_anomalies")
    public var grain: CohortGrain
    public var maturityDays: Int
    public var rule: AnomalyRule
    /// Every mature cohort, oldest first.
    public var cohorts: [CohortComparison]
    public var yearOverYear: [YearOverYear]
    /// Labels of the flagged cohorts.
    public var flagged: [String]
}

extension Metrics {
    /// Cohort anomalies and year-over-year changes ("cohort-anomalies v1").
    public static func cohortAnomalies(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date,
                                       cohort grain: CohortGrain = .month, maturityDays: Int? = nil,
                                       rule: AnomalyRule = .standard) -> AnomalyReport {
        let (report, keys) = conversion(Scope(snapshot, filter, asOf: asOf), grain: grain, maturityDays: maturityDays)
        return cohortAnomalies(report, keys: keys, rule: rule)
    }

    static func cohortAnomalies(_ conversion: ConversionReport, keys: [Int], rule: AnomalyRule) -> AnomalyReport {
        let mature = zip(conversion.cohorts, keys).filter { $0.0.mature }
        let allLeads = mature.reduce(0) { $0 + $1.0.leads }, allWon = mature.reduce(0) { $0 + $1.0.wonWithinWindow }
        var report = AnomalyReport(grain: conversion.grain, maturityDays: conversion.maturityDays, rule: rule,
                                   cohorts: [], yearOverYear: [], flagged: [])
        var byKey: [Int: CohortRow] = [:]
        for (row, key) in mature {
            byKey[key] = row
            let x1 = row.wonWithinWindow, n1 = row.leads, x2 = allWon - x1, n2 = allLeads - n1
            let rate = Double(x1) / Double(n1)
            let baseline = n2 > 0 ? Double(x2) / Double(n2) : nil
            let test = Significance.compare(x1, n1, x2, n2)
            let difference = baseline.map { rate - $0 }
            let flagged = difference.map { rule.flags(test, difference: $0) } ?? false
            report.cohorts.append(CohortComparison(
                cohort: row.cohort, leads: n1, won: x1, conversion: Round.share(rate), baselineLeads: n2, baselineWon: x2,
                baselineConversion: baseline.map(Round.share), difference: difference.map(Round.share),
                test: test, flagged: flagged))
            if flagged { report.flagged.append(row.cohort) }
        }
        for (row, key) in mature {
            guard let before = byKey[key - conversion.grain.perYear] else { continue }
            let rate = Double(row.wonWithinWindow) / Double(row.leads)
            let previous = Double(before.wonWithinWindow) / Double(before.leads)
            let test = Significance.compare(row.wonWithinWindow, row.leads, before.wonWithinWindow, before.leads)
            report.yearOverYear.append(YearOverYear(
                cohort: row.cohort, previous: before.cohort, leads: row.leads, won: row.wonWithinWindow,
                previousLeads: before.leads, previousWon: before.wonWithinWindow, conversion: Round.share(rate),
                previousConversion: Round.share(previous), difference: Round.share(rate - previous), test: test,
                flagged: rule.flags(test, difference: rate - previous)))
        }
        return report
    }
}
