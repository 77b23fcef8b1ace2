import Foundation
import Vapor
import VoronkaAnalytics
import VoronkaCore
import VoronkaWeb

/// The dashboards: the analytics dashboard for the filter in force, scoped to the viewer's team exactly as the API's.
enum DashboardController {
    /// Deals named per qualification list.
    static let listLimit = 20

    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let services = web.services
        let language = req.webLanguage
        let t = Localizer(language, utcOffsetMinutes: req.webUTCOffsetMinutes)
        let params = (try? req.query.decode([String: String].self)) ?? [:]
        let section = params["section"].flatMap(DashboardPage.Section.init(rawValue:)) ?? .funnel
        var selected: [String: String] = [:]
        for name in DashboardPage.Filter.names { if let v = params[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty { selected[name] = v } }

        let users = try await services.store.all(.user).map(User.init(record:))
        let managers = try await services.store.managers()
        var api: [String: String] = [:]
        if let v = selected["pipeline"] { api["pipeline_id"] = v }
        if let v = selected["owner"] { api["owner_id"] = v }
        else if let v = selected["team"], let lead = Int64(v) { api["owner_id"] = Viewer.team(of: lead, managers: managers).sorted().map(String.init).joined(separator: ",") }
        for name in ["source", "channel_group", "segment", "from", "to"] { if let v = selected[name] { api[name] = v } }
        if let v = selected["channel"] { api["channel_id"] = v }
        let query: AnalyticsQuery
        do {
            query = try await AnalyticsQuery.parse(api, viewer: caller.viewer, services: services)
        } catch DomainError.invalid {
            // A filter value that does not read (a hand-edited address): show the figures without the filter.
            selected = [:]
            query = try await AnalyticsQuery.parse([:], viewer: caller.viewer, services: services)
        }
        // The stalled list pages by `stalled_page`: the analytics list as many as the page needs.
        let stalledPage = min(max(Int(params["stalled_page"] ?? "") ?? 1, 1), maxStalledPages)
        var options = query.options
        options.listLimit = max(options.listLimit, stalledPage * stalledPageSize)
        // A sorted heading of the stalled list; an order that does not read is the default (a hand-edited address).
        let stalledOrder = params["stalled_order"].flatMap(StalledOrder.init(rawValue:)) ?? .overdue
        options.stalledOrder = stalledOrder
        let snapshot = try await services.analytics.snapshot()
        let dashboard = try await AnalyticsLane.run { [options] in
            Metrics.dashboard(snapshot, query.filter, asOf: query.asOf, options: options, parallel: false)
        }

        let pipelines = try await WebLookups.pipelines(services)
        let stages = try await WebLookups.stages(services)
        let visible = users.filter { caller.viewer.owns($0.id) }
        let leads = Set(managers.values.compactMap { $0 })
        var filter = DashboardPage.Filter(
            pipelines: pipelines.filter { $0.kind == .deal }.map { .init(value: String($0.id), label: WebLookups.name($0, language)) },
            teams: visible.filter { leads.contains($0.id) }.map { .init(value: String($0.id), label: $0.name) },
            owners: visible.map { .init(value: String($0.id), label: $0.name) },
            sources: LeadSource.allCases.map { .init(value: $0.rawValue, label: t.name($0)) },
            selected: selected)
        let channels = try await WebLookups.channels(services)
        let channelNames = Dictionary(channels.channels.values.map { ($0.id, WebLookups.name($0, language)) }, uniquingKeysWith: { a, _ in a })
        filter.channels = channels.choosable.map { .init(value: String($0.id), label: WebLookups.name($0, language)) }
        filter.channelGroups = ChannelGroup.allCases.map { .init(value: $0.rawValue, label: DashboardPage.groupName($0, t)) }
        let health = try await qualification(caller, services)
        // The deals the page names, their titles in one query.
        let shownStalled = Array(dashboard.stalled.deals.dropFirst((stalledPage - 1) * stalledPageSize).prefix(stalledPageSize))
        let named = Set(shownStalled.map(\.dealID) + dashboard.completeness.worst.map(\.dealID) + health.ids
                        + dashboard.dataQuality.issues.compactMap(\.dealID))
        let titles = Dictionary(try await services.store.records(.deal, ids: named).map(Deal.init(record:)).map { ($0.id, $0.title) },
                                uniquingKeysWith: { a, _ in a })
        let names = DashboardPage.Names(users: Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
                                        stages: Dictionary(stages.map { ($0.id, WebLookups.name($0, language)) }, uniquingKeysWith: { a, _ in a }),
                                        pipelines: Dictionary(pipelines.map { ($0.id, WebLookups.name($0, language)) }, uniquingKeysWith: { a, _ in a }),
                                        deals: titles)
        func refs(_ items: [(id: Int64, owner: Int64?)]) -> [DashboardPage.DealRef] {
            items.prefix(listLimit).map { DashboardPage.DealRef(id: $0.id, title: titles[$0.id] ?? "#\($0.id)", url: SiteURL.deal($0.id).path,
                                                               ownerName: $0.owner.flatMap { names.users[$0] }) }
        }
        var model = DashboardPage.Model(shell: web.shell(req, section: .dashboards), path: SiteURL.dashboards.path, section: section, filter: filter,
                                        dashboard: dashboard, names: names,
                                        qualification: .init(unqualifiedPastFirstMeeting: refs(health.violations), uncontrolled: refs(health.uncontrolled),
                                                             underMinimumEconomics: refs(health.belowMinimum),
                                                             unqualifiedCount: health.violations.count, uncontrolledCount: health.uncontrolled.count,
                                                             underMinimumCount: health.belowMinimum.count))
        model.channels = DashboardPage.channels(dashboard.channels, channelNames: channelNames, t)
        // The stalled deals: this page of them, and who has how many.
        var keep = selected
        keep["section"] = DashboardPage.Section.stages.rawValue
        func link(page: Int, order: StalledOrder = stalledOrder) -> String {
            var q = keep
            if page > 1 { q["stalled_page"] = String(page) }
            if order != .overdue { q["stalled_order"] = order.rawValue }
            return SiteURL.dashboards.path + ListPaging().query(keeping: q) + "#stages-stalled"
        }
        model.stages.order = stalledOrder
        model.stages.orderURLs = Dictionary(StalledOrder.allCases.map { ($0, link(page: 1, order: $0)) }, uniquingKeysWith: { a, _ in a })
        let first = (stalledPage - 1) * stalledPageSize
        model.stages.stalled = Array(model.stages.stalled.dropFirst(first).prefix(stalledPageSize))
        if dashboard.stalled.count > stalledPageSize {
            model.stages.pager = Pager(total: dashboard.stalled.count, first: model.stages.stalled.isEmpty ? 0 : first + 1,
                                       count: model.stages.stalled.count, pageSize: stalledPageSize, action: SiteURL.dashboards.path,
                                       previousURL: stalledPage > 1 ? link(page: stalledPage - 1) : nil,
                                       nextURL: first + stalledPageSize < dashboard.stalled.count && stalledPage < maxStalledPages ? link(page: stalledPage + 1) : nil)
        }
        model.stages.byOwner = dashboard.stalled.byOwner.map { o in
            var q = keep
            if stalledOrder != .overdue { q["stalled_order"] = stalledOrder.rawValue }
            q["team"] = nil
            q["owner"] = o.ownerID.map { String($0) }
            return .init(ownerName: o.ownerID.flatMap { names.users[$0] }, count: o.count,
                         url: o.ownerID.map { _ in SiteURL.dashboards.path + ListPaging().query(keeping: q) + "#stages-stalled" })
        }
        return web.page(req, DashboardPage.view(model))
    }

    static let stalledPageSize = 25
    static let maxStalledPages = 400

    /// Open deals past the first meeting without qualification, uncontrolled ones and those below the minimum
    /// economics, from the control report.
    static func qualification(_ caller: WebCaller, _ services: Services) async throws
        -> (violations: [(id: Int64, owner: Int64?)], uncontrolled: [(id: Int64, owner: Int64?)], belowMinimum: [(id: Int64, owner: Int64?)],
            ids: [Int64]) {
        let report = try await ViolationReport.make(services, viewer: caller.viewer, params: [:])
        let violations = report.violations.map { (id: $0.dealID, owner: $0.ownerID) }
        let uncontrolled = report.uncontrolled.map { (id: $0.dealID, owner: $0.ownerID) }
        let belowMinimum = report.belowMinimum.map { (id: $0.dealID, owner: $0.ownerID) }
        let ids = (violations.prefix(listLimit) + uncontrolled.prefix(listLimit) + belowMinimum.prefix(listLimit)).map(\.id)
        return (violations, uncontrolled, belowMinimum, ids)
    }
}
