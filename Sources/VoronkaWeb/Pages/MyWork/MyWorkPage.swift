import Foundation
import Plot
import VoronkaCore

/// A user's working list: open tasks and follow-ups (activities with a due time and not done), the overdue first, each
/// done with one click; a manager sees the team's too. The nudges will join this list when they exist.
public enum MyWorkPage {
    public struct Row: Sendable, Hashable {
        public var id: Int64
        public var kind: ActivityKind
        public var subject: String?
        public var body: String?
        public var dueAt: Date
        public var overdue: Bool
        public var ownerName: String?
        /// What it is about (a deal, a company or a lead) and where that opens.
        public var about: String?
        public var aboutURL: String?
        /// POST: marks it done.
        public var doneURL: String
        /// The activity's edit form (reschedule, reword), coming back to My work.
        public var editURL: String?
        public init(id: Int64, kind: ActivityKind, subject: String?, body: String?, dueAt: Date, overdue: Bool, ownerName: String?,
                    about: String?, aboutURL: String?, doneURL: String) {
            self.id = id; self.kind = kind; self.subject = subject; self.body = body; self.dueAt = dueAt; self.overdue = overdue
            self.ownerName = ownerName; self.about = about; self.aboutURL = aboutURL; self.doneURL = doneURL
        }
    }

    /// Whose work the page lists.
    public struct Scope: Sendable, Hashable {
        public var label: String
        public var url: String
        public var isCurrent: Bool
        public init(label: String, url: String, isCurrent: Bool) { self.label = label; self.url = url; self.isCurrent = isCurrent }
    }

    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var rows: [Row]
        public var overdueCount: Int
        public var scopes: [Scope]
        public var pager: Pager?
        /// Where a done form returns to (this page).
        public var returnTo: String
        public init(shell: Shell, rows: [Row], overdueCount: Int, scopes: [Scope] = [], pager: Pager? = nil, returnTo: String) {
            self.shell = shell; self.rows = rows; self.overdueCount = overdueCount; self.scopes = scopes; self.pager = pager; self.returnTo = returnTo
        }
    }

    static let title = BilingualText(en: "My work", ru: "Мои дела")
    static let intro = BilingualText(en: "Open tasks and follow-ups with a due time, the overdue first.",
                                     ru: "Открытые задачи и напоминания со сроком, просроченные — первыми.")
    static let nothing = BilingualText(en: "Nothing is due. Tasks and follow-ups with a due time appear here.",
                                       ru: "Сроков нет. Здесь появятся задачи и напоминания со сроком.")
    static let overdueLabel = BilingualText(en: "Overdue", ru: "Просрочено")
    static let overdueCountText = BilingualText(en: "Overdue: {count}", ru: "Просрочено: {count}")
    static let done = BilingualText(en: "Done", ru: "Сделано")
    static let whose = BilingualText(en: "Whose work", ru: "Чьи дела")

    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let f = t.format
        return Layout.page(model.shell, title: t.pick(title),
            .h1(.plain(t.pick(title))),
            .p(.class("muted"), .plain(t.pick(intro))),
            .if(model.scopes.count > 1, .nav(.class("tabs"), .attr("aria-label", t.pick(whose)),
                .ul(.each(model.scopes) { s in .li(.a(.attr("href", s.url), .if(s.isCurrent, .attr("aria-current", "page")), .plain(s.label))) }))),
            .if(model.overdueCount > 0, .p(.class("warning"), .strong(.plain(t.pick(overdueCountText).replacingOccurrences(of: "{count}", with: f.number(model.overdueCount)))))),
            model.rows.isEmpty
                ? .p(.class("empty"), .plain(t.pick(nothing)))
                : .ul(.class("work-list"), .each(model.rows) { r in
                    .li(.class(r.overdue ? "work overdue" : "work"), .id("activity-\(r.id)"),
                        .div(.class("work-main"),
                            .p(.class("work-head"),
                               .span(.class("event-kind"), .plain(t.name(r.kind))), .plain(" · "),
                               .if(r.overdue, .group(.strong(.class("overdue-label"), .plain(t.pick(overdueLabel))), .plain(" · "))),
                               .instant(r.dueAt, f.dateTime(r.dueAt)),
                               .plain(" · " + (r.ownerName ?? t[.unassigned]))),
                            .unwrap(r.subject) { .p(.strong(.plain($0))) },
                            .unwrap(r.body) { .p(.class("prose"), .plain(String($0.prefix(300)))) },
                            .unwrap(r.about) { about in .p(.unwrap(r.aboutURL, { .a(.attr("href", $0), .plain(about)) }, else: .plain(about))) },
                            .unwrap(r.editURL) { .p(.a(.class("button button-quiet button-small"), .attr("href", $0), .plain(t[.actionEdit]))) }),
                        .postForm(r.doneURL, csrf: model.shell.csrfToken, class: "work-done",
                                  .hidden(FormField.returnTo, model.returnTo),
                                  .submit("✓ " + t.pick(done), class: "button button-small")))
                }),
            .unwrap(model.pager) { .pager($0, t, id: "work-pages") })
    }
}
