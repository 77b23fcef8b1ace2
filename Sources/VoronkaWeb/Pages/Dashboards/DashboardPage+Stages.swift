import Plot
import VoronkaAnalytics
import VoronkaCore

extension DashboardPage {
    /// Time in stage (median, 80th and 95th percentile) and the stalled deals.
    static func stages(_ model: Model, _ t: Localizer) -> Markup {
        let s = model.stages
        guard !s.rows.isEmpty || !s.stalled.isEmpty else { return noData(t) }
        let f = t.format
        let columns: [(title: String, numeric: Bool)] = [(t[.stage], false), (t[.dashMedian], true), (t[.dashP80], true), (t[.dashP95], true),
                                                          (t[.dashExpected], true), (t[.dashVisits], true)]
        let rows: [[Markup]] = s.rows.map { r in
            [.plain(r.pipelineName.map { r.stageName + " · " + $0 } ?? r.stageName), .plain(days(r.medianDays, t)), .plain(days(r.p80Days, t)),
             .plain(days(r.p95Days, t)), .plain(r.expectedDays.map { days(Double($0), t) } ?? Format.dash), .plain(f.number(r.visits))]
        }
        let medians = s.rows.filter { $0.medianDays != nil }
        let summary = t[.dashTimeInStageSummary]
        let chart = BarChart(id: "time-in-stage-chart", title: t[.dashTimeInStage], summary: summary,
                             bars: medians.map { .init(label: $0.stageName, value: $0.medianDays ?? 0) }, value: .number, axisLabel: t[.dashDaysAxis])
        return .group(
            part(t, "stages-time", t[.dashTimeInStage],
                 s.rows.isEmpty ? noData(t) : .group(chartFigure(Charts.bar(chart, t), caption: summary), table(t[.dashTimeInStage], columns, rows, metric: "time-in-stage", t))),
            part(t, "stages-stalled", t[.dashStalled] + " · " + t.count(s.stalledCount, .deal), stalled(model, t)))
    }

    static func stalled(_ model: Model, _ t: Localizer) -> Markup {
        let list = model.stages.stalled
        guard !list.isEmpty else { return .p(.class("empty"), .plain(t[.dashNoStalled])) }
        let f = t.format
        let order = model.stages.order
        // Each sortable heading links to the list in its order; the current one says so to assistive technology.
        func heading(_ title: String, _ by: StalledOrder?, numeric: Bool) -> Node<HTML.TableRowContext> {
            let sorted = by == order
            let label: Markup = by.flatMap { model.stages.orderURLs[$0] }.map { url in
                .a(.attr("href", url), .if(sorted, .attr("aria-current", "true")), .plain(title + (sorted ? " ▼" : "")))
            } ?? (numeric ? term(title, "stalled", t) : .plain(title))
            return .th(.attr("scope", "col"), .if(numeric, .class("number")), .if(sorted, .attr("aria-sort", "descending")), label)
        }
        let rows: [Node<HTML.TableContext>] = list.map { s in
            .tr(.th(.attr("scope", "row"), dealLink(s.deal)), .td(.plain(s.stageName)), .td(owner(s.deal.ownerName, t)),
                .td(.class("number"), .span(.class("days-stalled"), .plain(days(s.daysInStage, t)))),
                .td(.class("number"), .plain(days(s.limitDays, t) + " · " + (s.limitIsExpected ? t[.dashLimitExpected] : t[.dashLimitP80]))),
                .td(.class("number"), .plain("×" + Format.nbsp + f.trimmed(s.limitDays > 0 ? s.daysInStage / s.limitDays : 0, maxDigits: 1))))
        }
        let more = model.stages.stalledCount - list.count
        return .group(byOwner(model, t),
                      .div(.class("table-scroll"), .table(.class("list"), .id("stalled-list"),
                        .caption(.class("visually-hidden"), .plain(t[.dashStalled])),
                        .thead(.tr(heading(t[.title], nil, numeric: false), heading(t[.stage], .stage, numeric: false),
                                   heading(t[.owner], .owner, numeric: false), heading(t[.dashDaysInStage], .days, numeric: true),
                                   heading(t[.dashLimit], nil, numeric: true), heading(t.pick(overLimit), .overdue, numeric: true))),
                        .tbody(.group(rows)))),
                      .unwrap(model.stages.pager, { .pager($0, t, id: "stalled-pages") },
                              else: .if(more > 0, .p(.class("hint"), .plain(t(.dashMore, ["count": t.count(more, .deal)]))))))
    }

    static let stalledByOwner = BilingualText(en: "Stalled deals by owner", ru: "Зависшие сделки по ответственным")
    static let overLimit = BilingualText(en: "Over the limit", ru: "Превышение срока")

    /// Who has the most stalled deals: every owner's count, the most first, each linking to their list.
    static func byOwner(_ model: Model, _ t: Localizer) -> Markup {
        let owners = model.stages.byOwner
        guard !owners.isEmpty else { return .empty }
        return .div(.class("table-scroll"), .table(.class("list"), .id("stalled-by-owner"),
            .caption(.plain(t.pick(stalledByOwner))),
            .thead(.tr(.th(.attr("scope", "col"), .plain(t[.owner])),
                       .th(.attr("scope", "col"), .class("number"), term(t[.dashStalled], "stalled", t)))),
            .tbody(.each(owners) { o in
                .tr(.th(.attr("scope", "row"), .unwrap(o.url, { .a(.attr("href", $0), .plain(o.ownerName ?? t[.unassigned])) },
                                                       else: .plain(o.ownerName ?? t[.unassigned]))),
                    .td(.class("number"), .plain(t.format.number(o.count))))
            })))
    }

    /// Velocity overall and per owner, and its monthly trend.
    static func velocity(_ model: Model, _ t: Localizer) -> Markup {
        let v = model.velocity
        guard v.overall.openDeals > 0 || !v.byOwner.isEmpty || v.trend.contains(where: { $0.perDay != nil }) else { return noData(t) }
        let f = t.format
        let o = v.overall
        let columns: [(title: String, numeric: Bool)] = [(t[.owner], false), (t[.dashOpenDeals], true), (t[.dashWinRate], true),
                                                          (t[.dashAverageWon], true), (t[.dashCycle], true), (t[.dashPerDay], true)]
        let rows: [[Markup]] = v.byOwner.map { r in
            [owner(r.ownerName, t), .plain(f.number(r.openDeals)), .plain(percent(r.winRate, t)), .plain(money(r.averageWonAmount, model, t)),
             .plain(days(r.averageCycleDays, t)), .plain(money(r.perDay, model, t))]
        }
        let summary = t[.dashVelocityTrendSummary]
        let chart = LineChart(id: "velocity-trend", title: t[.dashVelocityTrend], summary: summary,
                              categories: v.trend.map { f.month($0.month, year: $0.year) },
                              series: [.init(name: t[.dashPerDay], values: v.trend.map(\.perDay))],
                              value: .money(currency: model.currency), axisLabel: f.currencySign(model.currency) + " / " + t[.dashDayUnit])
        return .group(
            figures([(t[.dashPerDay], money(o.perDay, model, t)), (t[.dashOpenDeals], f.number(o.openDeals)),
                     (t[.dashWinRate], percent(o.winRate, t)), (t[.dashAverageWon], money(o.averageWonAmount, model, t)),
                     (t[.dashCycle], days(o.averageCycleDays, t))], metric: "velocity", t),
            .p(.class("hint"), .plain(t[.dashVelocityHint])),
            part(t, "velocity-owners", t[.dashByOwner], rows.isEmpty ? noData(t) : table(t[.dashByOwner], columns, rows, metric: "velocity", t)),
            part(t, "velocity-trend-part", t[.dashVelocityTrend], chartFigure(Charts.line(chart, t), caption: summary)))
    }

    /// First-response time per owner against the target.
    static func response(_ model: Model, _ t: Localizer) -> Markup {
        let r = model.response
        guard r.overall.leads > 0 || !r.byOwner.isEmpty else { return noData(t) }
        let f = t.format
        let target = hours(r.targetHours, t)
        let columns: [(title: String, numeric: Bool)] = [(t[.owner], false), (t[.dashLeads], true), (t[.dashAnswered], true),
                                                          (t[.dashMedian], true), (t[.dashP90], true), (t[.dashBreaches], true)]
        let rows: [[Markup]] = r.byOwner.map { row in
            [owner(row.ownerName, t), .plain(f.number(row.leads)), .plain(f.number(row.answered)), .plain(hours(row.medianHours, t)),
             .plain(hours(row.p90Hours, t)),
             row.breaches > 0 ? .span(.class("warning"), .plain(f.number(row.breaches))) : .plain(f.number(row.breaches))]
        }
        return .group(
            figures([(t[.dashMedian], hours(r.overall.medianHours, t)), (t[.dashP90], hours(r.overall.p90Hours, t)),
                     (t[.dashTarget], target), (t[.dashBreaches], f.number(r.overall.breaches))], metric: "response-times", t),
            .p(.class("hint"), .plain(t(.dashResponseHint, ["target": target]))),
            part(t, "response-owners", t[.dashByOwner], rows.isEmpty ? noData(t) : table(t[.dashByOwner], columns, rows, metric: "response-times", t)))
    }
}
