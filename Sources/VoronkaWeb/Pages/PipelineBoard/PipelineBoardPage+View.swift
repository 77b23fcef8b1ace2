import Plot
import VoronkaCore

extension PipelineBoardPage {
    static let unconvertedNote = BilingualText(en: "not in the sums: {count} in currencies without a rate to {currency} (settings)",
                                               ru: "не вошли в суммы: {count} в валютах без курса к {currency} (настройки)")

    /// Renders the board.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let stages = model.columns.map { (value: String($0.stageID), label: $0.name) }
        return Layout.page(model.shell, title: model.pipelineName,
            .unwrap(model.refusal) { refusal($0, t) },
            .div(.class("page-head"),
                .h1(.plain(model.pipelineName)),
                .if(model.pipelines.count > 1, switcher(model.pipelines, t))),
            filters(model.filter, t),
            .if(!model.stageLinks.isEmpty, stageSwitcher(model.stageLinks, t)),
            .p(.class("hint"), .id("board-hint"), .plain(t[.dragHint])),
            .div(.class(model.focusedStageID == nil ? "board" : "board board-focused"), .flag("data-board"), .attr("role", "region"),
                 .attr("aria-label", t[.boardRegion]), .attr("aria-describedby", "board-hint"), .attr("tabindex", "0"),
                 .each(model.columns) { column($0, currency: model.currency, stages: stages, model.shell, t) }),
            .unwrap(model.pager) { .pager($0, t, id: "stage-pages") })
    }

    static let allStages = BilingualText(en: "All stages", ru: "Все этапы")
    static let anyOwner = BilingualText(en: "Any owner", ru: "Любой ответственный")
    static let anyGrade = BilingualText(en: "Any grade", ru: "Любой класс")
    static let apply = BilingualText(en: "Show", ru: "Показать")
    static let stagesLabel = BilingualText(en: "Stages", ru: "Этапы")

    /// Owner and grade filters (a GET form: no token needed).
    static func filters(_ f: Filter, _ t: Localizer) -> Markup {
        guard !f.action.isEmpty else { return .empty }
        let owners = [("", t.pick(anyOwner))] + f.ownerChoices.map { ($0.id, $0.name) }
        let grades = [("", t.pick(anyGrade))] + DealGrade.allCases.map { ($0.rawValue, t.name($0)) }
        return .form(.class("board-filter"), .attr("method", "get"), .attr("action", f.action),
            .group(f.keep.sorted { $0.key < $1.key }.map { .input(.attr("type", "hidden"), .attr("name", $0.key), .attr("value", $0.value)) }),
            .selectField(FieldInfo(id: "board-owner", label: t[.owner]), name: "owner_id", options: owners, selected: f.ownerID),
            .selectField(FieldInfo(id: "board-grade", label: t[.grade]), name: "grade", options: grades, selected: f.grade),
            .submit(t.pick(apply), class: "button button-quiet"))
    }

    /// Every stage with its count: a stage opens its cards alone, a page at a time (on a phone, one column at a time).
    static func stageSwitcher(_ links: [StageLink], _ t: Localizer) -> Markup {
        .nav(.class("stage-switcher"), .attr("aria-label", t.pick(stagesLabel)),
             .ul(.each(links) { l in
                 .li(.a(.attr("href", l.url), .if(l.isCurrent, .attr("aria-current", "page")),
                        .plain((l.name.isEmpty ? t.pick(allStages) : l.name) + " "), .span(.class("count"), .plain(t.format.number(l.count)))))
             }))
    }

    static func switcher(_ pipelines: [PipelineLink], _ t: Localizer) -> Markup {
        .nav(.class("tabs"), .attr("aria-label", t[.pipelines]),
             .ul(.each(pipelines) { p in
                 .li(.a(.attr("href", p.url), .if(p.isCurrent, .attr("aria-current", "page")), .plain(p.name)))
             }))
    }

    static func refusal(_ refusal: Refusal, _ t: Localizer) -> Markup {
        .div(.class("banner banner-error"), .attr("role", "alert"), .id("move-refused"),
             .p(.strong(.plain(t(.moveRefused, ["deal": refusal.dealTitle, "stage": refusal.stageName])))),
             .ul(.each(refusal.reasons) { .li(.plain(text($0, t))) }))
    }

    static func text(_ reason: Refusal.Reason, _ t: Localizer) -> String {
        switch reason {
        case .needNotDescribed: t[.refusalNeed]
        case .budgetNotAllocated: t[.refusalBudget]
        case .noDeadline: t[.refusalDeadline]
        case .noDecisionMaker: t[.refusalDecisionMaker]
        case .other(let text): t.pick(text)
        }
    }

    static func column(_ column: Column, currency: String, stages: [(value: String, label: String)], _ shell: Shell, _ t: Localizer) -> Markup {
        let f = t.format
        let headingID = "stage-\(column.stageID)"
        return .section(.class("column column-" + column.kind.rawValue), .data(named: "stage-id", value: String(column.stageID)),
                        .attr("aria-labelledby", headingID),
            .header(.class("column-head"),
                .h2(.id(headingID), .plain(column.name)),
                .p(.class("column-count"), .plain(t.count(column.count, .deal))),
                .dl(.class("column-sums"),
                    .if(column.sumsKnown, .group(
                        .div(.dt(.plain(t[.columnSum])), .dd(.plain(f.money(column.sum, currency: currency, cents: false)))),
                        .div(.dt(.plain(t[.columnWeighted])), .dd(.plain(f.money(column.weightedSum, currency: currency, cents: false)))))),
                    .if(column.sumsKnown && column.unconverted > 0, .div(.class("muted unconverted"),
                        .dd(.plain(Strings.fill(t.pick(unconvertedNote), ["count": t.count(column.unconverted, .deal), "currency": currency]))))),
                    .div(.dt(.plain(t[.probability])), .dd(.plain(f.percent(Double(column.probability) / 100))))),
                .if(column.gated, .p(.class("gate"), .plain(t[.gatedStage]),
                                     .unwrap(column.entryRule) { .span(.class("entry-rule"), .plain(": " + $0)) })),
                .unwrap(column.newDealURL) { .p(.a(.class("button button-small"), .attr("href", $0), .plain("+ " + t[.actionNewDeal]))) }),
            column.cards.isEmpty
                ? .p(.class("empty"), .plain(t[.noDeals]))
                : .ol(.class("cards"), .each(column.cards) { card($0, stageID: column.stageID, stages: stages, shell, t) }),
            .unwrap(column.moreURL) { .p(.class("more"), .a(.attr("href", $0), .plain(t(.showAllInStage, ["count": t.format.number(column.count)])))) })
    }

    static func card(_ card: Card, stageID: Int64, stages: [(value: String, label: String)], _ shell: Shell, _ t: Localizer) -> Node<HTML.ListContext> {
        .li(.class(card.stalled ? "card stalled" : "card"), .id("deal-card-\(card.dealID)"), .attr("draggable", "true"),
            .data(named: "deal-id", value: String(card.dealID)), .data(named: "stage-id", value: String(stageID)),
            cardBody(card, t),
            moveForm(card, stageID: stageID, stages: stages, shell, t))
    }

    static func cardBody(_ card: Card, _ t: Localizer) -> Markup {
        let f = t.format
        let days = t(.inStage, ["time": f.duration(card.timeInStage)])
        let stalled: Markup = card.stalled
            ? .group(.span(.attr("aria-hidden", "true"), "⚠ "), .plain(days), .strong(.class("stalled-label"), .plain(" · " + t[.stalled])))
            : .plain(days)
        return .group(
            .a(.class("card-title"), .attr("href", card.url), .attr("draggable", "false"), .plain(card.title)),
            .p(.class("card-company"), .plain(card.companyName)),
            .p(.class("card-amount"), .plain(f.money(card.amount, currency: card.currency, cents: false))),
            .p(.class("card-meta"), .gradeBadge(card.grade, t), .span(.class(card.stalled ? "days days-stalled" : "days"), stalled)),
            .p(.class("card-owner"), .plain(card.ownerName ?? t[.unassigned])))
    }

    /// The no-script and keyboard way to move: a stage select and a button; the drag-and-drop script submits it too.
    static func moveForm(_ card: Card, stageID: Int64, stages: [(value: String, label: String)], _ shell: Shell, _ t: Localizer) -> Markup {
        let selectID = "move-\(card.dealID)"
        return .form(.class("move-form"), .attr("method", "post"), .attr("action", card.moveURL), .flag("data-move-form"),
                     .hidden(FormField.csrf, shell.csrfToken),
                     .label(.attr("for", selectID), .plain(t[.moveTo])),
                     .select(.id(selectID), .attr("name", FormField.stageID),
                             .each(stages) { .choice($0.value, $0.label, selected: $0.value == String(stageID)) }),
                     .submit(t[.move], class: "button button-small"))
    }
}
