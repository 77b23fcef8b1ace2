import Foundation
import Vapor
import VoronkaAnalytics
import VoronkaCore
import VoronkaWeb

/// The company page: the company the viewer may see, its contacts and deals (the viewer's own reach), won amounts by month.
enum CompanyController {
    /// Months of purchase history shown.
    static let months = 24

    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let id = try req.webID()
        let services = web.services
        let language = req.webLanguage
        let company = Company(record: try await services.records.get(.company, id, viewer: caller.viewer))
        let names = try await WebLookups.userNames(services)
        let stages = Dictionary(try await WebLookups.stages(services).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let deals = try await services.records.list(.deal, params: ["company_id": String(id), "sort": "-created_at", "limit": "500"],
                                                    viewer: caller.viewer).records.map(Deal.init(record:))
        let contacts = try await services.records.list(.contact, params: ["company_id": String(id), "sort": "name", "limit": "500"],
                                                       viewer: caller.viewer).records.map(Contact.init(record:))
        let rows = deals.map { d in
            CompanyPage.DealRow(id: d.id, title: d.title, url: SiteURL.deal(d.id).path, stageName: stages[d.stageID].map { WebLookups.name($0, language) } ?? "",
                                stageKind: stages[d.stageID]?.kind ?? .open, amount: d.amount, currency: d.currency, grade: d.grade,
                                ownerName: d.ownerID.flatMap { names[$0] })
        }
        let won = deals.filter { stages[$0.stageID]?.kind == .won && $0.closedAt != nil }
        let rates = try await services.currencyRates()
        let attributes = try await services.store.all(.attribute).map(AttributeDefinition.init(record:)).filter { $0.entity == "company" }
        let model = CompanyPage.Model(shell: web.shell(req, section: .companies), company: company, ownerName: company.ownerID.flatMap { names[$0] },
                                      attributes: attributes, contacts: contacts, deals: rows,
                                      purchases: purchases(won, now: services.clock.now(), rates: rates), purchaseCurrency: rates.base,
                                      yearlyBuyer: yearlyBuyer(won, now: services.clock.now()))
        var page = model
        page.editURL = SiteURL.editRecord(.company, id).path
        page.newContactURL = SiteURL.newRecord(.contact).path + "?company_id=\(id)"
        page.newDealURL = SiteURL.newRecord(.deal).path + "?company_id=\(id)"
        page.nudges = try await services.nudgeService.openAbout(.company, id)
        return web.page(req, CompanyPage.view(page))
    }

    /// Won amounts (in roubles) per month for the last `months` months, oldest first, empty months included.
    static func purchases(_ won: [Deal], now: Date, rates: CurrencyRates) -> [CompanyPage.MonthAmount] {
        let today = Day(now)
        var totals: [Int: Int64] = [:]
        for deal in won {
            guard let closed = deal.closedAt else { continue }
            let day = Day(closed)
            // A currency without a rate is not added in.
            totals[day.year * 12 + day.month - 1, default: 0] += rates.convert(deal.amount, from: deal.currency) ?? 0
        }
        let last = today.year * 12 + today.month - 1
        return (last - months + 1...last).map { m in CompanyPage.MonthAmount(year: m / 12, month: m % 12 + 1, amount: totals[m] ?? 0) }
    }

    /// A hint when the company bought in the same month in two or more years: the month, the years, and its next date.
    static func yearlyBuyer(_ won: [Deal], now: Date) -> CompanyPage.YearlyBuyer? {
        var years: [Int: Set<Int>] = [:]
        for deal in won { if let closed = deal.closedAt { let d = Day(closed); years[d.month, default: []].insert(d.year) } }
        guard let best = years.filter({ $0.value.count >= 2 }).max(by: { ($0.value.count, -$0.key) < ($1.value.count, -$1.key) }) else { return nil }
        let today = Day(now)
        let nextYear = best.key > today.month || (best.key == today.month && today.day == 1) ? today.year : today.year + 1
        return CompanyPage.YearlyBuyer(month: best.key, years: best.value.sorted(), nextExpected: Day(year: nextYear, month: best.key, day: 1))
    }
}
