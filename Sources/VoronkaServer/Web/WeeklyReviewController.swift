import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The weekly review page: this week's (made now if it was not yet), or a kept past one by its Monday.
enum WeeklyReviewController {
    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let s = web.services
        let users = try await s.store.all(.user).map(User.init(record:))
        guard WeeklyReviews.mayHave(caller.user, users: users) else { throw WebError.forbidden }
        let review: WeeklyReview
        if let raw = req.parameters.get("week") {
            guard let day = Day(raw), let kept = try await s.store.read({ try await $0.weeklyReview(userID: caller.user.id, week: day) }) else {
                throw WebError.notFound
            }
            review = kept
        } else {
            review = try await WeeklyReviews.current(for: caller.user, s)
        }
        let weeks = try await s.store.read { try await $0.weeklyReviewWeeks(userID: caller.user.id) }
        let names = Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let t = Localizer(req.webLanguage)
        let items = review.items.map { i in
            WeeklyReviewPage.Item(kind: i.kind, title: i.title, url: SiteURL.recordPath(i.entity, i.entityID), ownerName: i.ownerID.flatMap { names[$0] },
                                  amount: i.amount.map { t.format.money($0, currency: i.currency ?? "RUB", cents: false) }, reason: i.reason)
        }
        var counts: [WeeklyReview.Kind: Int] = [:]
        for (key, n) in review.counts { if let kind = WeeklyReview.Kind(rawValue: key) { counts[kind] = n } }
        let model = WeeklyReviewPage.Model(
            shell: web.shell(req, section: .dashboards), week: review.week, madeAt: review.createdAt, everyone: caller.viewer.visibleOwners == nil,
            movement: movement(review.movement), items: items, counts: counts,
            weeks: weeks.map { ($0, SiteURL.weeklyReviewWeek($0.description).path, $0 == review.week) })
        return web.page(req, WeeklyReviewPage.view(model))
    }

    /// The page's view of the kept movement (snake_case JSON of `WeeklyMovement`).
    static func movement(_ json: JSONValue) -> WeeklyReviewPage.Movement? {
        guard case .object(let o) = json, case .string(let start)? = o["week_start"], case .string(let end)? = o["week_end"],
              case .object(let week)? = o["week"], case .object(let avg)? = o["previous_average"] else { return nil }
        func int(_ v: JSONValue?) -> Int { if case .number(let n)? = v { Int(n) } else { 0 } }
        func double(_ v: JSONValue?) -> Double? { if case .number(let n)? = v { n } else { nil } }
        let rows: [(label: BilingualText, week: Int, average: Double)] = [
            (BilingualText(en: "New leads", ru: "Новые заявки"), int(week["new_leads"]), double(avg["new_leads"]) ?? 0),
            (BilingualText(en: "Deals created", ru: "Создано сделок"), int(week["deals_created"]), double(avg["deals_created"]) ?? 0),
            (BilingualText(en: "Won", ru: "Выиграно"), int(week["won"]), double(avg["won"]) ?? 0),
            (BilingualText(en: "Lost", ru: "Проиграно"), int(week["lost"]), double(avg["lost"]) ?? 0),
        ]
        var anomalies: [String] = []
        if case .array(let list)? = o["anomalies"] { anomalies = list.compactMap { if case .string(let s) = $0 { s } else { nil } } }
        return WeeklyReviewPage.Movement(weekStart: start, weekEnd: end, rows: rows, conversion: double(o["conversion"]),
                                         previousConversion: double(o["previous_conversion"]), flagged: o["flagged"] == .bool(true), anomalies: anomalies)
    }
}
