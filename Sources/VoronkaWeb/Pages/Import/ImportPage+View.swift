import Foundation
import Plot
import VoronkaCore

extension ImportPage {
    /// Renders the import page in its state: upload, review, progress (refreshing itself), report or failure.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let heading: Markup = .group(
            .h1(.plain(t.pick(title))),
            .unwrap(model.error) { .div(.class("banner banner-error"), .attr("role", "alert"), .p(.plain($0))) })
        switch model.content {
        case .upload:
            return Layout.page(model.shell, title: t.pick(title), heading, upload(model, t))
        case .review(let review):
            return Layout.page(model.shell, title: t.pick(title), heading, self.review(model, review, t))
        case .running(let done, let total, _):
            return Layout.page(model.shell, title: t.pick(running), refreshAfter: 2, heading, progress(done, total, t))
        case .finished(let tallies, let rows, let seconds, let problems, let count):
            return Layout.page(model.shell, title: t.pick(finished), heading, report(model, tallies, rows, seconds, problems, count, t))
        case .failed(let message):
            return Layout.page(model.shell, title: t.pick(failed), heading,
                .div(.class("banner banner-error"), .attr("role", "alert"),
                     .p(.strong(.plain(t.pick(failed)))), .p(.plain(message)), .p(.plain(t.pick(failedHint)))),
                .p(.a(.class("button"), .attr("href", model.paths.upload), .plain(t.pick(another)))))
        }
    }

    /// The upload form: files of one export, sent as multipart with the CSRF token.
    static func upload(_ model: Model, _ t: Localizer) -> Markup {
        let info = FieldInfo(id: "import-files", label: t.pick(filesLabel), hint: t.pick(filesHint))
        return .group(
            .p(.class("lead-text"), .plain(t.pick(intro))),
            .form(.attr("method", "post"), .attr("action", model.paths.upload), .attr("enctype", "multipart/form-data"),
                  .class("panel import-upload"),
                  .hidden(FormField.csrf, model.shell.csrfToken),
                  .inputField(info, name: "files", type: "file", required: true,
                              extra: [.flag("multiple"), .attr("accept", ".csv,.txt,.tsv,text/csv")]),
                  .submit(t.pick(uploadButton), class: "button button-primary")))
    }

    /// A running import: a progress bar and what happens if it stops.
    static func progress(_ done: Int, _ total: Int, _ t: Localizer) -> Markup {
        let text = Strings.fill(t.pick(progressText), ["done": t.format.number(done), "total": t.format.number(total)])
        return .section(.class("panel import-progress"), .attr("aria-live", "polite"),
            .h2(.plain(t.pick(running))),
            .el("progress", .attr("max", String(max(total, 1))), .attr("value", String(done)), .attr("aria-label", text), .plain(text)),
            .p(.plain(text)),
            .p(.class("muted"), .plain(t.pick(runningHint))))
    }

    /// The final report: per kind what was created, updated, left alone or left out, and the problems.
    static func report(_ model: Model, _ tallies: [Tally], _ rows: Int, _ seconds: Double, _ problems: [String], _ count: Int,
                       _ t: Localizer) -> Markup {
        .group(
            .div(.class("banner"), .attr("role", "status"),
                 .p(.strong(.plain(t.pick(finished)))),
                 .p(.plain(Strings.fill(t.pick(finishedSummary), ["rows": t.format.number(rows), "seconds": t.format.decimal(seconds, digits: 1)])))),
            .div(.class("table-scroll"), .table(.class("list import-report"),
                .thead(.tr(.th(.attr("scope", "col"), .plain(t.pick(kindColumn))),
                           .th(.attr("scope", "col"), .class("num"), .plain(t.pick(created))),
                           .th(.attr("scope", "col"), .class("num"), .plain(t.pick(updated))),
                           .th(.attr("scope", "col"), .class("num"), .plain(t.pick(unchanged))),
                           .th(.attr("scope", "col"), .class("num"), .plain(t.pick(skipped))))),
                .tbody(.each(tallies) { r in
                    .tr(.th(.attr("scope", "row"), .plain(kindName(r.kind, t))),
                        .td(.class("num"), .plain(t.format.number(r.created))), .td(.class("num"), .plain(t.format.number(r.updated))),
                        .td(.class("num"), .plain(t.format.number(r.unchanged))), .td(.class("num"), .plain(t.format.number(r.skipped))))
                }))),
            .if(!model.newChannels.isEmpty, .group(
                .h2(.plain(Strings.fill(t.pick(newChannelsMade), ["count": t.format.number(model.newChannels.count)]))),
                .p(.plain(model.newChannels.joined(separator: ", ") + ". "),
                   .a(.attr("href", SiteURL.settingsSection(.channels).path), .plain(t.pick(newChannelsHint)))))),
            .h2(.plain(Strings.fill(t.pick(ImportPage.problems), ["count": t.format.number(count)]))),
            problems.isEmpty ? .p(.class("muted"), .plain(t.pick(noProblems)))
                : .ul(.class("import-problems"), .each(problems) { .li(.plain($0)) }),
            .if(count > problems.count, .p(.class("muted"), .plain(Strings.fill(t.pick(moreProblems), ["count": t.format.number(count - problems.count)]) + " "),
                                           .unwrap(model.problemsURL) { .a(.attr("href", $0), .attr("download", ""), .plain(t.pick(allProblems))) })),
            .p(.a(.class("button button-primary"), .attr("href", model.shell.links.pipeline), .plain(t.pick(toPipelines))), .text(" "),
               .a(.class("button"), .attr("href", model.paths.upload), .plain(t.pick(another)))))
    }

    /// A kind of record or file in the user's language.
    static func kindName(_ kind: String, _ t: Localizer) -> String {
        let names: [String: T] = [
            "companies": T(en: "Companies", ru: "Компании"), "company": T(en: "Companies", ru: "Компании"),
            "contacts": T(en: "Contacts", ru: "Контакты"), "contact": T(en: "Contacts", ru: "Контакты"),
            "leads": T(en: "Leads", ru: "Лиды"), "lead": T(en: "Leads", ru: "Лиды"),
            "deals": T(en: "Deals", ru: "Сделки"), "deal": T(en: "Deals", ru: "Сделки"),
            "stage_history": T(en: "Stage history", ru: "История этапов"), "stage events": T(en: "Stage events", ru: "Переходы по этапам"),
            "users": T(en: "Users", ru: "Пользователи"), "user": T(en: "Users", ru: "Пользователи"),
            "products": T(en: "Products", ru: "Продукты"), "product": T(en: "Products", ru: "Продукты"),
            "pipelines": T(en: "Pipelines", ru: "Воронки"), "stages": T(en: "Stages", ru: "Этапы"),
        ]
        return names[kind].map(t.pick) ?? kind
    }
}
