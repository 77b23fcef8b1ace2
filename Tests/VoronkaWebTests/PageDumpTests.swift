import Foundation
import Testing
import VoronkaCore
@testable import VoronkaWeb

/// Every mock page in both languages: each is a whole document that the server's Content-Security-Policy lets run
/// (no inline script, no style attribute, no event handler attribute). With `$VORONKA_WEB_DUMP` set, the pages, the
/// stylesheet and the script are also written there for a look in a real browser.
@Suite("Mock pages: whole, CSP-clean, and dumped for browser checks")
struct PageDumpTests {
    static func pages(_ language: VoronkaCore.Language) -> [(String, String)] {
        [
            ("login", LoginPage.view(.mock(language, problem: .invalidCredentials)).render()),
            ("setup", SetupPage.view(.mock(language, problems: [.emailInvalid, .passwordTooShort])).render()),
            ("leads", LeadInboxPage.view(.mock(language)).render()),
            ("board", PipelineBoardPage.view(.mock(language, refused: true)).render()),
            ("deal", DealPage.view(.mock(language)).render()),
            ("company", CompanyPage.view(.mock(language)).render()),
            ("charts", ChartGallery.page(language)),
        ]
    }

    @Test("Every mock page is a whole document in its language that a strict CSP lets run", arguments: VoronkaCore.Language.allCases)
    func cspClean(language: VoronkaCore.Language) throws {
        for (name, html) in Self.pages(language) {
            // check
            #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"\(language.rawValue)\""), "\(name)")
            #expect(html.hasSuffix("</html>"), "\(name)")
            let lower = html.lowercased()
            #expect(!lower.contains(" style=\""), "\(name) has a style attribute, which the CSP blocks")
            #expect(!lower.contains("<style"), "\(name) has an inline stylesheet")
            #expect(lower.components(separatedBy: "<script").dropFirst().allSatisfy { $0.hasPrefix(" src=") }, "\(name) has an inline script")
            for handler in [" onclick=", " onload=", " onchange=", " onsubmit=", " oninput="] {
                #expect(!lower.contains(handler), "\(name) has an event handler attribute \(handler)")
            }
        }
    }

    @Test("Write the mock pages when asked")
    func dump() throws {
        guard let dir = ProcessInfo.processInfo.environment["VORONKA_WEB_DUMP"] else { return }
        let root = URL(fileURLWithPath: dir)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Assets.stylesheet.write(to: root.appendingPathComponent("assets/voronka.css"), atomically: true, encoding: .utf8)
        try Assets.script.write(to: root.appendingPathComponent("assets/voronka.js"), atomically: true, encoding: .utf8)
        for language in VoronkaCore.Language.allCases {
            for (name, html) in Self.pages(language) {
                // Relative asset paths, so that the files open straight from the disk.
                let local = html.replacingOccurrences(of: "\"/assets/", with: "\"assets/")
                try local.write(to: root.appendingPathComponent("\(name)-\(language.rawValue).html"), atomically: true, encoding: .utf8)
            }
        }
    }
}

/// Every chart kind on one page, with the degenerate cases.
enum ChartGallery {
    static func page(_ language: VoronkaCore.Language) -> String {
        let t = Localizer(language)
        let charts: [Markup] = [
            Charts.bar(BarChart(id: "g-bar", title: "Won per month", summary: "Won amounts", bars: [
                .init(label: "Jul", value: 1_200_000), .init(label: "Aug", value: 4_500_000), .init(label: "Sep", value: -300_000),
                .init(label: "Oct", value: 0), .init(label: "Nov", value: 2_750_000),
            ], value: .money(currency: "RUB"), axisLabel: t.format.currencySign("RUB")), t),
            Charts.line(LineChart(id: "g-line", title: "Conversion", summary: "Lead to deal", categories: ["Jan", "Feb", "Mar", "Apr", "May", "Jun"], series: [
                .init(name: "Web form", values: [0.1, 0.12, 0.18, nil, 0.2, 0.22]),
                .init(name: "Referral", values: [0.3, 0.28, 0.35, 0.4, 0.38, 0.41]),
                .init(name: "Event", values: [0.05, 0.07, 0.06, 0.09, 0.1, 0.08]),
            ], value: .percent), t),
            Charts.funnel(FunnelChart(id: "g-funnel", title: "Funnel", summary: "2026", stages: [
                .init(name: "Leads", count: 1240), .init(name: "Qualified", count: 410), .init(name: "Proposal", count: 160), .init(name: "Won", count: 52),
            ]), t),
            Charts.heatMap(HeatMap(id: "g-heat", title: "Cohorts", summary: "Conversion by cohort", rows: ["Apr 2026", "May 2026", "Jun 2026", "Jul 2026"],
                                   columns: ["M0", "M1", "M2", "M3"], cells: [
                                    [.init(value: 0.05), .init(value: 0.12), .init(value: 0.2), .init(value: 0.24)],
                                    [.init(value: 0.04), .init(value: 0.15), .init(value: 0.22), .init(value: 0.25, immature: true)],
                                    [.init(value: 0.06), .init(value: 0.11), .init(value: 0.19, immature: true), .init(value: nil)],
                                    [.init(value: 0.08), .init(value: 0.1, immature: true), .init(value: nil), .init(value: nil)],
                                   ], value: .percent), t),
            Charts.stepCurve(StepCurve(id: "g-km", title: "Time to first deal", summary: "Kaplan–Meier", series: [
                .init(name: "Inbound", points: [.init(time: 0, value: 1), .init(time: 12, value: 0.85), .init(time: 30, value: 0.6), .init(time: 75, value: 0.42)], censored: [20, 90]),
                .init(name: "Outbound", points: [.init(time: 0, value: 1), .init(time: 25, value: 0.92), .init(time: 60, value: 0.8)]),
            ], timeLabel: "days"), t),
            Charts.bar(BarChart(id: "g-empty", title: "Empty", summary: "", bars: [], value: .count), t),
        ]
        let shell = Shell.mock(language, admin: true, section: .dashboards, path: "/dashboards")
        let figures = charts.map { Markup.el("figure", .class("panel chart-figure"), .div(.class("chart-scroll"), $0)) }
        return Layout.page(shell, title: "Charts", .h1("Charts"), .group(figures)).render()
    }
}
