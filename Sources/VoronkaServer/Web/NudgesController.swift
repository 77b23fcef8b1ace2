import Foundation
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaWeb

/// The nudges page: one's nudges (a manager's team's, a head of sales' everyone's) by urgency, a page at a time;
/// done, snooze and dismiss post here and come back.
enum NudgesController {
    static let pageSize = 50

    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        try await render(req, web, problem: nil)
    }

    static func render(_ req: Request, _ web: WebContext, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let caller = try web.caller(req)
        let t = Localizer(req.webLanguage)
        let viewer = caller.viewer
        let stateParam = req.query[String.self, at: "state"] ?? "open"
        let states: [NudgeState] = switch stateParam {
        case "snoozed": [.snoozed]
        case "closed": [.done, .dismissed]
        default: [.open]
        }
        let hasTeam = viewer.visibleOwners.map { $0.count > 1 } ?? true
        let teamScope = hasTeam && req.query[String.self, at: "scope"] == "team"
        var filter = NudgeFilter(userID: viewer.userID, states: states)
        if teamScope { filter.userID = nil; filter.userIDs = viewer.visibleOwners }
        let after = req.query[String.self, at: "after"].flatMap(cursor)
        let first = max(1, req.query[String.self, at: "first"].flatMap(Int.init) ?? 1)
        let store = web.services.store
        let query = filter
        let page = try await store.read { try await $0.nudges(query, after: after, limit: pageSize) }
        let total = try await store.read { try await $0.nudgeCount(query) }
        let names = try await WebLookups.userNames(web.services)
        let deals = try await MyWorkController.titles(.deal, "title", page.nudges.filter { $0.entity == .deal }.map(\.entityID), web)
        let companies = try await MyWorkController.titles(.company, "name", page.nudges.filter { $0.entity == .company }.map(\.entityID), web)
        let leadRecords = try await web.services.store.records(.lead, ids: page.nudges.filter { $0.entity == .lead }.map(\.entityID))
        let leads = Dictionary(leadRecords.compactMap { r in r.int("id").map { ($0, r.text("company_name") ?? r.text("contact_name") ?? "#\($0)") } },
                               uniquingKeysWith: { a, _ in a })
        let unowned = Set(leadRecords.filter { $0.int("owner_id") == nil }.compactMap { $0.int("id") })
        let rows = page.nudges.map { n -> NudgesPage.Row in
            let about: String = switch n.entity {
            case .deal: deals[n.entityID] ?? "#\(n.entityID)"
            case .company: companies[n.entityID] ?? "#\(n.entityID)"
            case .webhook: t.pick(BilingualText(en: "Webhook #\(n.entityID)", ru: "Вебхук №\(n.entityID)"))
            default: leads[n.entityID] ?? "#\(n.entityID)"
            }
            let url = SiteURL.recordPath(n.entity, n.entityID)
            var row = NudgesPage.Row(id: n.id, rule: n.rule, reason: n.reason, dueAt: n.dueAt, level: n.level, state: n.state,
                                     snoozedUntil: n.snoozedUntil, note: n.note, userName: teamScope ? names[n.userID] : nil, about: about, aboutURL: url)
            if n.entity == .lead, unowned.contains(n.entityID) { row.claimURL = SiteURL.leadClaim(n.entityID).path }
            return row
        }
        let path = SiteURL.nudges.path
        var keep: [String: String] = [:]
        if stateParam == "snoozed" || stateParam == "closed" { keep["state"] = stateParam }
        if teamScope { keep["scope"] = "team" }
        func url(_ extra: [String: String]) -> String {
            let all = keep.merging(extra) { _, b in b }
            return all.isEmpty ? path : path + "?" + all.sorted { $0.key < $1.key }.map { $0.key + "=" + ListPaging.escape($0.value) }.joined(separator: "&")
        }
        var current: [String: String] = [:]
        if let after { current["after"] = "\(after.urgency):\(after.id)"; current["first"] = String(first) }
        let returnTo = url(current)
        let stateTabs = [("open", NudgesPage.open), ("snoozed", NudgesPage.snoozed), ("closed", NudgesPage.closed)].map { key, label in
            NudgesPage.Tab(label: t.pick(label), url: path + "?" + (["state": key].merging(teamScope ? ["scope": "team"] : [:]) { a, _ in a })
                .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&"), isCurrent: stateParam == key || (key == "open" && states == [.open]))
        }
        let scopes = hasTeam ? [
            NudgesPage.Tab(label: t.pick(NudgesPage.mine), url: stateParam == "open" ? path : path + "?state=" + stateParam, isCurrent: !teamScope),
            NudgesPage.Tab(label: t.pick(viewer.visibleOwners == nil ? NudgesPage.everyone : NudgesPage.team),
                           url: path + "?" + (stateParam == "open" ? "" : "state=\(stateParam)&") + "scope=team", isCurrent: teamScope),
        ] : []
        let pager = total > 0 ? Pager(total: total, first: page.nudges.isEmpty ? 0 : first, count: page.nudges.count, pageSize: pageSize,
                                      action: path, keep: keep, previousURL: after == nil ? nil : url([:]),
                                      nextURL: page.nextCursor.map { url(["after": $0, "first": String(first + page.nudges.count)]) }) : nil
        var model = NudgesPage.Model(shell: web.shell(req, section: .my), rows: rows, states: stateTabs, scopes: scopes, pager: pager,
                                     returnTo: returnTo, problem: problem)
        if viewer.visibleOwners == nil || hasTeam { model.reviewURL = SiteURL.weeklyReview.path }
        return web.page(req, NudgesPage.view(model), status: status)
    }

    /// POST: takes a lead nobody owns; back to `return_to`. A lead someone took first shows the list with who.
    static func claim(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let id = try req.webID()
        do {
            _ = try await LeadClaim.claim(id, viewer: caller.viewer, web.services)
        } catch DomainError.conflict(let error) {
            return try await refused(req, web, error, status: .conflict)
        }
        let back = req.form[FormField.returnTo].flatMap { SiteURL.isLocal($0) ? $0 : nil } ?? SiteURL.nudges.path
        return web.redirect(back)
    }

    /// POST: done, snooze (`hours`) or dismiss (`reason`); back to `return_to`. A refusal shows the list with its reason.
    static func act(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let id = try req.webID()
        guard let raw = req.parameters.get("action"), let kind = NudgeAction(rawValue: raw) else { throw WebError.notFound }
        let form = req.form
        let now = web.services.clock.now()
        let action: NudgeService.Action
        switch kind {
        case .done: action = .done
        case .snooze:
            guard let hours = form["hours"].flatMap(Int.init), NudgesPage.snoozeHours.contains(hours) else {
                return try await refused(req, web, FieldError("hours", .oneOf(NudgesPage.snoozeHours.map(String.init))))
            }
            action = .snooze(until: now.addingTimeInterval(Double(hours) * 3600))
        case .dismiss: action = .dismiss(reason: form["reason"] ?? "")
        }
        do {
            _ = try await web.services.nudgeService.act(id, action, viewer: caller.viewer)
        } catch DomainError.invalid(let errors) {
            return try await refused(req, web, errors.first ?? FieldError("reason", .required))
        } catch DomainError.conflict(let error) {
            return try await refused(req, web, error, status: .conflict)
        }
        let back = form[FormField.returnTo].flatMap { SiteURL.isLocal($0) ? $0 : nil } ?? SiteURL.nudges.path
        return web.redirect(back + "#nudge-\(id)")
    }

    static func refused(_ req: Request, _ web: WebContext, _ error: FieldError, status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
        let t = Localizer(req.webLanguage)
        let field = t.pick(error.field == "reason" ? NudgesPage.dismissReason : error.field == "hours" ? NudgesPage.snoozeFor : NudgesPage.title)
        req.openNudges = try await web.services.nudgeService.openCount(userID: try web.caller(req).user.id)
        return try await render(req, web, problem: field + ": " + t.fieldError(error), status: status)
    }

    static func cursor(_ raw: String) -> (urgency: Int64, id: Int64)? {
        let parts = raw.split(separator: ":")
        guard parts.count == 2, let u = Int64(parts[0]), let i = Int64(parts[1]), i > 0 else { return nil }
        return (u, i)
    }
}
