import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// Which page of a list a request asks for: the page size and where it continues (keyset cursors in the list's order),
/// read from the query string (`size`, `after`, `before`) and written back into links and form actions. The inbox, the
/// companies, search results and board columns page this way, with counts that match.
struct ListPaging {
    static let sizes = [25, 50, 100, 200]
    static let defaultSize = 50

    var size: Int
    /// The page of records after this cursor's record (the "next" link).
    var after: String?
    /// The page of records before this cursor's record (the "previous" link).
    var before: String?

    init(size: Int = defaultSize, after: String? = nil, before: String? = nil) {
        self.size = size; self.after = after; self.before = before
    }

    init(_ req: Request, defaultSize: Int = defaultSize) {
        let size = req.query[String.self, at: "size"].flatMap(Int.init) ?? defaultSize
        self.init(size: Self.sizes.contains(size) || size == defaultSize ? size : defaultSize,
                  after: req.query[String.self, at: "after"], before: req.query[String.self, at: "before"])
    }

    /// The query string of this page with other parameters kept ("" for the first page at the default size).
    func query(keeping keep: [String: String] = [:], defaultSize: Int = defaultSize) -> String {
        var parts = keep.sorted { $0.key < $1.key }.map { $0.key + "=" + Self.escape($0.value) }
        if size != defaultSize { parts.append("size=\(size)") }
        if let after { parts.append("after=" + after) } else if let before { parts.append("before=" + before) }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    static func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    /// A list to page: a kind, its filters and its order (`sort` as the API takes it: `name`, `-received_at`).
    struct Source {
        var kind: EntityKind
        var filter: [String: String]
        var sort: String
        /// The page's address, and the parameters its links keep.
        var path: String
        var keep: [String: String] = [:]
        var defaultSize = ListPaging.defaultSize
        var texts = Pager.Texts()

        var sortField: String { sort.hasPrefix("-") ? String(sort.dropFirst()) : sort }
        var reversed: String { sort.hasPrefix("-") ? sortField : "-" + sortField }

        /// The cursor just after a record in either order.
        func cursor(_ record: Record) -> String {
            ListQuery.encodeCursor(value: record[sortField], id: record.int("id") ?? 0,
                                   spec: kind.fields.first { $0.name == sortField } ?? FieldSpec(sortField, .text))
        }
    }

    /// The records of this page and the pager the page shows; a cursor that no longer leads anywhere gives the first page.
    func load(_ source: Source, web: WebContext, viewer: Viewer) async throws -> (records: [Record], pager: Pager, shown: ListPaging) {
        let records = web.services.records
        func list(_ sort: String, _ cursor: String?) async throws -> [Record] {
            var params = source.filter.merging(["sort": sort, "limit": String(size)]) { a, _ in a }
            params["cursor"] = cursor
            do { return try await records.list(source.kind, params: params, viewer: viewer).records } catch DomainError.invalid { return [] }
        }
        var shown = self
        var page = before != nil ? Array(try await list(source.reversed, before).reversed()) : try await list(source.sort, after)
        if page.isEmpty, after != nil || before != nil {
            shown = ListPaging(size: size)
            page = try await list(source.sort, nil)
        }
        let total = try await records.count(source.kind, params: source.filter, viewer: viewer)
        let earlier = try await page.first.asyncMap {
            try await records.count(source.kind, params: source.filter.merging(["sort": source.reversed, "cursor": source.cursor($0)]) { a, _ in a },
                                    viewer: viewer)
        } ?? 0
        let later = total - earlier - page.count
        let previous = earlier == 0 ? nil : earlier <= size ? ListPaging(size: size) : ListPaging(size: size, before: source.cursor(page[0]))
        let next = later <= 0 ? nil : ListPaging(size: size, after: source.cursor(page[page.count - 1]))
        let link = { (p: ListPaging) in source.path + p.query(keeping: source.keep, defaultSize: source.defaultSize) }
        let pager = Pager(total: total, first: page.isEmpty ? 0 : earlier + 1, count: page.count, pageSize: size, sizes: Self.sizes,
                          action: source.path, keep: source.keep, previousURL: previous.map(link), nextURL: next.map(link), texts: source.texts)
        return (page, pager, shown)
    }
}
