import Foundation

/// Funnel metrics: pure functions of a snapshot, a filter and an as-of date. Facts dated after the as-of date are
/// ignored; fields without a history (amount, owner, expected close, probability override) are taken as they are now.
/// Definitions are versioned; docs/metrics.md holds the same text.
public enum Metrics {
    /// The definition version of every metric, as reports name them.
    public static let definitions: [String: String] = [
        "conversion": "conversion v1", "kaplan_meier": "kaplan-meier v1", "cohort_anomalies": "cohort-anomalies v1",
        "stage_conversion": "stage-conversion v1", "time_in_stage": "time-in-stage v1", "stalled": "stalled v1",
        "velocity": "velocity v1", "response_times": "response-times v1", "forecast": "forecast v1",
        "calibration": "calibration v1", "rescued_leads": "rescued-leads v1", "referrals": "referrals v1",
        "completeness": "completeness v1", "yearly_buyers": "yearly-buyers v1", "data_quality": "data-quality v1",
        "channels": "channels v1", "weekly_movement": "weekly-movement v1", "nudges": "nudges v1",
    ]

    /// The definition version of a metric, or "<name> v1" for a name missing from `definitions`.
    public static func definition(_ name: String) -> String { definitions[name] ?? name + " v1" }
}

/// How leads are grouped into entry cohorts (by the UTC calendar).
public enum CohortGrain: String, Sendable, Codable, CaseIterable {
    case month, quarter, year

    /// The cohort number of a month number.
    func key(month m: Int) -> Int {
        switch self { case .month: m; case .quarter: m / 3; case .year: m / 12 }
    }

    /// The first month number of a cohort.
    func firstMonth(_ key: Int) -> Int {
        switch self { case .month: key; case .quarter: key * 3; case .year: key * 12 }
    }

    /// Cohorts per year.
    var perYear: Int {
        switch self { case .month: 12; case .quarter: 4; case .year: 1 }
    }

    func label(_ key: Int) -> String {
        switch self {
        case .month: Months.label(key)
        case .quarter: String(format: "%04d-Q%d", key / 4, key % 4 + 1)
        case .year: String(format: "%04d", key)
        }
    }
}
