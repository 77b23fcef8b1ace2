import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// My work: the open activities with a due time of the user (or of their team, for a manager), the overdue first, a
/// page at a time; "done" closes one through the API's services (journaled).
enum MyWorkController {
    static let mine = BilingualText(en: "Mine", ru: "Мои")
    static let team = BilingualText(en: "My team's", ru: "Моей команды")

    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let t = Localizer(req.webLanguage)
        let now = web.services.clock.now()
        let hasTeam = (caller.viewer.visibleOwners?.count ?? 2) > 1
        let teamScope = hasTeam && req.query[String.self, at: "scope"] == "team"
        var filter = ["done_at_null": "true", "due_at_null": "false"]
        if !teamScope { filter["owner_id"] = String(caller.viewer.userID) }
        let path = SiteURL.myWork.path
        let keep = teamScope ? ["scope": "team"] : [:]
        let source = ListPaging.Source(kind: .activity, filter: filter, sort: "due_at", path: path, keep: keep)
        let (records, pager, shown) = try await ListPaging(req).load(source, web: web, viewer: caller.viewer)
        let overdue = try await web.services.records.count(.activity, params: filter.merging(["due_at_to": Timestamp.format(now)]) { a, _ in a },
                                                           viewer: caller.viewer)
        let activities = records.map(Activity.init(record:))
        let names = try await WebLookups.userNames(web.services)
        let deals = try await titles(.deal, "title", activities.compactMap(\.dealID), web)
        let companies = try await titles(.company, "name", activities.compactMap(\.companyID), web)
        let leads = try await titles(.lead, "company_name", activities.compactMap(\.leadID), web)
        let returnTo = path + shown.query(keeping: keep)
        let rows = activities.compactMap { a -> MyWorkPage.Row? in
            guard let due = a.dueAt else { return nil }
            let (about, url): (String?, String?) =
                if let d = a.dealID { (deals[d] ?? "#\(d)", SiteURL.deal(d).path) }
                else if let c = a.companyID { (companies[c] ?? "#\(c)", SiteURL.company(c).path) }
                else if let l = a.leadID { (leads[l] ?? "#\(l)", SiteURL.leads.path + "#lead-\(l)") }
                else { (nil, nil) }
            var row = MyWorkPage.Row(id: a.id, kind: a.kind, subject: a.subject, body: a.body, dueAt: due, overdue: due < now,
                                     ownerName: a.ownerID.flatMap { names[$0] }, about: about, aboutURL: url, doneURL: SiteURL.activityDone(a.id).path)
            row.editURL = SiteURL.editRecord(.activity, a.id).path + "?" + FormField.returnTo + "=" + ListPaging.escape(returnTo)
            return row
        }
        let scopes = hasTeam ? [MyWorkPage.Scope(label: t.pick(mine), url: path, isCurrent: !teamScope),
                                MyWorkPage.Scope(label: t.pick(team), url: path + "?scope=team", isCurrent: teamScope)] : []
        let model = MyWorkPage.Model(shell: web.shell(req, section: .my), rows: rows, overdueCount: overdue, scopes: scopes,
                                     pager: pager.total > 0 ? pager : nil, returnTo: returnTo)
        return web.page(req, MyWorkPage.view(model))
    }

    /// POST: the activity is done now.
    static func done(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let id = try req.webID()
        _ = try await web.services.records.update(.activity, id, ["done_at": .string(Timestamp.format(web.services.clock.now()))], viewer: caller.viewer)
        let back = req.form[FormField.returnTo].flatMap { SiteURL.isLocal($0) ? $0 : nil } ?? SiteURL.myWork.path
        return web.redirect(back)
    }

    static func titles(_ kind: EntityKind, _ field: String, _ ids: [Int64], _ web: WebContext) async throws -> [Int64: String] {
        Dictionary(try await web.services.store.records(kind, ids: ids).compactMap { r in r.int("id").map { ($0, r.text(field) ?? "#\($0)") } },
                   uniquingKeysWith: { a, _ in a })
    }
}
