import Plot
import VoronkaCore

/// The page shell: document head, skip link, header with navigation, language switch and sign-out, and `<main>`.
public enum Layout {
    /// A whole page around its content; `title` is the page's own title, shown before the app's name.
    public static func page(_ shell: Shell, title: String, _ content: Markup...) -> HTML {
        document(shell, title: title, refreshAfter: nil, content)
    }

    /// A whole page that the browser reloads every `seconds` (a running import's progress), without script.
    public static func page(_ shell: Shell, title: String, refreshAfter seconds: Int?, _ content: Markup...) -> HTML {
        document(shell, title: title, refreshAfter: seconds, content)
    }

    static func document(_ shell: Shell, title: String, refreshAfter seconds: Int?, _ content: [Markup]) -> HTML {
        let t = shell.localizer
        return HTML(
            .attr("lang", shell.language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .unwrap(seconds) { .meta(.attr("http-equiv", "refresh"), .content(String($0))) },
                .element(named: "title", nodes: [.plain(title + " · " + t[.appName])]),
                .link(.rel(.stylesheet), .attr("href", shell.links.stylesheet)),
                .script(.attr("src", shell.links.script), .flag("defer"))
            ),
            .body(
                .a(.class("skip-link"), .attr("href", "#main"), .plain(t[.skipToContent])),
                header(shell, t),
                .main(.id("main"), .attr("tabindex", "-1"), .group(content))
            )
        )
    }

    static func header(_ shell: Shell, _ t: Localizer) -> Markup {
        .header(.class("app-header"),
            .a(.class("brand"), .attr("href", shell.links.home), .plain(t[.appName])),
            .unwrap(shell.user) { bell($0, t) },
            .if(!shell.sections.isEmpty, navigation(shell, t)),
            phoneMenu(shell, t),
            .div(.class("header-tools"),
                languageSwitch(shell, t),
                .unwrap(shell.user) { user in
                    .group(
                        .a(.class("user-name"), .attr("href", shell.links.profile), .attr("title", t(.signedInAs, ["name": user.name])),
                           .plain(user.name)),
                        .postForm(shell.links.signOut, csrf: shell.csrfToken, class: "sign-out",
                                  .submit(t[.signOut], class: "button button-quiet"))
                    )
                }))
    }

    static let menu = BilingualText(en: "Menu", ru: "Меню")
    /// A bell drawn inline (an emoji needs a font the reader may not have).
    static let bellIcon = """
        <svg class="bell-icon" aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" \
        stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9"/>\
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/></svg>
        """
    static let bellLabel = BilingualText(en: "Nudges: {count} open", ru: "Напоминания: открытых {count}")

    /// The bell: a link to one's nudges with the count of open ones (shown on every screen width).
    static func bell(_ user: Shell.User, _ t: Localizer) -> Markup {
        let count = user.openNudges ?? 0
        let label = t.pick(bellLabel).replacingOccurrences(of: "{count}", with: t.format.number(count))
        return .a(.class(count > 0 ? "bell bell-on" : "bell"), .id("bell"), .attr("href", SiteURL.nudges.path), .attr("aria-label", label),
                  .attr("title", label), .raw(bellIcon),
                  .if(count > 0, .span(.class("bell-count"), .attr("aria-hidden", "true"), .plain(count > 99 ? "99+" : t.format.number(count)))))
    }

    /// On a phone the header is one row: the brand and a menu that opens the sections, the profile, the language and
    /// sign-out (the wide header's navigation and tools are hidden there, and this menu on wider screens).
    static func phoneMenu(_ shell: Shell, _ t: Localizer) -> Markup {
        .el("details", .class("phone-menu"),
            .el("summary", .class("button button-quiet"), .plain(t.pick(menu) + (shell.section.map { " · " + title($0, t) } ?? ""))),
            .div(.class("phone-menu-body"),
                .if(!shell.sections.isEmpty, .nav(.attr("aria-label", t[.mainNavigation]),
                    .ul(.each(shell.sections) { section in
                        .li(.a(.attr("href", shell.links.url(section)), .if(section == shell.section, .attr("aria-current", "page")),
                               .plain(title(section, t))))
                    }))),
                languageSwitch(shell, t),
                .unwrap(shell.user) { user in
                    .group(
                        .p(.a(.attr("href", shell.links.profile), .plain(user.name))),
                        .postForm(shell.links.signOut, csrf: shell.csrfToken, class: "sign-out",
                                  .submit(t[.signOut], class: "button button-quiet")))
                }))
    }

    static func navigation(_ shell: Shell, _ t: Localizer) -> Markup {
        .nav(.class("main-nav"), .attr("aria-label", t[.mainNavigation]),
             .ul(.each(shell.sections) { section in
                 .li(.a(.attr("href", shell.links.url(section)),
                        .if(section == shell.section, .attr("aria-current", "page")),
                        .plain(title(section, t))))
             }))
    }

    /// One button per other language; each names its language in that language.
    static func languageSwitch(_ shell: Shell, _ t: Localizer) -> Markup {
        .postForm(shell.links.language, csrf: shell.csrfToken, class: "language-switch", label: t[.languageSwitch],
                  .hidden(FormField.returnTo, shell.currentPath),
                  .each(VoronkaCore.Language.allCases.filter { $0 != shell.language }) { language in
                      .button(.type(.submit), .class("button button-quiet"), .attr("name", FormField.language),
                              .attr("value", language.rawValue), .attr("lang", language.rawValue),
                              .plain(Strings.autonym(language)))
                  })
    }

    static let navImport = BilingualText(en: "Import", ru: "Импорт")
    static let navMyWork = BilingualText(en: "My work", ru: "Мои дела")

    /// The navigation title of a section.
    public static func title(_ section: Shell.Section, _ t: Localizer) -> String {
        switch section {
        case .my: t.pick(navMyWork)
        case .leads: t[.navLeads]
        case .pipeline: t[.navPipeline]
        case .companies: t[.navCompanies]
        case .dashboards: t[.navDashboards]
        case .settings: t[.navSettings]
        case .imports: t.pick(navImport)
        }
    }
}
