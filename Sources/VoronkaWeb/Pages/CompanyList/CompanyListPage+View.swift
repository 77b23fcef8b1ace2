import Plot
import VoronkaCore

extension CompanyListPage {
    static let searchLabel = BilingualText(en: "Search companies, contacts, deals and leads", ru: "Поиск компаний, контактов, сделок и лидов")
    static let searchHint = BilingualText(en: "A name or part of it, an e-mail, a phone number or a tax id (ИНН)",
                                          ru: "Название или его часть, e-mail, телефон или ИНН")
    static let searchButton = BilingualText(en: "Search", ru: "Найти")
    static let nothingFound = BilingualText(en: "Nothing found.", ru: "Ничего не найдено.")
    static let allMatches = BilingualText(en: "All {count} →", ru: "Все {count} →")
    static let bestMatches = BilingualText(en: "← Best matches of every kind", ru: "← Лучшие совпадения всех видов")
    static let newCompany = BilingualText(en: "New company", ru: "Новая компания")
    static let leadsTitle = BilingualText(en: "Leads", ru: "Лиды")

    /// Renders the companies section: a search form, then the companies (a page at a time) or what the search found.
    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        return Layout.page(model.shell, title: t[.navCompanies],
            .div(.class("page-head"),
                .h1(.plain(t[.navCompanies])),
                .unwrap(model.newCompanyURL) { .a(.class("button"), .attr("href", $0), .plain(t.pick(newCompany))) }),
            .form(.class("search-form"), .attr("method", "get"), .attr("action", model.action), .attr("role", "search"),
                  .label(.attr("for", "search-q"), .plain(t.pick(searchLabel))),
                  .input(.attr("id", "search-q"), .attr("name", "q"), .attr("type", "search"), .attr("value", model.query),
                         .attr("maxlength", String(ListQuery.maxSearchLength)), .attr("aria-describedby", "search-hint")),
                  .button(.type(.submit), .class("button"), .plain(t.pick(searchButton))),
                  .p(.id("search-hint"), .class("hint"), .plain(t.pick(searchHint)))),
            .unwrap(model.overviewURL) { .p(.a(.attr("href", $0), .plain(t.pick(bestMatches)))) },
            .group(model.sections.map { section($0, t) }))
    }

    static func title(_ kind: EntityKind, _ t: Localizer) -> String {
        switch kind {
        case .contact: t[.contacts]
        case .deal: t[.deals]
        case .lead: t.pick(leadsTitle)
        default: t[.navCompanies]
        }
    }

    static func section(_ s: Section, _ t: Localizer) -> Markup {
        let id = "found-" + s.kind.plural
        return .section(.attr("aria-labelledby", id), .class("found"),
            .h2(.id(id), .plain(title(s.kind, t)), .span(.class("muted"), .plain(" · " + t.format.number(s.total)))),
            s.rows.isEmpty ? .p(.class("muted"), .plain(t.pick(nothingFound))) : table(s, t),
            .unwrap(s.allURL) { .p(.class("more"), .a(.attr("href", $0), .plain(t.pick(allMatches).replacingOccurrences(of: "{count}", with: t.format.number(s.total))))) },
            .unwrap(s.pager) { .pager($0, t, id: id + "-pages") })
    }

    static func table(_ s: Section, _ t: Localizer) -> Markup {
        .div(.class("table-scroll"), .table(.class("list"),
            .thead(.tr(.th(.attr("scope", "col"), .plain(s.kind == .deal ? t[.title] : t[.name])),
                       .th(.attr("scope", "col"), .plain(s.kind == .company ? t[.industry] : s.kind == .lead ? t[.request] : t[.company])),
                       .th(.attr("scope", "col"), .plain(t[.owner])))),
            .tbody(.each(s.rows) { r in
                .tr(.th(.attr("scope", "row"), .unwrap(r.url, { .a(.attr("href", $0), .plain(r.title)) }, else: .plain(r.title))),
                    .td(.plain((s.kind == .company ? t.industry(r.detail) : r.detail) ?? "")), .td(.plain(r.ownerName ?? t[.unassigned])))
            })))
    }
}
