import Plot
import VoronkaCore

extension DashboardPage {
    /// Weighted pipeline by month, probabilities per stage, and the calibration of both kinds of probability.
    static func forecast(_ model: Model, _ t: Localizer) -> Markup {
        let fc = model.forecast
        guard !fc.months.isEmpty || !fc.stages.isEmpty || fc.predictions > 0 else { return noData(t) }
        return .group(
            figures([(t[.dashOpenAmount], money(fc.totalAmount, model, t)), (t[.dashWeightedConfigured], money(fc.totalConfigured, model, t)),
                     (t[.dashWeightedLearned], money(fc.totalLearned, model, t))], metric: "forecast", t),
            part(t, "forecast-months", t[.dashByMonth], forecastMonths(model, t)),
            part(t, "forecast-stages", t[.dashStageProbabilities], stageRates(fc.stages, t)),
            part(t, "forecast-calibration", t[.dashCalibration], calibration(fc, t)))
    }

    static func periodName(_ period: Forecast.Period, _ t: Localizer) -> String {
        switch period {
        case .month(let year, let month): t.format.month(month, year: year)
        case .overdue: t[.dashOverdue]
        case .unscheduled: t[.dashUnscheduled]
        }
    }

    static func forecastMonths(_ model: Model, _ t: Localizer) -> Markup {
        let months = model.forecast.months
        guard !months.isEmpty else { return noData(t) }
        let f = t.format
        let summary = t(.dashByMonthSummary, ["total": money(model.forecast.totalConfigured, model, t)])
        let chart = BarChart(id: "forecast-chart", title: t[.dashByMonth], summary: summary,
                             bars: months.map { .init(label: $0.period == .unscheduled ? t[.dashNoDateShort] : periodName($0.period, t),
                                                      value: $0.weightedConfigured) },
                             value: .money(currency: model.currency), axisLabel: f.currencySign(model.currency))
        let columns: [(title: String, numeric: Bool)] = [(t[.dashMonth], false), (t[.deals], true), (t[.amount], true),
                                                          (t[.dashWeightedConfigured], true), (t[.dashWeightedLearned], true)]
        let rows: [[Markup]] = months.map { m in
            [.plain(periodName(m.period, t)), .plain(f.number(m.deals)), .plain(money(m.amount, model, t)),
             .plain(money(m.weightedConfigured, model, t)), .plain(money(m.weightedLearned, model, t))]
        }
        return .group(chartFigure(Charts.bar(chart, t), caption: summary), table(t[.dashByMonth], columns, rows, metric: "forecast", t))
    }

    static func stageRates(_ stages: [Forecast.StageRate], _ t: Localizer) -> Markup {
        guard !stages.isEmpty else { return noData(t) }
        let f = t.format
        let columns: [(title: String, numeric: Bool)] = [(t[.stage], false), (t[.dashConfigured], true), (t[.dashLearned], true),
                                                          (t[.dashClosedDeals], true)]
        let rows: [[Markup]] = stages.map { s in
            let name = s.pipelineName.map { s.stageName + " · " + $0 } ?? s.stageName
            let learned = s.learned == nil ? t[.dashNoHistory] : percent(s.learned, t, digits: 0)
            return [.plain(name), .plain(percent(s.configured, t, digits: 0)), .plain(learned),
                    .plain(f.number(s.wonDeals) + " / " + f.number(s.closedDeals))]
        }
        return .group(table(t[.dashStageProbabilities], columns, rows, metric: "calibration", t), .p(.class("hint"), .plain(t[.dashLearnedHint])))
    }

    static func calibration(_ fc: Forecast, _ t: Localizer) -> Markup {
        guard fc.predictions > 0 else { return noData(t) }
        let f = t.format
        func brier(_ b: Double?) -> String { b.map { f.decimal($0, digits: 3) } ?? Format.dash }
        let columns: [(title: String, numeric: Bool)] = [(t[.dashPredicted], false), (t[.dashConfiguredCount], true),
                                                          (t[.dashConfiguredObserved], true), (t[.dashLearnedCount], true),
                                                          (t[.dashLearnedObserved], true)]
        let rows: [[Markup]] = fc.bins.filter { $0.configuredPredictions > 0 || $0.learnedPredictions > 0 }.map { b in
            [.plain(f.percent(b.lower) + "–" + f.percent(b.upper)), .plain(f.number(b.configuredPredictions)),
             .plain(percent(b.configuredObserved, t, digits: 0)), .plain(f.number(b.learnedPredictions)),
             .plain(percent(b.learnedObserved, t, digits: 0))]
        }
        return .group(
            figures([(t[.dashBrierConfigured], brier(fc.brierConfigured)), (t[.dashBrierLearned], brier(fc.brierLearned)),
                     (t[.dashPredictions], f.number(fc.predictions))], metric: "calibration", t),
            .p(.class("hint"), .plain(t[.dashBrierHint])),
            table(t[.dashReliability], columns, rows, metric: "calibration", t))
    }
}
