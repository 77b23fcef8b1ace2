import Plot
import VoronkaCore

extension CompanyPage {
    /// Renders the company page.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let c = model.company
        return Layout.page(model.shell, title: c.name,
            .div(.class("page-head"),
                .h1(.plain(c.name)),
                .div(.class("actions"),
                    .unwrap(model.editURL) { .a(.class("button"), .attr("href", $0), .plain(t[.actionEdit])) },
                    .unwrap(model.newDealURL) { .a(.class("button button-primary"), .attr("href", $0), .plain(t[.actionNewDeal])) }),
                .unwrap(model.yearlyBuyer) { yearlyBuyer($0, t) }),
            .div(.class("split"),
                .div(.class("split-main"),
                    RecordNudges.section(model.nudges, t),
                    details(model, t),
                    purchases(model, t),
                    .section(.attr("aria-labelledby", "company-deals"),
                             .h2(.id("company-deals"), .plain(t[.deals]), .span(.class("muted"), .plain(" · " + t.count(model.deals.count, .deal)))),
                             model.deals.isEmpty ? .p(.class("muted"), .plain(t[.noDeals])) : deals(model.deals, t))),
                .div(.class("split-side"), contacts(model, t))))
    }

    static func yearlyBuyer(_ hint: YearlyBuyer, _ t: Localizer) -> Markup {
        let years = hint.years.map(String.init).joined(separator: ", ")
        return .div(.class("hint-box"), .attr("role", "note"),
            .p(.strong(.plain(t[.yearlyBuyer])), .plain(" — " + t(.yearlyBuyerHint, ["month": t.format.monthName(hint.month), "years": years]))),
            .unwrap(hint.nextExpected) { .p(.plain(t(.yearlyBuyerNext, ["date": t.format.date($0)]))) })
    }

    static func details(_ model: Model, _ t: Localizer) -> Markup {
        let f = t.format
        let c = model.company
        var rows: [(label: String, value: Markup)] = [(t[.owner], .plain(model.ownerName ?? t[.unassigned]))]
        func add(_ key: StringKey, _ text: String?) { if let text, !text.isEmpty { rows.append((t[key], .plain(text))) } }
        add(.taxID, c.taxID)
        add(.industry, t.industry(c.industry))
        add(.segment, t.segment(c.segment))
        add(.annualRevenue, c.annualRevenue.map { f.money($0, currency: c.currency, cents: false) })
        add(.headcount, c.headcount.map(f.number))
        add(.source, t.companySource(c.source))
        add(.tags, c.tags.isEmpty ? nil : c.tags.joined(separator: ", "))
        rows += Display.attributes(model.attributes, c.custom, t).map { ($0.label, Markup.plain($0.value)) }
        if let notes = c.notes, !notes.isEmpty { rows.append((t[.notes], .div(.class("prose"), .plain(notes)))) }
        return .section(.attr("aria-labelledby", "company-details"),
                        .h2(.id("company-details"), .plain(t[.details])),
                        .factTable(t[.details], rows))
    }

    static func deals(_ deals: [DealRow], _ t: Localizer) -> Markup {
        let f = t.format
        return .div(.class("table-scroll"),
            .table(.class("list"),
                .thead(.tr(.th(.attr("scope", "col"), .plain(t[.title])), .th(.attr("scope", "col"), .plain(t[.stage])),
                           .th(.attr("scope", "col"), .class("number"), .plain(t[.amount])), .th(.attr("scope", "col"), .plain(t[.grade])),
                           .th(.attr("scope", "col"), .plain(t[.owner])))),
                .tbody(.each(deals) { d in
                    let kind = t.name(d.stageKind)
                    return .tr(.class("deal-row stage-" + d.stageKind.rawValue),
                        .th(.attr("scope", "row"), .a(.attr("href", d.url), .plain(d.title))),
                        .td(.plain(d.stageName + (d.stageKind == .open || kind == d.stageName ? "" : " · " + kind))),
                        .td(.class("number"), .plain(f.money(d.amount, currency: d.currency, cents: false))),
                        .td(.gradeBadge(d.grade, t)),
                        .td(.plain(d.ownerName ?? t[.unassigned])))
                })))
    }

    static func contacts(_ model: Model, _ t: Localizer) -> Markup {
        .section(.class("panel"), .attr("aria-labelledby", "company-contacts"),
            .h2(.id("company-contacts"), .plain(t[.contacts]), .span(.class("muted"), .plain(" · " + t.count(model.contacts.count, .contact)))),
            .unwrap(model.newContactURL) { .p(.a(.class("button button-small"), .attr("href", $0), .plain(t[.actionNewContact]))) },
            model.contacts.isEmpty
                ? .p(.class("muted"), .plain(t[.noContacts]))
                : .ul(.class("contact-list"), .each(model.contacts) { c in
                    .li(.id("contact-\(c.id)"), .p(.strong(.plain(c.name))),
                        .unwrap(c.position) { .p(.class("muted"), .plain($0)) },
                        .if(!c.roles.isEmpty, .p(.plain(c.roles.map(t.name).joined(separator: ", ")))),
                        .unwrap(c.email) { .p(.a(.attr("href", "mailto:" + $0), .plain($0))) },
                        .unwrap(c.phone) { .p(.a(.attr("href", "tel:" + $0.filter { $0.isNumber || $0 == "+" }), .plain($0))) })
                }))
    }

    static func purchases(_ model: Model, _ t: Localizer) -> Markup {
        let f = t.format
        let heading = "company-purchases"
        guard let first = model.purchases.first, let last = model.purchases.last else {
            return .section(.attr("aria-labelledby", heading),
                            .h2(.id(heading), .plain(t[.purchaseHistory])), .p(.class("muted"), .plain(t[.noPurchases])))
        }
        let total = model.purchases.reduce(Int64(0)) { $0 + $1.amount }
        let summary = t(.purchaseHistoryDescription, ["from": f.month(first.month, year: first.year), "to": f.month(last.month, year: last.year),
                                                       "total": f.money(total, currency: model.purchaseCurrency, cents: false)])
        let chart = BarChart(id: "purchases-chart", title: t[.purchaseHistory], summary: summary,
                             bars: model.purchases.map { .init(label: f.month($0.month, year: $0.year), value: Money.decimal(minorUnits: $0.amount, currency: model.purchaseCurrency)) },
                             value: .money(currency: model.purchaseCurrency), axisLabel: f.currencySign(model.purchaseCurrency))
        return .section(.attr("aria-labelledby", heading),
            .h2(.id(heading), .plain(t[.purchaseHistory])),
            .el("figure", .class("chart-figure"),
                .div(.class("chart-scroll"), Charts.bar(chart, t)),
                .el("figcaption", .class("muted"), .plain(summary))))
    }
}
