import Foundation

/// One metric of the dashboard, as the API and `voronka report` name it: a typed choice instead of a string.
public enum Metric: String, CaseIterable, Sendable, Codable {
    case conversion, curve, anomalies
    case stageConversion = "stage_conversion"
    case timeInStage = "time_in_stage"
    case stalled, velocity
    case responseTimes = "response_times"
    case forecast, calibration
    case rescuedLeads = "rescued_leads"
    case referrals, completeness
    case yearlyBuyers = "yearly_buyers"
    case dataQuality = "data_quality"
    case channels
}

/// One metric's value with what it was computed for.
public struct MetricAnswer: Sendable, Encodable {
    public let metric: Metric
    public let asOf: String
    public let lastSeq: Int64
    public let definitions: [String: String]
    public let value: MetricValue
}

/// The value of one metric (its report type).
public enum MetricValue: Sendable, Encodable, Equatable {
    case conversion(ConversionReport), curve([CurvePoint]), anomalies(AnomalyReport)
    case stageConversion(StageConversionReport), timeInStage(TimeInStageReport), stalled(StalledReport)
    case velocity(VelocityReport), responseTimes(ResponseReport), forecast(ForecastReport), calibration(CalibrationReport)
    case rescuedLeads(RescueReport), referrals(ReferralReport), completeness(CompletenessReport), yearlyBuyers(YearlyBuyersReport)
    case dataQuality(DataQualityReport)
    case channels(ChannelReport)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .conversion(let v): try v.encode(to: encoder)
        case .curve(let v): try v.encode(to: encoder)
        case .anomalies(let v): try v.encode(to: encoder)
        case .stageConversion(let v): try v.encode(to: encoder)
        case .timeInStage(let v): try v.encode(to: encoder)
        case .stalled(let v): try v.encode(to: encoder)
        case .velocity(let v): try v.encode(to: encoder)
        case .responseTimes(let v): try v.encode(to: encoder)
        case .forecast(let v): try v.encode(to: encoder)
        case .calibration(let v): try v.encode(to: encoder)
        case .rescuedLeads(let v): try v.encode(to: encoder)
        case .referrals(let v): try v.encode(to: encoder)
        case .completeness(let v): try v.encode(to: encoder)
        case .yearlyBuyers(let v): try v.encode(to: encoder)
        case .dataQuality(let v): try v.encode(to: encoder)
        case .channels(let v): try v.encode(to: encoder)
        }
    }
}

extension Metrics {
    /// One metric alone, computed as the dashboard computes it (the same options), without the others.
    public static func metric(_ metric: Metric, _ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date,
                              options o: DashboardOptions = .standard) -> MetricAnswer {
        let scope = Scope(snapshot, filter, asOf: asOf)
        let value: MetricValue = switch metric {
        case .conversion: .conversion(conversion(scope, grain: o.cohort, maturityDays: o.maturityDays).report)
        case .curve: .curve(kaplanMeier(scope, unwon: o.unwonLeads))
        case .anomalies:
            { let (report, keys) = conversion(scope, grain: o.cohort, maturityDays: o.maturityDays)
              return .anomalies(cohortAnomalies(report, keys: keys, rule: o.anomalyRule)) }()
        case .stageConversion: .stageConversion(stageConversion(scope))
        case .timeInStage: .timeInStage(timeInStage(scope).report)
        case .stalled: .stalled(stalledDeals(scope, limit: o.listLimit, order: o.stalledOrder, norms: scope.isUnrestricted ? timeInStage(scope).p80 : nil))
        case .velocity: .velocity(velocity(scope, rates: o.rates, historyDays: o.velocityHistoryDays, months: o.trendMonths))
        case .responseTimes: .responseTimes(responseTimes(scope, targetHours: o.responseTargetHours))
        case .forecast: .forecast(forecast(scope, rates: o.rates, learned: LearnedRates(scope)))
        case .calibration:
            .calibration(scope.from == -.infinity && scope.to == .infinity ? calibration(scope, rates: LearnedRates(scope)) : calibration(scope))
        case .rescuedLeads: .rescuedLeads(rescuedLeads(scope, rates: o.rates))
        case .referrals: .referrals(referrals(scope, rates: o.rates))
        case .completeness: .completeness(completeness(scope, untouchedDays: o.untouchedDays, limit: o.listLimit))
        case .yearlyBuyers: .yearlyBuyers(yearlyBuyers(scope, limit: o.listLimit))
        case .dataQuality: .dataQuality(dataQuality(scope, limit: o.listLimit))
        case .channels: .channels(channels(scope, maturityDays: o.maturityDays))
        }
        return MetricAnswer(metric: metric, asOf: Months.dayLabel(Int((scope.asOf / 86_400).rounded(.down))), lastSeq: snapshot.lastSeq,
                            definitions: definitions, value: value)
    }
}
