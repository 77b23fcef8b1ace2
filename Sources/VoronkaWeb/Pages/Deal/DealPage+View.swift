import Plot
import VoronkaCore

extension DealPage {
    /// Renders the deal page.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        return Layout.page(model.shell, title: model.deal.title,
            header(model, t),
            .div(.class("split"),
                .div(.class("split-main"),
                    RecordNudges.section(model.nudges, t),
                    details(model, t),
                    buyingCentre(model, t),
                    timeline(model, t)),
                .div(.class("split-side"),
                    stagePanel(model, t),
                    checklist(model, t),
                    economics(model, t),
                    addActivityForm(model, t))),
            editForm(model, t))
    }

    static let lostAction = BilingualText(en: "Lost…", ru: "Проиграна…")
    static let undoConversion = BilingualText(en: "Undo the conversion", ru: "Отменить конвертацию")
    static let undoHint = BilingualText(en: "The lead returns to the inbox undecided, and this deal is deleted while untouched.",
                                        ru: "Лид вернётся во входящие без решения, а эта сделка будет удалена, пока по ней ничего не сделано.")
    static let postponeAction = BilingualText(en: "Postpone…", ru: "Отложить…")

    /// The move to another stage of the pipeline, and one step to close as lost or to postpone (which ask why or until when).
    static func stagePanel(_ model: Model, _ t: Localizer) -> Markup {
        guard !model.stages.isEmpty else { return .empty }
        let lost = model.stages.first { $0.kind == .lost && $0.id != model.deal.stageID }
        let postponed = model.stages.first { $0.kind == .postponed && $0.id != model.deal.stageID }
        func closeLink(_ stage: StageChoice, _ text: BilingualText, _ className: String) -> Markup {
            .a(.class("button " + className), .attr("href", model.closeURL + "?stage_id=\(stage.id)&return_to=" + model.editURL),
               .plain(t.pick(text)))
        }
        return .section(.class("panel"), .attr("aria-labelledby", "deal-stage"),
            .h2(.id("deal-stage"), .plain(t[.stage])),
            .postForm(model.moveURL, csrf: model.shell.csrfToken, class: "inline-form",
                .hidden(FormField.returnTo, model.editURL),
                .selectField(FieldInfo(id: "deal-move-stage", label: t[.moveTo]), name: FormField.stageID,
                             options: model.stages.map { (String($0.id), $0.name) }, selected: String(model.deal.stageID)),
                .submit(t[.move], class: "button")),
            .if(lost != nil || postponed != nil, .p(.class("actions"),
                .unwrap(lost) { closeLink($0, lostAction, "button-danger") },
                .unwrap(postponed) { closeLink($0, postponeAction, "button-quiet") })),
            .unwrap(model.leadUndoURL) { url in
                .postForm(url, csrf: model.shell.csrfToken, class: "undo-form",
                          .p(.class("hint"), .plain(t.pick(undoHint))),
                          .submit(t.pick(undoConversion), class: "button button-quiet"))
            })
    }

    static func header(_ model: Model, _ t: Localizer) -> Markup {
        let f = t.format
        let deal = model.deal
        let manual = deal.probabilityOverride == nil ? nil : t(.probabilityManual, ["reason": deal.probabilityReason ?? ""])
        return .div(.class("page-head"),
            .h1(.plain(deal.title)),
            .p(.class("subtitle"),
               .a(.attr("href", model.companyURL), .plain(model.companyName)),
               .plain(" · " + model.pipelineName + " › " + model.stageName),
               .if(model.stageKind != .open, .span(.class("badge stage-" + model.stageKind.rawValue), .plain(t.name(model.stageKind)))),
               .span(.class("muted"), .plain(" · " + t(.dealNumber, ["id": String(deal.id)])))),
            .dl(.class("figures"),
                .div(.dt(.plain(t[.amount])), .dd(.plain(f.money(deal.amount, currency: deal.currency)))),
                .div(.dt(.plain(t[.probability])), .dd(.plain(f.percent(Double(model.probability) / 100)), .unwrap(manual) { .small(.plain($0)) })),
                .div(.dt(.plain(t[.weightedValue])), .dd(.plain(f.money(model.weightedAmount, currency: deal.currency)))),
                .div(.dt(.plain(t[.grade])), .dd(.gradeBadge(deal.grade, t)))))
    }

    static func details(_ model: Model, _ t: Localizer) -> Markup {
        let f = t.format
        let deal = model.deal
        func money(_ v: Int64?) -> Markup { .plain(v.map { f.money($0, currency: deal.currency) } ?? t[.notSet]) }
        func day(_ d: Day?) -> Markup { d.map { .day($0, f) } ?? .plain(t[.notSet]) }
        var rows: [(label: String, value: Markup)] = [
            (t[.company], .a(.attr("href", model.companyURL), .plain(model.companyName))),
            (t[.stage], .plain(model.pipelineName + " › " + model.stageName)),
            (t[.owner], .plain(model.ownerName ?? t[.unassigned])),
            (t[.expectedProfit], money(deal.expectedProfit)),
            (t[.expectedClose], day(deal.expectedClose)),
            (t[.budgetStatus], .plain(t.name(deal.budgetStatus))),
            (t[.budgetAmount], money(deal.budgetAmount)),
            (t[.deadline], day(deal.deadline)),
            (t[.needDescribed], .plain(t.yesNo(deal.needDescribed))),
        ]
        if let need = deal.needText, !need.isEmpty { rows.append((t[.needText], .div(.class("prose"), .plain(need)))) }
        rows.append((t[.tender], .plain(t.yesNo(deal.tender) + (deal.tenderCost.map { " · " + t[.tenderCost] + ": " + f.money($0, currency: deal.currency) } ?? ""))))
        rows.append((t[.referral], .plain(t.yesNo(deal.referral))))
        if let lost = deal.lostReason, !lost.isEmpty { rows.append((t[.lostReason], .plain(lost))) }
        if let until = deal.postponedUntil { rows.append((t[.postponedUntil], .day(until, f))) }
        if let created = deal.createdAt { rows.append((t[.createdAt], .instant(created, f.dateTime(created)))) }
        if let entered = deal.stageEnteredAt { rows.append((t[.stageEnteredAt], .instant(entered, f.dateTime(entered)))) }
        if let closed = deal.closedAt { rows.append((t[.closedAt], .instant(closed, f.dateTime(closed)))) }
        if !deal.tags.isEmpty { rows.append((t[.tags], .plain(deal.tags.joined(separator: ", ")))) }
        rows += Display.attributes(model.attributes, deal.custom, t).map { ($0.label, Markup.plain($0.value)) }
        return .section(.attr("aria-labelledby", "deal-details"),
                        .h2(.id("deal-details"), .plain(t[.details])),
                        .factTable(t[.details], rows))
    }

    static func buyingCentre(_ model: Model, _ t: Localizer) -> Markup {
        let missing = Authority(contacts: model.contacts).missingFunctions
        return .section(.attr("aria-labelledby", "deal-buying-centre"),
            .h2(.id("deal-buying-centre"), .plain(t[.buyingCentre])),
            model.contacts.isEmpty ? .p(.class("muted"), .plain(t[.noContacts])) : contactTable(model.contacts, t),
            .if(!model.moveURL.isEmpty, .p(.a(.class("button button-small"),
                .attr("href", SiteURL.newRecord(.contact).path + "?deal_id=\(model.deal.id)&return_to=" + model.editURL + "%23deal-buying-centre"),
                .plain(t[.actionAddContact])))),
            .if(!missing.isEmpty, .p(.class("warning"), .span(.attr("aria-hidden", "true"), "⚠ "),
                                     .plain(t(.notCovered, ["roles": t.list(missing.map(t.name))])))))
    }

    /// Contacts with their positions, roles and ways to reach them.
    static func contactTable(_ contacts: [Contact], _ t: Localizer, urls: [Int64: String] = [:]) -> Markup {
        .div(.class("table-scroll"),
             .table(.class("list"),
                    .thead(.tr(.th(.attr("scope", "col"), .plain(t[.name])), .th(.attr("scope", "col"), .plain(t[.position])),
                               .th(.attr("scope", "col"), .plain(t[.contactRoles])), .th(.attr("scope", "col"), .plain(t[.email])),
                               .th(.attr("scope", "col"), .plain(t[.phone])))),
                    .tbody(.each(contacts) { c in
                        .tr(.th(.attr("scope", "row"), urls[c.id].map { .a(.attr("href", $0), .plain(c.name)) } ?? .plain(c.name)),
                            .td(.plain(c.position ?? "")),
                            .td(.ul(.class("roles"), .each(c.roles.isEmpty ? [.unknown] : c.roles) {
                                .li(.class("role role-" + $0.rawValue), .plain(t.name($0)))
                            })),
                            .td(.unwrap(c.email) { .a(.attr("href", "mailto:" + $0), .plain($0)) }),
                            .td(.unwrap(c.phone) { .a(.attr("href", "tel:" + $0.filter { $0.isNumber || $0 == "+" }), .plain($0)) }))
                    })))
    }

    static func checklist(_ model: Model, _ t: Localizer) -> Markup {
        let passed = model.checklist.filter { $0.verdict == .pass }.count
        return .section(.class("panel"), .attr("aria-labelledby", "deal-checklist"),
            .h2(.id("deal-checklist"), .plain(t[.checklist])),
            .p(.class("muted"), .plain(t(.checklistSummary, ["passed": String(passed), "total": String(model.checklist.count)]))),
            .ul(.class("checklist"), .each(model.checklist) { item in
                .li(.class("check check-" + item.verdict.rawValue), .data(named: "item", value: item.id.rawValue),
                    .verdictIcon(item.verdict, t), .span(.plain(t.pick(item.label))))
            }))
    }

    static func economics(_ model: Model, _ t: Localizer) -> Markup {
        let f = t.format
        let minimum = model.minimumProfit.map { f.money($0, currency: model.deal.currency) } ?? t[.notSet]
        let (verdict, text): (Verdict, String) = switch model.economics {
        case .above: (.pass, t(.economicsAbove, ["minimum": minimum]))
        case .below: (.fail, t(.economicsBelow, ["minimum": minimum]))
        case .belowExcused(let kind, let reason): (.pass, t(.economicsExcused, ["minimum": minimum, "kind": t.name(kind), "reason": reason]))
        case .unknown: (.unknown, t[.economicsUnknown])
        }
        return .section(.class("panel economics economics-" + verdict.rawValue), .attr("aria-labelledby", "deal-economics"),
            .h2(.id("deal-economics"), .plain(t[.economics])),
            .p(.verdictIcon(verdict, t), .plain(" " + text)))
    }
}
