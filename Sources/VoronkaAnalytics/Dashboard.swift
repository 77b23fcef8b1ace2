import Foundation

/// The settings of a dashboard: every metric's parameters in one place.
public struct DashboardOptions: Sendable, Hashable {
    public var cohort: CohortGrain
    /// nil: the learned default (see "conversion v1").
    public var maturityDays: Int?
    public var unwonLeads: UnwonLeadHandling
    public var anomalyRule: AnomalyRule
    public var responseTargetHours: Double
    public var untouchedDays: Int
    public var rates: CurrencyRates
    public var velocityHistoryDays: Int
    public var trendMonths: Int
    /// The longest deal lists (stalled, least complete).
    public var listLimit: Int

    public init(cohort: CohortGrain = .month, maturityDays: Int? = nil, unwonLeads: UnwonLeadHandling = .atRiskUntilAsOf,
                anomalyRule: AnomalyRule = .standard, responseTargetHours: Double = 4, untouchedDays: Int = 14,
                rates: CurrencyRates = .standard, velocityHistoryDays: Int = 365, trendMonths: Int = 12, listLimit: Int = 100) {
        self.cohort = cohort; self.maturityDays = maturityDays; self.unwonLeads = unwonLeads; self.anomalyRule = anomalyRule
        self.responseTargetHours = responseTargetHours; self.untouchedDays = untouchedDays; self.rates = rates
        self.velocityHistoryDays = velocityHistoryDays; self.trendMonths = trendMonths; self.listLimit = listLimit
    }

    public static let standard = DashboardOptions()
}

/// Every metric for one filter and as-of date.
public struct Dashboard: Sendable, Codable, Equatable {
    /// The as-of date, "yyyy-MM-dd".
    public var asOf: String
    /// The journal position the snapshot reflects.
    public var lastSeq: Int64
    public var definitions: [String: String]
    public var conversion: ConversionReport
    public var curve: [CurvePoint]
    public var anomalies: AnomalyReport
    public var stageConversion: StageConversionReport
    public var timeInStage: TimeInStageReport
    public var stalled: StalledReport
    public var velocity: VelocityReport
    public var responseTimes: ResponseReport
    public var forecast: ForecastReport
    public var calibration: CalibrationReport
    public var rescuedLeads: RescueReport
    public var referrals: ReferralReport
    public var completeness: CompletenessReport
    public var yearlyBuyers: YearlyBuyersReport
}

extension Metrics {
    /// Every metric at once, sharing the filter's resolution between them.
    public static func dashboard(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date,
                                 options: DashboardOptions = .standard) -> Dashboard {
        let scope = Scope(snapshot, filter, asOf: asOf)
        let o = options
        let (conversion, keys) = conversion(scope, grain: o.cohort, maturityDays: o.maturityDays)
        return Dashboard(
            asOf: Months.dayLabel(Int((scope.asOf / 86_400).rounded(.down))), lastSeq: snapshot.lastSeq, definitions: definitions,
            conversion: conversion,
            curve: kaplanMeier(scope, unwon: o.unwonLeads),
            anomalies: cohortAnomalies(conversion, keys: keys, rule: o.anomalyRule),
            stageConversion: stageConversion(scope),
            timeInStage: timeInStage(scope),
            stalled: stalledDeals(scope, limit: o.listLimit),
            velocity: velocity(scope, rates: o.rates, historyDays: o.velocityHistoryDays, months: o.trendMonths),
            responseTimes: responseTimes(scope, targetHours: o.responseTargetHours),
            forecast: forecast(scope, rates: o.rates, learned: LearnedRates(scope)),
            calibration: calibration(scope),
            rescuedLeads: rescuedLeads(scope, rates: o.rates),
            referrals: referrals(scope, rates: o.rates),
            completeness: completeness(scope, untouchedDays: o.untouchedDays, limit: o.listLimit),
            yearlyBuyers: yearlyBuyers(scope))
    }
}
