import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// Which page of the lead inbox a request asks for: the page size and where it continues (keyset cursors in the
/// inbox's order, newest first), read from the query string and written back into links and form actions.
struct InboxPaging {
    static let sizes = [25, 50, 100, 200]
    static let defaultSize = 50

    var size: Int
    /// The page of leads older than this cursor's lead (the "older" link).
    var after: String?
    /// The page of leads newer than this cursor's lead (the "newer" link).
    var before: String?

    init(size: Int = defaultSize, after: String? = nil, before: String? = nil) {
        self.size = size; self.after = after; self.before = before
    }

    init(_ req: Request) {
        let size = req.query[String.self, at: "size"].flatMap(Int.init) ?? Self.defaultSize
        self.init(size: Self.sizes.contains(size) ? size : Self.defaultSize,
                  after: req.query[String.self, at: "after"], before: req.query[String.self, at: "before"])
    }

    /// The query string of this page ("" for the first page at the default size).
    var query: String {
        var parts: [String] = []
        if size != Self.defaultSize { parts.append("size=\(size)") }
        if let after { parts.append("after=" + after) } else if let before { parts.append("before=" + before) }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// The cursor just after a lead in either order.
    static func cursor(_ lead: Record) -> String {
        ListQuery.encodeCursor(value: lead["received_at"], id: lead.int("id") ?? 0, spec: Lead.field("received_at") ?? FieldSpec("received_at", .timestamp, required: true))
    }

    /// The leads of this page and the paging the page shows; a cursor that no longer leads anywhere gives the first page.
    func load(_ web: WebContext, viewer: Viewer) async throws -> (leads: [Record], paging: LeadInboxPage.Paging, shown: InboxPaging) {
        let filter = ["first_response_at_null": "true"]
        let records = web.services.records
        func list(_ sort: String, _ cursor: String?) async throws -> [Record] {
            var params = filter.merging(["sort": sort, "limit": String(size)]) { a, _ in a }
            params["cursor"] = cursor
            do { return try await records.list(.lead, params: params, viewer: viewer).records } catch DomainError.invalid { return [] }
        }
        var shown = self
        var leads = before != nil ? Array(try await list("received_at", before).reversed()) : try await list("-received_at", after)
        if leads.isEmpty, after != nil || before != nil {
            shown = InboxPaging(size: size)
            leads = try await list("-received_at", nil)
        }
        let total = try await records.count(.lead, params: filter, viewer: viewer)
        let newer = try await leads.first.asyncMap {
            try await records.count(.lead, params: filter.merging(["sort": "received_at", "cursor": Self.cursor($0)]) { a, _ in a }, viewer: viewer)
        } ?? 0
        let older = total - newer - leads.count
        let newerLink = newer == 0 ? nil : newer <= size ? InboxPaging(size: size) : InboxPaging(size: size, before: Self.cursor(leads[0]))
        let olderLink = older <= 0 ? nil : InboxPaging(size: size, after: Self.cursor(leads[leads.count - 1]))
        let paging = LeadInboxPage.Paging(total: total, first: leads.isEmpty ? 0 : newer + 1, count: leads.count, pageSize: size,
                                          sizes: Self.sizes, action: SiteURL.leads.path,
                                          newerURL: newerLink.map { SiteURL.leads.path + $0.query }, olderURL: olderLink.map { SiteURL.leads.path + $0.query })
        return (leads, paging, shown)
    }
}
