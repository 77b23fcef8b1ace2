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
    /// The order of the stalled list.
    public var stalledOrder: StalledOrder = .overdue

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
    public var dataQuality: DataQualityReport
    public var channels: ChannelReport
}

extension Metrics {
    /// Every metric at once, sharing the filter's resolution between them; with `parallel` the lead metrics and the
    /// deal metrics are computed on two threads (a command line's report), without it on the calling thread alone
    /// (a server, which keeps its other cores for other requests).
    public static func dashboard(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date,
                                 options: DashboardOptions = .standard, parallel: Bool = true) -> Dashboard {
        let scope = Scope(snapshot, filter, asOf: asOf)
        let halves = Halves()
        if parallel {
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                if half == 0 { halves.leads = leadMetrics(scope, options) } else { halves.deals = dealMetrics(scope, options) }
            }
        }
        let l = halves.leads ?? leadMetrics(scope, options), d = halves.deals ?? dealMetrics(scope, options)
        return Dashboard(
            asOf: Months.dayLabel(Int((scope.asOf / 86_400).rounded(.down))), lastSeq: snapshot.lastSeq, definitions: definitions,
            conversion: l.conversion, curve: l.curve, anomalies: l.anomalies, stageConversion: d.stageConversion,
            timeInStage: d.timeInStage, stalled: d.stalled, velocity: d.velocity, responseTimes: l.responseTimes,
            forecast: d.forecast, calibration: d.calibration, rescuedLeads: l.rescuedLeads, referrals: l.referrals,
            completeness: d.completeness, yearlyBuyers: d.yearlyBuyers, dataQuality: d.dataQuality, channels: l.channels)
    }

    private static func leadMetrics(_ scope: Scope, _ o: DashboardOptions) -> LeadMetrics {
        let (conversion, keys) = conversion(scope, grain: o.cohort, maturityDays: o.maturityDays)
        return LeadMetrics(
            conversion: conversion, curve: kaplanMeier(scope, unwon: o.unwonLeads),
            anomalies: cohortAnomalies(conversion, keys: keys, rule: o.anomalyRule),
            responseTimes: responseTimes(scope, targetHours: o.responseTargetHours),
            rescuedLeads: rescuedLeads(scope, rates: o.rates), referrals: referrals(scope, rates: o.rates),
            channels: channels(scope, maturityDays: o.maturityDays))
    }

    private static func dealMetrics(_ scope: Scope, _ o: DashboardOptions) -> DealMetrics {
        let stageTimes = timeInStage(scope)
        let learned = LearnedRates(scope)
        return DealMetrics(
            stageConversion: stageConversion(scope), timeInStage: stageTimes.report,
            // Unfiltered, the time in stage is the stages' norm itself.
            stalled: stalledDeals(scope, limit: o.listLimit, order: o.stalledOrder, norms: scope.isUnrestricted ? stageTimes.p80 : nil),
            velocity: velocity(scope, rates: o.rates, historyDays: o.velocityHistoryDays, months: o.trendMonths),
            forecast: forecast(scope, rates: o.rates, learned: learned),
            // Without a period, the calibration's history is the forecast's.
            calibration: scope.from == -.infinity && scope.to == .infinity ? calibration(scope, rates: learned) : calibration(scope),
            completeness: completeness(scope, untouchedDays: o.untouchedDays, limit: o.listLimit),
            yearlyBuyers: yearlyBuyers(scope, limit: o.listLimit),
            dataQuality: dataQuality(scope, limit: o.listLimit))
    }
}

private struct LeadMetrics {
    var conversion: ConversionReport, curve: [CurvePoint], anomalies: AnomalyReport, responseTimes: ResponseReport
    var rescuedLeads: RescueReport, referrals: ReferralReport, channels: ChannelReport
}

private struct DealMetrics {
    var stageConversion: StageConversionReport, timeInStage: TimeInStageReport, stalled: StalledReport
    var velocity: VelocityReport, forecast: ForecastReport, calibration: CalibrationReport
    var completeness: CompletenessReport, yearlyBuyers: YearlyBuyersReport, dataQuality: DataQualityReport
}

/// The two halves' results: each written by one thread, read after both have finished.
private final class Halves: @unchecked Sendable {
    var leads: LeadMetrics?
    var deals: DealMetrics?
}
