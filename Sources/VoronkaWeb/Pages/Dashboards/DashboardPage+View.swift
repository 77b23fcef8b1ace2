import Plot
import VoronkaCore

extension DashboardPage {
    /// Renders the dashboards: heading, section navigation, the filter bar (GET) and the current section.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let title = sectionTitle(model.section, t)
        return Layout.page(model.shell, title: title + " · " + t[.navDashboards],
            .div(.class("page-head"),
                .h1(.plain(t[.navDashboards])),
                .p(.class("subtitle"), .plain(t(.dashAsOf, ["date": t.format.date(model.asOf)])))),
            sectionNavigation(model, t),
            filterBar(model, t),
            filterSummary(model, t),
            .section(.class("dashboard"), .attr("aria-labelledby", "dashboard-section"),
                .h2(.id("dashboard-section"), .plain(title)),
                content(model, t)))
    }

    static func content(_ model: Model, _ t: Localizer) -> Markup {
        switch model.section {
        case .funnel: funnel(model, t)
        case .channels: channelsSection(model, t)
        case .forecast: forecast(model, t)
        case .stages: stages(model, t)
        case .velocity: velocity(model, t)
        case .response: response(model, t)
        case .growth: growth(model, t)
        case .quality: quality(model, t)
        }
    }

    /// The title of a section, for its tab and its heading.
    public static func sectionTitle(_ section: Section, _ t: Localizer) -> String {
        switch section {
        case .funnel: t[.dashFunnel]
        case .channels: t.pick(channelTexts.title)
        case .forecast: t[.dashForecast]
        case .stages: t[.dashStages]
        case .velocity: t[.dashVelocity]
        case .response: t[.dashResponse]
        case .growth: t[.dashGrowth]
        case .quality: t[.dashQuality]
        }
    }

    static func sectionNavigation(_ model: Model, _ t: Localizer) -> Markup {
        .nav(.class("tabs dashboard-tabs"), .attr("aria-label", t[.dashSections]),
             .ul(.each(Section.allCases) { section in
                 .li(.a(.attr("href", model.url(section)), .if(section == model.section, .attr("aria-current", "page")),
                        .plain(sectionTitle(section, t))))
             }))
    }

    /// The filter form: GET to the dashboards' path, keeping the section; every select starts with "All".
    static func filterBar(_ model: Model, _ t: Localizer) -> Markup {
        let filter = model.filter
        func select(_ name: String, _ label: StringKey, _ options: [Option]) -> Node<HTML.FormContext> {
            select(name, t[label], options)
        }
        func select(_ name: String, _ label: String, _ options: [Option]) -> Node<HTML.FormContext> {
            .selectField(FieldInfo(id: "filter-" + name, label: label), name: name,
                         options: [("", t[.dashAll])] + options.map { ($0.value, $0.label) }, selected: filter.selected[name] ?? "")
        }
        func date(_ name: String, _ label: StringKey) -> Node<HTML.FormContext> {
            .inputField(FieldInfo(id: "filter-" + name, label: t[label]), name: name, type: "date", value: filter.selected[name] ?? "")
        }
        return .form(.attr("method", "get"), .attr("action", model.path), .class("filter-bar grid-form"), .attr("role", "search"),
                     .attr("aria-label", t[.dashFilters]),
            .hidden("section", model.section.rawValue),
            select("pipeline", .pipeline, filter.pipelines),
            select("team", .dashTeam, filter.teams),
            select("owner", .owner, filter.owners),
            select("source", .source, filter.sources),
            select("channel", t.pick(channelTexts.channel), filter.channels),
            select("channel_group", t.pick(channelTexts.groupFilter), filter.channelGroups),
            select("segment", .segment, filter.segments),
            date("from", .dashFrom),
            date("to", .dashTo),
            .div(.class("form-actions"),
                 .submit(t[.dashApply], class: "button button-primary"),
                 .if(filter.isActive, .a(.class("button button-quiet"), .attr("href", model.path + "?section=" + model.section.rawValue),
                                         .plain(t[.dashReset])))))
    }

    /// The filter in force as a sentence; it stays when the form is not shown (print).
    static func filterSummary(_ model: Model, _ t: Localizer) -> Markup {
        let filter = model.filter
        let lists: [(name: String, label: String, options: [Option])] = [
            ("pipeline", t[.pipeline], filter.pipelines), ("team", t[.dashTeam], filter.teams), ("owner", t[.owner], filter.owners),
            ("source", t[.source], filter.sources), ("channel", t.pick(channelTexts.channel), filter.channels),
            ("channel_group", t.pick(channelTexts.groupFilter), filter.channelGroups), ("segment", t[.segment], filter.segments),
        ]
        var parts = lists.compactMap { list -> String? in
            guard let value = filter.selected[list.name], !value.isEmpty else { return nil }
            return list.label + ": " + (list.options.first { $0.value == value }?.label ?? value)
        }
        for (name, key) in [("from", StringKey.dashFrom), ("to", StringKey.dashTo)] {
            if let value = filter.selected[name], !value.isEmpty { parts.append(t[key] + ": " + (Day(value).map(t.format.date) ?? value)) }
        }
        guard !parts.isEmpty else { return .empty }
        return .p(.class("filter-summary muted"), .plain(t(.dashFilterSummary, ["filters": parts.joined(separator: "; ")])))
    }

    // MARK: Shared pieces

    /// A table with a hidden caption, column headings and rows whose first cell heads the row. The headings of the
    /// figure columns (the numeric ones) link to the definition of `metric`, its first sentence on hover.
    static func table(_ caption: String, _ columns: [(title: String, numeric: Bool)], _ rows: [[Markup]], metric: String?,
                      class className: String = "list", _ t: Localizer) -> Markup {
        .div(.class("table-scroll"),
             .table(.class(className),
                    .caption(.class("visually-hidden"), .plain(caption)),
                    .thead(.tr(.each(columns) { c in
                        .th(.attr("scope", "col"), .if(c.numeric, .class("number")), c.numeric ? term(c.title, metric, t) : .plain(c.title))
                    })),
                    .tbody(.each(rows) { row in
                        .tr(.group(row.enumerated().map { (i, cell) -> Node<HTML.TableRowContext> in
                            let numeric = i < columns.count && columns[i].numeric
                            return i == 0 ? .th(.attr("scope", "row"), .if(numeric, .class("number")), cell)
                                          : .td(.if(numeric, .class("number")), cell)
                        }))
                    })))
    }

    /// A figure's name linking to its definition on the help page, the definition's first sentence on hover; plain
    /// text when the metric has no definition.
    static func term(_ title: String, _ metric: String?, _ t: Localizer) -> Markup {
        guard let metric, let definition = MetricDefinitions.definition(metric) else { return .plain(title) }
        return .a(.class("term"), .attr("href", SiteURL.helpMetrics.path + "#" + metric), .attr("title", hover(definition, t)), .plain(title))
    }

    /// The first sentence of a definition's first paragraph, for a tooltip.
    static func hover(_ definition: MetricDefinitions.Definition, _ t: Localizer) -> String {
        guard let first = definition.paragraphs.first.map({ t.pick($0) }) else { return t.pick(definition.title) }
        if let end = first.range(of: ". ") { return String(first[..<end.lowerBound]) + "." }
        return first
    }

    /// A subsection with its heading (`h3`) and an id for the heading.
    static func part(_ t: Localizer, _ id: String, _ title: String, _ content: Markup...) -> Markup {
        .section(.class("dashboard-part"), .attr("aria-labelledby", id),
                 .h3(.id(id), .plain(title), .unwrap(definitionLink(id, t)) { $0 }), .group(content))
    }

    /// Which metric's definition explains each part of the dashboards.
    static let partMetrics: [String: String] = [
        "funnel-cohorts": "conversion", "funnel-curve": "kaplan-meier", "funnel-yoy": "cohort-anomalies", "funnel-stages": "stage-conversion",
        "stages-time": "time-in-stage", "stages-stalled": "stalled", "velocity-owners": "velocity", "velocity-trend-part": "velocity",
        "response-owners": "response-times", "forecast-months": "forecast", "forecast-stages": "forecast",
        "forecast-calibration": "calibration", "growth-rescued": "rescued-leads", "growth-referrals": "referrals",
        "quality-completeness": "completeness", "quality-qualification": "qualification", "quality-data": "data-quality",
        "channels-conversion": "channels", "channels-groups": "channels",
    ]
    static let definitionText = BilingualText(en: "Definition", ru: "Определение")

    /// A link to the definition of the part's figures, its first sentence on hover.
    static func definitionLink(_ partID: String, _ t: Localizer) -> Markup? {
        guard let id = partMetrics[partID], let definition = MetricDefinitions.definition(id) else { return nil }
        return .a(.class("definition-link"), .attr("href", SiteURL.helpMetrics.path + "#" + id), .attr("title", hover(definition, t)),
                  .plain(" " + t.pick(definitionText)))
    }

    /// The clear state of a part without data.
    static func noData(_ t: Localizer) -> Markup { .p(.class("empty"), .plain(t[.dashNoData])) }

    /// Key figures as a definition list, each name linking to the definition of `metric`.
    static func figures(_ items: [(label: String, value: String)], metric: String?, _ t: Localizer) -> Markup {
        .dl(.class("figures"), .each(items) { item in .div(.dt(term(item.label, metric, t)), .dd(.plain(item.value))) })
    }

    /// A chart in a figure with its caption.
    static func chartFigure(_ chart: Markup, caption: String) -> Markup {
        .el("figure", .class("chart-figure"), .div(.class("chart-scroll"), chart), .el("figcaption", .class("muted"), .plain(caption)))
    }

    /// An amount in major units, whole, with its currency; "—" when not known or not finite.
    static func money(_ amount: Double?, _ model: Model, _ t: Localizer) -> String {
        guard let amount, amount.isFinite, amount.magnitude < 9e16 else { return Format.dash }
        return t.format.money(Int64((amount * 100).rounded()), currency: model.currency, cents: false)
    }

    static func percent(_ share: Double?, _ t: Localizer, digits: Int = 1) -> String {
        share.map { t.format.percent($0, digits: digits) } ?? Format.dash
    }

    static func days(_ value: Double?, _ t: Localizer) -> String {
        guard let value, value.isFinite else { return Format.dash }
        let whole = value == value.rounded() && value.magnitude < 1e15 ? Int(value) : 5
        return t.format.trimmed(value, maxDigits: 1) + Format.nbsp + Plural.word(.day, whole, t.language)
    }

    static func hours(_ value: Double?, _ t: Localizer) -> String {
        guard let value, value.isFinite else { return Format.dash }
        return t.format.trimmed(value, maxDigits: 1) + Format.nbsp + t[.dashHoursShort]
    }

    /// An owner's name, or "Unassigned".
    static func owner(_ name: String?, _ t: Localizer) -> Markup { .plain(name ?? t[.unassigned]) }

    /// A link to a deal.
    static func dealLink(_ deal: DealRef) -> Markup { .a(.attr("href", deal.url), .plain(deal.title)) }

    /// A flag whose meaning is in its text, not only in its colour.
    static func flag(_ text: String) -> Markup { .span(.class("badge flag-anomaly"), .plain("⚑ " + text)) }
}
