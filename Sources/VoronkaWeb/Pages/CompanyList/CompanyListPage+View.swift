import Plot
import VoronkaCore

extension CompanyListPage {
    static let searchLabel = BilingualText(en: "Search companies and deals", ru: "Поиск компаний и сделок")
    static let searchButton = BilingualText(en: "Search", ru: "Найти")
    static let nothingFound = BilingualText(en: "Nothing found.", ru: "Ничего не найдено.")

    /// Renders the companies section: a search form, the companies and the deals found.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        return Layout.page(model.shell, title: t[.navCompanies],
            .h1(.plain(t[.navCompanies])),
            .form(.class("search-form"), .attr("method", "get"), .attr("action", model.action), .attr("role", "search"),
                  .label(.attr("for", "search-q"), .plain(t.pick(searchLabel))),
                  .input(.attr("id", "search-q"), .attr("name", "q"), .attr("type", "search"), .attr("value", model.query)),
                  .button(.type(.submit), .class("button"), .plain(t.pick(searchButton)))),
            .section(.attr("aria-labelledby", "found-companies"),
                .h2(.id("found-companies"), .plain(t[.navCompanies]), .span(.class("muted"), .plain(" · " + t.format.number(model.companies.count)))),
                model.companies.isEmpty ? .p(.class("muted"), .plain(t.pick(nothingFound))) : companies(model.companies, t)),
            .if(!model.query.isEmpty, .section(.attr("aria-labelledby", "found-deals"),
                .h2(.id("found-deals"), .plain(t[.deals]), .span(.class("muted"), .plain(" · " + t.format.number(model.deals.count)))),
                model.deals.isEmpty ? .p(.class("muted"), .plain(t.pick(nothingFound))) : deals(model.deals, t))))
    }

    static func companies(_ rows: [CompanyRow], _ t: Localizer) -> Markup {
        .div(.class("table-scroll"), .table(.class("list"),
            .thead(.tr(.th(.attr("scope", "col"), .plain(t[.name])), .th(.attr("scope", "col"), .plain(t[.industry])),
                       .th(.attr("scope", "col"), .plain(t[.owner])))),
            .tbody(.each(rows) { r in
                .tr(.th(.attr("scope", "row"), .a(.attr("href", r.url), .plain(r.name))), .td(.plain(r.industry ?? "")),
                    .td(.plain(r.ownerName ?? t[.unassigned])))
            })))
    }

    static func deals(_ rows: [DealRow], _ t: Localizer) -> Markup {
        .ul(.class("found-deals"), .each(rows) { r in
            .li(.a(.attr("href", r.url), .plain(r.title)), .span(.class("muted"), .plain(" · " + r.companyName)))
        })
    }
}
