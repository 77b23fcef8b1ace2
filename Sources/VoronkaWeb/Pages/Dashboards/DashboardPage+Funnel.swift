import Plot
import VoronkaCore

extension DashboardPage {
    /// Conversion "N to 1", the cohort heat map, year over year, the Kaplan–Meier curve and stage-to-stage funnels.
    static func funnel(_ model: Model, _ t: Localizer) -> Markup {
        let funnel = model.funnel
        let f = t.format
        guard funnel.matureLeads > 0 || !funnel.cohorts.isEmpty || !funnel.curve.isEmpty || !funnel.pipelines.isEmpty else {
            return noData(t)
        }
        let ratio = funnel.leadsPerWin.map { t(.dashNToOne, ["n": f.trimmed($0, maxDigits: 1)]) } ?? Format.dash
        let immature = funnel.cohorts.filter { !$0.mature }.map(\.label)
        return .group(
            figures([(t[.dashConversion], ratio), (t[.dashConversionPercent], percent(funnel.matureConversion, t)),
                     (t[.dashMatureLeads], f.number(funnel.matureLeads)), (t[.dashWon], f.number(funnel.matureWon))], metric: "conversion", t),
            .p(.class("hint"), .plain(t(.dashMaturityNote, ["days": t.count(funnel.maturityDays, .day)]))),
            .if(!immature.isEmpty, .p(.class("immature-note"),
                .plain(t(.dashLeftOut, ["cohorts": immature.joined(separator: ", ")])))),
            part(t, "funnel-cohorts", t[.dashCohorts], cohortHeatMap(funnel, t), cohortTable(funnel, t)),
            part(t, "funnel-yoy", t[.dashYearOverYear], yearOverYear(funnel.yearOverYear, t)),
            part(t, "funnel-curve", t[.dashCurve], curve(funnel.curve, t)),
            part(t, "funnel-stages", t[.dashStageConversion], stageFunnels(funnel.pipelines, t)))
    }

    /// Rows are years, columns the months (or quarters) of entry; immature cohorts are hatched and in italics.
    static func cohortHeatMap(_ funnel: Funnel, _ t: Localizer) -> Markup {
        let f = t.format
        guard !funnel.cohorts.isEmpty else { return noData(t) }
        let years = Array(Set(funnel.cohorts.map(\.year))).sorted()
        let columns: [String] = switch funnel.grain {
        case .month: (1...12).map { f.month($0) }
        case .quarter: (1...4).map { t(.dashQuarter, ["q": String($0)]) }
        case .year: [t[.dashConversion]]
        }
        let cells = years.map { year in
            columns.indices.map { c -> HeatMap.Cell in
                guard let cohort = funnel.cohorts.first(where: { $0.year == year && $0.index == c + 1 }) else { return .init(value: nil) }
                return .init(value: cohort.conversion, immature: !cohort.mature)
            }
        }
        let summary = t[.dashCohortsSummary]
        let chart = HeatMap(id: "cohort-heatmap", title: t[.dashCohorts], summary: summary, rows: years.map(String.init), columns: columns,
                            cells: cells, value: .percent)
        return chartFigure(Charts.heatMap(chart, t), caption: summary)
    }

    static func cohortTable(_ funnel: Funnel, _ t: Localizer) -> Markup {
        let f = t.format
        let columns: [(title: String, numeric: Bool)] = [(t[.dashCohort], false), (t[.dashLeads], true), (t[.dashWon], true),
                                                          (t[.dashConversionPercent], true), (t[.dashBaseline], true), (t[.dashStatus], false)]
        let rows: [[Markup]] = funnel.cohorts.reversed().map { c in
            let status: Markup = !c.mature ? .span(.class("immature-mark"), .plain(t[.chartImmature]))
                : c.flagged ? flag(t[.dashAnomaly] + pValue(c.pValue, t)) : .empty
            return [.plain(c.label), .plain(f.number(c.leads)), .plain(f.number(c.won)),
                    .span(.if(!c.mature, .class("immature-value")), .plain(percent(c.conversion, t))),
                    .plain(percent(c.baselineConversion, t)), status]
        }
        return .details(.class("data-table"), .summary(.plain(t[.dashCohortTable])),
                        .embed(table(t[.dashCohortTable], columns, rows, metric: "conversion", t)))
    }

    static func pValue(_ p: Double?, _ t: Localizer) -> String {
        guard let p, p.isFinite else { return "" }
        let nb = Format.nbsp
        return p < 0.001 ? " (p" + nb + "<" + nb + t.format.decimal(0.001, digits: 3) + ")" : " (p" + nb + "=" + nb + t.format.decimal(p, digits: 3) + ")"
    }

    static func yearOverYear(_ rows: [Funnel.YearOverYear], _ t: Localizer) -> Markup {
        guard !rows.isEmpty else { return noData(t) }
        let f = t.format
        let columns: [(title: String, numeric: Bool)] = [(t[.dashCohort], false), (t[.dashYearBefore], true), (t[.dashThisYear], true),
                                                          (t[.dashChange], true), (t[.dashStatus], false)]
        let body: [[Markup]] = rows.map { r in
            let before = percent(r.previousConversion, t) + " (" + f.number(r.previousWon) + "/" + f.number(r.previousLeads) + ")"
            let now = percent(r.conversion, t) + " (" + f.number(r.won) + "/" + f.number(r.leads) + ")"
            let change = (r.conversion - r.previousConversion) * 100
            let changeText = (change > 0 ? "+" : "") + f.decimal(change, digits: 1) + Format.nbsp + t[.dashPoints]
            return [.plain(r.cohort + " / " + r.previous), .plain(before), .plain(now), .plain(changeText),
                    r.flagged ? flag(t[.dashAnomaly] + pValue(r.pValue, t)) : .plain(t[.dashWithinChance])]
        }
        return .group(table(t[.dashYearOverYear], columns, body, metric: "cohort-anomalies", class: "list yoy", t), .p(.class("hint"), .plain(t[.dashAnomalyHint])))
    }

    /// The Kaplan–Meier estimate as a step line over its shaded 95 % band.
    static func curve(_ points: [Funnel.CurvePoint], _ t: Localizer) -> Markup {
        guard let last = points.last else { return noData(t) }
        let summary = t(.dashCurveSummary, ["days": t.format.number(last.day), "percent": percent(last.conversion, t),
                                            "lower": percent(last.lower, t), "upper": percent(last.upper, t)])
        let chart = BandCurve(id: "conversion-curve", title: t[.dashCurve], summary: summary,
                              points: points.map { .init(time: Double($0.day), value: $0.conversion, lower: $0.lower, upper: $0.upper) },
                              estimateName: t[.dashEstimate], bandName: t[.dashBand], timeLabel: t[.dashDaysSinceLead])
        return chartFigure(Charts.bandCurve(chart, t), caption: summary)
    }

    static func stageFunnels(_ pipelines: [Funnel.Pipeline], _ t: Localizer) -> Markup {
        guard pipelines.contains(where: { !$0.steps.isEmpty }) else { return noData(t) }
        return .each(pipelines.enumerated().filter { !$0.element.steps.isEmpty }) { i, pipeline in
            let summary = t(.dashStageFunnelSummary, ["pipeline": pipeline.name, "deals": t.count(pipeline.deals, .deal)])
            let chart = FunnelChart(id: "stage-funnel-\(i)", title: pipeline.name, summary: summary,
                                    stages: pipeline.steps.map { .init(name: $0.name, count: $0.reached) })
            return .group(.h4(.plain(pipeline.name)), chartFigure(Charts.funnel(chart, t), caption: summary))
        }
    }
}
