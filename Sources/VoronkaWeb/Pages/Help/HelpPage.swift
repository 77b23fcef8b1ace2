import Plot
import VoronkaCore

/// The definitions of the dashboards' figures in the user's language, one section per metric with its anchor; the
/// dashboards link each part here.
public enum HelpPage {
    static let title = BilingualText(en: "How the figures are defined", ru: "Как считаются показатели")
    static let back = BilingualText(en: "← Dashboards", ru: "← Аналитика")

    public static func view(_ shell: Shell) -> HTML {
        let t = shell.localizer
        return Layout.page(shell, title: t.pick(title),
            .p(.a(.attr("href", SiteURL.dashboards.path), .plain(t.pick(back)))),
            .h1(.plain(t.pick(title))),
            .nav(.attr("aria-label", t.pick(title)), .ul(.each(MetricDefinitions.all) { d in
                .li(.a(.attr("href", "#" + d.id), .plain(t.pick(d.title))))
            })),
            .div(.class("definitions"), .each(MetricDefinitions.all) { d in
                .section(.id(d.id), .attr("aria-labelledby", d.id + "-title"),
                         .h2(.id(d.id + "-title"), .plain(t.pick(d.title))),
                         .each(d.paragraphs) { .p(.plain(t.pick($0))) })
            }))
    }
}
