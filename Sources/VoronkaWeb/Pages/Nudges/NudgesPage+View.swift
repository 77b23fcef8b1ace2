import Foundation
import Plot
import VoronkaCore

extension NudgesPage {
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        return Layout.page(model.shell, title: t.pick(title),
            .h1(.plain(t.pick(title))),
            .p(.class("muted"), .plain(t.pick(intro))),
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
        let f = t.format
        let live = r.state == .open || r.state == .snoozed
        return .li(.class(r.level > 0 ? "work nudge escalated" : "work nudge"), .id("nudge-\(r.id)"),
            .div(.class("work-main"),
                .p(.class("work-head"),
                   .span(.class("event-kind"), .plain(t.pick(r.rule.title))),
                   .if(r.level > 0, .group(.plain(" · "), .strong(.class("overdue-label"), .plain(t.pick(escalated))))),
                   .plain(" · " + t.pick(due) + " "), .instant(r.dueAt, f.dateTime(r.dueAt)),
                   .unwrap(r.userName) { .plain(" · " + $0) }),
                .p(.a(.class("nudge-about"), .attr("href", r.aboutURL), .plain(r.about))),
                .p(.class("prose"), .plain(t.pick(r.reason))),
                .unwrap(r.snoozedUntil) { until in
                    .if(r.state == .snoozed, .p(.class("muted"), .plain(t.pick(snoozedUntil).replacingOccurrences(of: "{time}", with: f.dateTime(until)))))
                },
                .if(r.state == .done, .p(.class("muted"), .plain(r.note == Nudge.resolvedNote ? t.pick(resolved) : t.pick(doneText)))),
                .if(r.state == .dismissed, .p(.class("muted"), .plain(t.pick(dismissedWith).replacingOccurrences(of: "{reason}", with: r.note ?? ""))))),
            .if(live, .div(.class("nudge-actions"),
                .postForm(SiteURL.nudgeAction(r.id, .done).path, csrf: model.shell.csrfToken, class: "nudge-done",
                          .hidden(FormField.returnTo, model.returnTo),
                          .submit("✓ " + t.pick(done), class: "button button-small")),
                .postForm(SiteURL.nudgeAction(r.id, .snooze).path, csrf: model.shell.csrfToken, class: "nudge-snooze",
                          .hidden(FormField.returnTo, model.returnTo),
                          .selectField(FieldInfo(id: "snooze-\(r.id)", label: t.pick(snoozeFor)), name: "hours",
                                       options: snoozeHours.map { (String($0), t.pick(hoursLabel($0))) }, selected: "24"),
                          .submit(t.pick(snooze), class: "button button-quiet button-small")),
                .el("details", .class("nudge-dismiss"),
                    .el("summary", .class("button button-quiet button-small"), .plain(t.pick(dismiss))),
                    .postForm(SiteURL.nudgeAction(r.id, .dismiss).path, csrf: model.shell.csrfToken, class: "nudge-dismiss-form",
                              .hidden(FormField.returnTo, model.returnTo),
                              .textAreaField(FieldInfo(id: "dismiss-\(r.id)", label: t.pick(dismissReason)), name: "reason", rows: 2, required: true),
                              .submit(t.pick(dismissButton), class: "button button-quiet button-small"))))))
    }
}
