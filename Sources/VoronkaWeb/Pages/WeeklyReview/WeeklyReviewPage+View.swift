import Foundation
import Plot
import VoronkaCore

extension WeeklyReviewPage {
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let f = t.format
        let heading = t.pick(title) + " · " + t.pick(weekOf).replacingOccurrences(of: "{day}", with: f.date(model.week))
        return Layout.page(model.shell, title: heading,
            .h1(.plain(heading)),
            .p(.class("muted"), .plain(t.pick(model.everyone ? everyoneText : teamText) + " "
                                       + t.pick(madeAtText).replacingOccurrences(of: "{time}", with: f.dateTime(model.madeAt)))),
            .unwrap(model.movement) { movement($0, t) },
            list(model, t),
            .if(model.weeks.count > 1, .nav(.class("review-weeks"), .attr("aria-label", t.pick(pastWeeks)),
                .h2(.plain(t.pick(pastWeeks))),
                .ul(.each(model.weeks) { w in
                    .li(.a(.attr("href", w.url), .if(w.isCurrent, .attr("aria-current", "page")), .plain(f.date(w.day))))
                }))))
    }

    static func movement(_ m: Movement, _ t: Localizer) -> Node<HTML.BodyContext> {
        let f = t.format
        let span = t.pick(movementSpan).replacingOccurrences(of: "{from}", with: Day(m.weekStart).map(f.date) ?? m.weekStart)
            .replacingOccurrences(of: "{to}", with: Day(m.weekEnd).map(f.date) ?? m.weekEnd)
        func share(_ x: Double?) -> String { x.map { f.percent($0, digits: 1) } ?? "—" }
        return .section(.class("panel"), .id("review-movement"), .attr("aria-labelledby", "review-movement-title"),
            .h2(.id("review-movement-title"), .plain(t.pick(movementTitle))),
            .p(.class("muted"), .plain(span)),
            .div(.class("table-scroll"), .table(
                .thead(.tr(.th(.attr("scope", "col"), .plain("")), .th(.attr("scope", "col"), .plain(t.pick(thisWeek))),
                           .th(.attr("scope", "col"), .plain(t.pick(average))))),
                .tbody(
                    .group(m.rows.map { r in
                        .tr(.th(.attr("scope", "row"), .plain(t.pick(r.label))), .td(.class("num"), .plain(f.number(r.week))),
                            .td(.class("num"), .plain(String(format: "%.1f", r.average).replacingOccurrences(of: ".", with: t.language == .ru ? "," : "."))))
                    }),
                    .tr(.th(.attr("scope", "row"), .plain(t.pick(conversion))), .td(.class("num"), .plain(share(m.conversion))),
                        .td(.class("num"), .plain(share(m.previousConversion))))))),
            .if(m.flagged, .p(.class("warning"), .strong(.plain(t.pick(flaggedText))))),
            .if(!m.anomalies.isEmpty, .p(.plain(t.pick(anomaliesText).replacingOccurrences(of: "{list}", with: m.anomalies.joined(separator: ", "))))))
    }

    static func list(_ model: Model, _ t: Localizer) -> Node<HTML.BodyContext> {
        let f = t.format
        let kinds = WeeklyReview.Kind.allCases.filter { k in model.items.contains { $0.kind == k } }
        return .section(.id("review-list"), .attr("aria-labelledby", "review-list-title"),
            .h2(.id("review-list-title"), .plain(t.pick(listTitle))),
            .if(model.items.isEmpty, .p(.class("empty"), .plain(t.pick(nothing)))),
            .group(kinds.map { kind in
                let items = model.items.filter { $0.kind == kind }
                let total = model.counts[kind] ?? items.count
                let count = total > items.count
                    ? t.pick(shownOf).replacingOccurrences(of: "{shown}", with: f.number(items.count)).replacingOccurrences(of: "{total}", with: f.number(total))
                    : f.number(total)
                return .group(
                    .h3(.id("review-\(kind.rawValue)"), .plain(t.pick(kind.title) + " · " + count)),
                    .ol(.class("work-list review-items"), .each(items) { item in
                        .li(.class("work"),
                            .div(.class("work-main"),
                                .p(.a(.attr("href", item.url), .strong(.plain(item.title))),
                                   .unwrap(item.amount) { .plain(" · " + $0) },
                                   .unwrap(item.ownerName) { .plain(" · " + $0) }),
                                .p(.class("prose"), .plain(t.pick(item.reason)))))
                    }))
            }))
    }
}
