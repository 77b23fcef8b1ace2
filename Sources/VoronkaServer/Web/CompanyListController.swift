import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The companies section: companies by name and deals by title, each list limited to what the viewer may see.
enum CompanyListController {
    static let limit = "100"

    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let query = String((req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(200))
        var params = ["sort": "name", "limit": limit]
        if !query.isEmpty { params["q"] = query }
        let companies = try await web.services.records.list(.company, params: params, viewer: caller.viewer).records.map(Company.init(record:))
        let names = try await WebLookups.userNames(web.services)
        var deals: [CompanyListPage.DealRow] = []
        if !query.isEmpty {
            let found = try await web.services.records.list(.deal, params: ["q": query, "sort": "title", "limit": limit], viewer: caller.viewer)
                .records.map(Deal.init(record:))
            for deal in found {
                let company = try await web.services.store.fetch(.company, deal.companyID).map { Company(record: $0).name } ?? ""
                deals.append(.init(title: deal.title, url: SiteURL.deal(deal.id).path, companyName: company))
            }
        }
        let rows = companies.map {
            CompanyListPage.CompanyRow(name: $0.name, url: SiteURL.company($0.id).path, industry: $0.industry, ownerName: $0.ownerID.flatMap { names[$0] })
        }
        let model = CompanyListPage.Model(shell: web.shell(req, section: .companies), action: SiteURL.companies.path, query: query,
                                          companies: rows, deals: deals)
        return web.page(req, CompanyListPage.view(model))
    }
}
