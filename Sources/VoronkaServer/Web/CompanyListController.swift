import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The companies section: every company a page at a time, or a search across companies, contacts, deals and leads
/// (the API's `q=`, the same search index), each list limited to what the viewer may see.
enum CompanyListController {
    /// The matches a search overview ranks per kind, and how many of them it shows.
    static let rankedPool = 200
    static let overviewRows = 10

    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let query = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(ListQuery.maxSearchLength))
        let searched = !SearchText.terms(query).isEmpty
        let names = try await WebLookups.userNames(web.services)
        let path = SiteURL.companies.path
        var sections: [CompanyListPage.Section] = []
        var overview: String?
        if let kind = req.query[String.self, at: "in"].flatMap(EntityKind.init(rawValue:)), searched, SearchText.kinds.contains(kind) {
            let source = ListPaging.Source(kind: kind, filter: ["q": query], sort: order(kind), path: path, keep: ["q": query, "in": kind.rawValue])
            let (records, pager, _) = try await ListPaging(req).load(source, web: web, viewer: caller.viewer)
            sections = [.init(kind: kind, rows: try await rows(kind, records, names, web), total: pager.total, pager: pager)]
            overview = path + ListPaging().query(keeping: ["q": query])
        } else if searched {
            for kind in SearchText.kinds {
                // The newest matches (a search read in id order stops after them), then the best of those first.
                let found = try await web.services.records.list(kind, params: ["q": query, "sort": "-id", "limit": String(rankedPool)],
                                                                viewer: caller.viewer).records
                let total = found.count < rankedPool ? found.count : try await web.services.records.count(kind, params: ["q": query], viewer: caller.viewer)
                let best = found.enumerated()
                    .sorted { (SearchText.rank(title: title(kind, $0.element), query: query), $0.offset) < (SearchText.rank(title: title(kind, $1.element), query: query), $1.offset) }
                    .prefix(overviewRows).map(\.element)
                sections.append(.init(kind: kind, rows: try await rows(kind, best, names, web), total: total,
                                      allURL: total > best.count ? path + ListPaging().query(keeping: ["q": query, "in": kind.rawValue]) : nil))
            }
        } else {
            let source = ListPaging.Source(kind: .company, filter: [:], sort: "name", path: path)
            let (records, pager, _) = try await ListPaging(req).load(source, web: web, viewer: caller.viewer)
            sections = [.init(kind: .company, rows: try await rows(.company, records, names, web), total: pager.total, pager: pager)]
        }
        let model = CompanyListPage.Model(shell: web.shell(req, section: .companies), action: path, query: query, sections: sections,
                                          newCompanyURL: SiteURL.newRecord(.company).path,
                                          overviewURL: overview)
        return web.page(req, CompanyListPage.view(model))
    }

    /// The order a kind's matches are paged in: companies and contacts by name; deals and leads newest first (at a
    /// million deals a common word is read in id order, page by page, rather than sorted whole).
    static func order(_ kind: EntityKind) -> String {
        switch kind {
        case .deal, .lead: "-id"
        default: "name"
        }
    }

    static func title(_ kind: EntityKind, _ record: Record) -> String {
        switch kind {
        case .deal: record.text("title") ?? ""
        case .lead: record.text("company_name") ?? record.text("contact_name") ?? record.text("contact_email") ?? ""
        default: record.text("name") ?? ""
        }
    }

    /// The rows of records of one kind, with the companies they belong to read in one query.
    static func rows(_ kind: EntityKind, _ records: [Record], _ names: [Int64: String], _ web: WebContext) async throws -> [CompanyListPage.Row] {
        let companyIDs = kind == .company ? [] : records.compactMap { $0.int("company_id") }
        let companies = Dictionary(try await web.services.store.records(.company, ids: companyIDs).compactMap { r in r.int("id").map { ($0, r.text("name") ?? "") } },
                                   uniquingKeysWith: { a, _ in a })
        return records.compactMap { r in
            guard let id = r.int("id") else { return nil }
            let company = r.int("company_id")
            switch kind {
            case .company:
                return .init(title: title(kind, r), url: SiteURL.company(id).path, detail: r.text("industry"), ownerName: r.int("owner_id").flatMap { names[$0] })
            case .contact:
                let url = company.map { SiteURL.company($0).path + "#contact-\(id)" }
                let detail = [company.flatMap { companies[$0] }, r.text("position")].compactMap { $0 }.joined(separator: " · ")
                return .init(title: title(kind, r), url: url, detail: detail, ownerName: nil)
            case .deal:
                return .init(title: title(kind, r), url: SiteURL.deal(id).path, detail: company.flatMap { companies[$0] },
                             ownerName: r.int("owner_id").flatMap { names[$0] })
            default:
                let url = r.int("deal_id").map { SiteURL.deal($0).path } ?? company.map { SiteURL.company($0).path }
                let text = title(kind, r)
                return .init(title: text.isEmpty ? "#\(id)" : text, url: url, detail: r.text("request_text").map { String($0.prefix(120)) },
                             ownerName: r.int("owner_id").flatMap { names[$0] })
            }
        }
    }
}
