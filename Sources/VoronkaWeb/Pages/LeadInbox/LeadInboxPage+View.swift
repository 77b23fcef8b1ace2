import Plot
import VoronkaCore

extension LeadInboxPage {
    /// Renders the lead inbox.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        return Layout.page(model.shell, title: t[.inboxTitle],
            .div(.class("page-head"),
                .h1(.plain(t[.inboxTitle])),
                .unwrap(model.newLeadURL) { .a(.class("button button-primary"), .attr("href", $0), .plain(t[.actionNewLead])) }),
            .unwrap(model.problem) { p in
                .errorSummary(t[.formErrors], [(fieldID: reasonFieldID(p.leadID, p.outcome),
                                                message: t(.leadNumber, ["id": String(p.leadID)]) + ": " + t[.reasonRequired] + " — " + t[.overrideHint])])
            },
            .nav(.class("tabs"), .attr("aria-label", t.pick(listsLabel)),
                 .ul(.li(.a(.attr("href", model.inboxURL), .if(!model.decided, .attr("aria-current", "page")), .plain(t.pick(newTab)))),
                     .li(.a(.attr("href", model.decidedURL), .if(model.decided, .attr("aria-current", "page")), .plain(t.pick(decidedTab)))))),
            .p(.class("lead-count"), .plain(model.decided ? t.pick(decidedCount).replacingOccurrences(of: "{count}", with: t.format.number(model.paging?.total ?? model.rows.count))
                                                          : t.count(model.paging?.total ?? model.rows.count, .newLead))),
            model.rows.isEmpty
                ? .p(.class("empty"), .plain(model.decided ? t.pick(noneDecided) : t[.inboxEmpty]))
                : .ol(.class("leads"), .attr("start", model.paging.map { String(max($0.first, 1)) }),
                      .each(model.rows) { .li(.class("lead"), .id("lead-\($0.id)"), row($0, model.shell, t, problem: model.problem)) }),
            .unwrap(model.paging) { .pager($0, t) })
    }

    /// The id of a decision's reason field.
    static func reasonFieldID(_ leadID: Int64, _ outcome: LeadOutcome) -> String { "lead-\(leadID)-\(outcome.rawValue)-reason" }

    static func row(_ row: Row, _ shell: Shell, _ t: Localizer, problem: Problem? = nil) -> Markup {
        let f = t.format
        let titleID = "lead-\(row.id)-title"
        let owner = t[.owner] + ": " + (row.ownerName ?? t[.unassigned])
        return .article(.attr("aria-labelledby", titleID),
            .header(.class("lead-head"),
                .h2(.id(titleID),
                    .if(row.fire, .group(.span(.class("badge badge-fire"), .plain(t[.hotLead])), .plain(" "))),
                    .plain((row.companyName ?? t[.unknownCompany]) + " "),
                    .span(.class("lead-number"), .plain(t(.leadNumber, ["id": String(row.id)])))),
                .p(.class("lead-meta"),
                   .instant(row.receivedAt, f.dateTime(row.receivedAt)),
                   .plain(" (" + t(.ago, ["time": f.duration(row.age)]) + ") · " + t.name(row.source) + " · " + owner)),
                timer(row.timer, t)),
            .unwrap(row.contactName) { .p(.class("lead-contact"), .plain(t[.contact] + ": " + $0)) },
            .if(row.campaign != nil || row.landingPage != nil, .p(.class("lead-attribution muted"),
                .plain([row.campaign.map { "UTM: " + $0 }, row.landingPage.map { t.pick(landingLabel) + ": " + $0 }]
                    .compactMap { $0 }.joined(separator: " · ")))),
            .unwrap(row.requestText, { .blockquote(.class("lead-request"), .plain($0)) },
                    else: .p(.class("lead-request muted"), .plain(t[.noRequest]))),
            triage(row, t),
            .if(row.outcome == nil, actions(row, shell, t, problem: problem?.leadID == row.id ? problem?.outcome : nil)),
            .unwrap(row.undoURL) { url in
                .div(.class("lead-actions"),
                     .unwrap(row.dealURL) { .a(.class("button"), .attr("href", $0), .plain(t.pick(openDeal))) },
                     .postForm(url, csrf: shell.csrfToken, class: "action-form",
                               .submit(t.pick(undoDecision), class: "button button-quiet"),
                               .p(.class("hint"), .plain(t.pick(undoHint)))))
            })
    }

    static let listsLabel = BilingualText(en: "Lead lists", ru: "Списки лидов")
    static let landingLabel = BilingualText(en: "Landing page", ru: "Посадочная страница")
    static let newTab = BilingualText(en: "New", ru: "Новые")
    static let decidedTab = BilingualText(en: "Decided", ru: "Решённые")
    static let decidedCount = BilingualText(en: "Leads decided: {count}", ru: "Решённых лидов: {count}")
    static let noneDecided = BilingualText(en: "No lead has been decided yet.", ru: "Решённых лидов пока нет.")
    static let openDeal = BilingualText(en: "Open the deal", ru: "Открыть сделку")
    static let undoDecision = BilingualText(en: "Undo the decision", ru: "Отменить решение")
    static let undoHint = BilingualText(en: "The lead goes back to the new ones; a deal made from it is removed while nothing has happened in it yet.",
                                        ru: "Лид вернётся в новые; созданная из него сделка удаляется, пока в ней ещё ничего не происходило.")

    static func timer(_ timer: ResponseTimer, _ t: Localizer) -> Markup {
        let f = t.format
        let (className, icon, text): (String, String, String) = switch timer {
        case .running(let remaining): ("timer timer-running", "◔", t(.timerWithin, ["time": f.duration(remaining)]))
        case .overdue(let by): ("timer timer-overdue", "⚠", t(.timerOverdue, ["time": f.duration(by)]))
        case .answered(let after, true): ("timer timer-answered", "✓", t(.timerAnswered, ["time": f.duration(after)]))
        case .answered(let after, false): ("timer timer-late", "✓", t(.timerAnsweredLate, ["time": f.duration(after)]))
        }
        return .p(.class(className), .span(.attr("aria-hidden", "true"), .plain(icon + " ")), .plain(text))
    }

    static func triage(_ row: Row, _ t: Localizer) -> Markup {
        .section(.class("triage"), .attr("aria-label", t[.reasons]),
            .unwrap(row.outcome) { outcome in
                .p(.strong(.plain(t[.decided] + ": ")), .span(.class("outcome outcome-" + outcome.rawValue), .plain(t.name(outcome))))
            },
            .unwrap(row.outcomeReason) { .p(.class("muted"), .plain(t[.reasons] + ": " + $0)) },
            .unwrap(row.triage, { triage in
                .group(
                    .p(.strong(.plain(t[.suggestion] + ": ")),
                       .span(.class("outcome outcome-" + triage.suggested.rawValue), .plain(t.name(triage.suggested))),
                       .plain(" — " + t.pick(triage.summary))),
                    .if(!triage.reasons.isEmpty, .ul(.class("reasons"), .each(triage.reasons) { reason in
                        .li(.class("reason reason-" + reason.kind.rawValue), .verdictIcon(reason.verdict, t), .plain(" " + t.pick(reason.text)))
                    })))
            }, else: .p(.class("muted"), .plain(t[.notTriaged]))))
    }

    static func actions(_ row: Row, _ shell: Shell, _ t: Localizer, problem: LeadOutcome? = nil) -> Markup {
        .div(.class("lead-actions"), .attr("role", "group"), .attr("aria-label", t(.leadActions, ["id": String(row.id)])),
            decision(.deal, title: t[.actionConvert], url: row.actions.convert, row, shell, t, refused: problem == .deal),
            decision(.nurture, title: t[.actionNurture], url: row.actions.nurture, row, shell, t, refused: problem == .nurture),
            decision(.junk, title: t[.actionJunk], url: row.actions.junk, row, shell, t, refused: problem == .junk))
    }

    /// One decision's form: the suggested one is a single button; one that overrides the suggestion requires a reason.
    static func decision(_ outcome: LeadOutcome, title: String, url: String, _ row: Row, _ shell: Shell, _ t: Localizer,
                         refused: Bool = false) -> Markup {
        let suggested = row.triage?.suggested == outcome
        let required = overrides(outcome, row.triage)
        let id = reasonFieldID(row.id, outcome)
        let info = FieldInfo(id: id, label: t[required ? .reasonRequired : .reasonOptional], hint: required ? t[.overrideHint] : nil,
                             error: refused ? t[.reasonRequired] : nil)
        return .postForm(url, csrf: shell.csrfToken, class: suggested ? "action-form suggested" : "action-form",
            .if(outcome == .deal, .inputField(FieldInfo(id: "lead-\(row.id)-deal-title", label: t[.dealTitle]), name: FormField.title,
                                              value: row.dealTitle, required: true, extra: [.attr("maxlength", "300")])),
            .if(!suggested, .inputField(info, name: FormField.reason, required: required, extra: [.attr("maxlength", "2000")])),
            .submit(title, class: suggested ? "button button-primary" : "button"))
    }
}
