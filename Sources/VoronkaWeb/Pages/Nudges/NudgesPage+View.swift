import Foundation
import Plot
import VoronkaCore

extension NudgesPage {
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        return Layout.page(model.shell, title: t.pick(title),
            .h1(.plain(t.pick(title))),
            .p(.class("muted"), .plain(t.pick(intro))),
            .unwrap(model.reviewURL) { .p(.a(.class("button"), .id("weekly-review-link"), .attr("href", $0), .plain(t.pick(review)))) },
            .unwrap(model.problem) { .p(.class("error-summary"), .attr("role", "alert"), .plain($0)) },
            tabs(model.states, label: t.pick(whichLabel)),
            .if(model.scopes.count > 1, tabs(model.scopes, label: t.pick(whoseLabel))),
            model.rows.isEmpty
                ? .p(.class("empty"), .plain(t.pick(nothing)))
                : .ul(.class("work-list nudge-list"), .each(model.rows) { row($0, model, t) }),
            .unwrap(model.pager) { .pager($0, t, id: "nudge-pages") })
    }

    static func tabs(_ tabs: [Tab], label: String) -> Node<HTML.BodyContext> {
        .nav(.class("tabs"), .attr("aria-label", label),
             .ul(.each(tabs) { s in .li(.a(.attr("href", s.url), .if(s.isCurrent, .attr("aria-current", "page")), .plain(s.label))) }))
    }

    static func row(_ r: Row, _ model: Model, _ t: Localizer) -> Node<HTML.ListContext> {
        let live = r.state == .open || r.state == .snoozed
        return .li(.class(r.level > 0 ? "work nudge escalated" : "work nudge"), .id("nudge-\(r.id)"),
                   .div(.class("work-main"), head(r, t), status(r, t)),
                   .if(live, actions(r, model, t)))
    }

    static func head(_ r: Row, _ t: Localizer) -> Node<HTML.BodyContext> {
        let f = t.format
        return .group(
            .p(.class("work-head"),
               .span(.class("event-kind"), .plain(t.pick(r.rule.title))),
               .if(r.level > 0, .group(.plain(" · "), .strong(.class("overdue-label"), .plain(t.pick(escalated))))),
               .plain(" · " + t.pick(due) + " "), .instant(r.dueAt, f.dateTime(r.dueAt)),
               .unwrap(r.userName) { .plain(" · " + $0) }),
            .p(.a(.class("nudge-about"), .attr("href", r.aboutURL), .plain(r.about))),
            .p(.class("prose"), .plain(t.pick(r.reason))))
    }

    static func status(_ r: Row, _ t: Localizer) -> Node<HTML.BodyContext> {
        switch r.state {
        case .snoozed:
            let until = r.snoozedUntil.map { t.format.dateTime($0) } ?? ""
            return .p(.class("muted"), .plain(t.pick(snoozedUntil).replacingOccurrences(of: "{time}", with: until)))
        case .done:
            return .p(.class("muted"), .plain(r.note == Nudge.resolvedNote ? t.pick(resolved) : t.pick(doneText)))
        case .dismissed:
            return .p(.class("muted"), .plain(t.pick(dismissedWith).replacingOccurrences(of: "{reason}", with: r.note ?? "")))
        case .open:
            return .empty
        }
    }

    /// Done; snooze for a while (the choice's label is read aloud, not shown); dismiss with a reason, folded away.
    static func actions(_ r: Row, _ model: Model, _ t: Localizer) -> Node<HTML.BodyContext> {
        let csrf = model.shell.csrfToken
        let options: [Node<HTML.SelectContext>] = snoozeHours.map { h in .choice(String(h), t.pick(hoursLabel(h)), selected: h == 24) }
        let done: Node<HTML.BodyContext> = .postForm(SiteURL.nudgeAction(r.id, .done).path, csrf: csrf, class: "nudge-done",
                                                      .hidden(FormField.returnTo, model.returnTo),
                                                      .submit("✓ " + t.pick(NudgesPage.done), class: "button button-small"))
        let snooze: Node<HTML.BodyContext> = .postForm(SiteURL.nudgeAction(r.id, .snooze).path, csrf: csrf, class: "nudge-snooze",
                                                        .hidden(FormField.returnTo, model.returnTo),
                                                        .label(.class("visually-hidden"), .attr("for", "snooze-\(r.id)"), .plain(t.pick(snoozeFor))),
                                                        .select(.attr("id", "snooze-\(r.id)"), .attr("name", "hours"), .group(options)),
                                                        .submit(t.pick(NudgesPage.snooze), class: "button button-quiet button-small"))
        let form: Node<HTML.BodyContext> = .postForm(SiteURL.nudgeAction(r.id, .dismiss).path, csrf: csrf, class: "nudge-dismiss-form",
                                                      .hidden(FormField.returnTo, model.returnTo),
                                                      .textAreaField(FieldInfo(id: "dismiss-\(r.id)", label: t.pick(dismissReason)), name: "reason",
                                                                     rows: 2, required: true),
                                                      .submit(t.pick(dismissButton), class: "button button-quiet button-small"))
        let dismissal: Node<HTML.BodyContext> = .el("details", .class("nudge-dismiss"),
                                                     .el("summary", .class("button button-quiet button-small"), .plain(t.pick(dismiss))), form)
        let take: Node<HTML.BodyContext> = r.claimURL.map { url in
            .postForm(url, csrf: csrf, class: "nudge-take", .hidden(FormField.returnTo, model.returnTo),
                      .submit(t.pick(NudgesPage.take), class: "button button-primary button-small"))
        } ?? .empty
        return .div(.class("nudge-actions"), take, done, snooze, dismissal)
    }
}
