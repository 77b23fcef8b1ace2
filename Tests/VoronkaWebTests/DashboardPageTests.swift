import Foundation
import Testing
import VoronkaCore
@testable import VoronkaWeb

extension DashboardPage.Model {
    /// Two years of monthly cohorts (the last three immature, one flagged), a year-over-year collapse, a curve, a forecast,
    /// stalled deals and quality lists; an owner and a deal carry markup in their names.
    static func mock(_ language: VoronkaCore.Language, section: DashboardPage.Section = .funnel) -> Self {
        let hostile = "<script>\"&"
        let filter = DashboardPage.Filter(
            pipelines: [.init(value: "1", label: "Equipment sales"), .init(value: "2", label: "Service")],
            teams: [.init(value: "3", label: "Team of Boris Orlov")],
            owners: [.init(value: "3", label: "Boris Orlov"), .init(value: hostile, label: hostile)],
            sources: [.init(value: "web_form", label: "Web form")], segments: [.init(value: "Enterprise", label: "Enterprise")],
            selected: ["pipeline": "1", "owner": "3", "from": "2025-01-01"])
        let cohorts = (0..<24).map { i -> DashboardPage.Funnel.Cohort in
            let year = 2024 + i / 12, month = i % 12 + 1
            return .init(label: "\(year)-" + (month < 10 ? "0" : "") + String(month), year: year, index: month, leads: 40, won: i == 5 ? 17 : 2,
                         conversion: i == 5 ? 0.425 : 0.05, mature: i < 21, flagged: i == 5, baselineConversion: i == 5 ? 0.05 : nil,
                         pValue: i == 5 ? 0.0001 : nil)
        }
        let funnel = DashboardPage.Funnel(
            grain: .month, maturityDays: 90, matureLeads: 1_234, matureWon: 71, matureConversion: 0.0576, leadsPerWin: 17.38,
            cohorts: cohorts,
            yearOverYear: [
                .init(cohort: "2025", previous: "2024", leads: 50, won: 1, previousLeads: 50, previousWon: 21, conversion: 0.02,
                      previousConversion: 0.42, pValue: 0.00001, flagged: true),
                .init(cohort: "2025-Q2", previous: "2024-Q2", leads: 26, won: 10, previousLeads: 24, previousWon: 10, conversion: 0.38,
                      previousConversion: 0.42, pValue: 0.8, flagged: false),
            ],
            curve: [.init(day: 0, conversion: 0, lower: 0, upper: 0), .init(day: 30, conversion: 0.02, lower: 0.01, upper: 0.03),
                    .init(day: 90, conversion: 0.06, lower: 0.045, upper: 0.075)],
            pipelines: [.init(name: "Equipment sales", deals: 120, steps: [.init(name: "Qualification", reached: 120, conversion: 0.5),
                                                                          .init(name: "Won", reached: 60, conversion: nil)])])
        let forecast = DashboardPage.Forecast(
            months: [.init(period: .overdue, deals: 2, amount: 500_000, weightedConfigured: 200_000, weightedLearned: 150_000),
                     .init(period: .month(year: 2026, month: 10), deals: 3, amount: 3_086_419.5, weightedConfigured: 1_234_567,
                           weightedLearned: 1_000_000),
                     .init(period: .unscheduled, deals: 1, amount: 100_000, weightedConfigured: 10_000, weightedLearned: 5_000)],
            totalAmount: 3_686_419.5, totalConfigured: 1_444_567, totalLearned: 1_155_000,
            stages: [.init(stageName: "Qualification", pipelineName: "Equipment sales", configured: 0.1, learned: 0.06, closedDeals: 50, wonDeals: 3),
                     .init(stageName: "Proposal", pipelineName: nil, configured: 0.4, learned: nil, closedDeals: 0, wonDeals: 0)],
            predictions: 80, brierConfigured: 0.1834, brierLearned: 0.1207,
            bins: [.init(lower: 0.1, upper: 0.2, configuredPredictions: 50, configuredObserved: 0.06, learnedPredictions: 0, learnedObserved: nil)])
        let stalledDeal = DashboardPage.DealRef(id: 502, title: hostile, url: "/deals/502", ownerName: hostile, amount: 234_567)
        let stages = DashboardPage.StageTimes(
            rows: [.init(stageName: "Qualification", pipelineName: "Equipment sales", visits: 120, medianDays: 6.5, p80Days: 14, p95Days: 30,
                         expectedDays: 10)],
            stalledCount: 3, stalled: [.init(deal: stalledDeal, stageName: "Qualification", daysInStage: 40, limitDays: 10, limitIsExpected: true)])
        return .init(shell: .mock(language, section: .dashboards, path: "/dashboards"), path: "/dashboards", section: section, filter: filter,
                     asOf: Clock.day, currency: "RUB", funnel: funnel, forecast: forecast, stages: stages,
                     velocity: .init(overall: .init(openDeals: 40, winRate: 0.25, averageWonAmount: 1_000_000, averageCycleDays: 50, perDay: 200_000),
                                     byOwner: [.init(ownerName: "Boris Orlov", openDeals: 40, winRate: 0.25, perDay: 200_000)],
                                     trend: [.init(year: 2026, month: 8, perDay: 150_000), .init(year: 2026, month: 9, perDay: 200_000)]),
                     response: .init(targetHours: 4, overall: .init(leads: 10, answered: 9, medianHours: 1.5, p90Hours: 6, breaches: 2),
                                     byOwner: [.init(ownerName: "Boris Orlov", leads: 10, answered: 9, medianHours: 1.5, p90Hours: 6, breaches: 2)]),
                     growth: .init(rescues: [.init(ownerName: nil, quarter: "2026-Q2", reactivated: 3, rescued: 2, won: 1, wonAmount: 400_000)],
                                   rescued: 2, rescuedWon: 1, rescuedWonAmount: 400_000,
                                   referrals: [.init(ownerName: "Boris Orlov", leads: 5, qualified: 3, won: 2, conversion: 0.4, wonAmount: 900_000)],
                                   referralTotal: .init(leads: 5, qualified: 3, won: 2, conversion: 0.4, wonAmount: 900_000)),
                     completeness: .init(untouchedDays: 14, overall: .init(deals: 10, meanShare: 0.8, complete: 4, untouched: 2),
                                         owners: [.init(ownerName: "Boris Orlov", deals: 10, meanShare: 0.8, complete: 4, untouched: 2)],
                                         fields: [.init(field: "amount", share: 1), .init(field: "deadline", share: 0.3)],
                                         worst: [.init(deal: stalledDeal, share: 0.5, missing: ["deadline", "contact"], daysSinceUpdate: 20)]),
                     qualification: .init(unqualifiedPastFirstMeeting: [stalledDeal], uncontrolled: [], underMinimumEconomics: [stalledDeal],
                                          unqualifiedCount: 4))
    }

    /// No data at all.
    static func empty(_ language: VoronkaCore.Language, section: DashboardPage.Section) -> Self {
        .init(shell: .mock(language, section: .dashboards, path: "/dashboards"), path: "/dashboards", section: section,
              filter: .init(), asOf: Clock.day, currency: "RUB")
    }
}

@Suite("Dashboard pages")
struct DashboardPageTests {
    let nb = "\u{00A0}"

    @Test("Conversion as N to 1 and as a percentage, written for each language")
    func conversionFigures() {
        // action
        let en = Inspect(DashboardPage.view(.mock(.en)))
        let ru = Inspect(DashboardPage.view(.mock(.ru)))
        // check
        #expect(en.has("Leads per win</a></dt><dd>17.4 to 1</dd>"))
        #expect(en.has("Conversion</a></dt><dd>5.8%</dd>"))
        #expect(en.has("Leads counted</a></dt><dd>1,234</dd>"))
        #expect(ru.has("Лидов на победу</a></dt><dd>17,4 к 1</dd>"))
        #expect(ru.has("Конверсия</a></dt><dd>5,8\(nb)%</dd>"))
        #expect(ru.has("Учтено лидов</a></dt><dd>1\(nb)234</dd>"))
        #expect(ru.has("Когорты моложе 90\(nb)дней не учитываются"))
    }

    @Test("Immature cohorts are hatched in the heat map, named as left out and marked in the table")
    func immatureCohorts() {
        // action
        let en = Inspect(DashboardPage.view(.mock(.en)))
        let ru = Inspect(DashboardPage.view(.mock(.ru)))
        // check
        #expect(en.count("class=\"heat-cell immature\"") == 3)
        #expect(en.count("class=\"heat-cell\"") == 21)
        #expect(en.has("fill=\"url(#cohort-heatmap-immature)\""))
        #expect(en.has("Left out as not final yet: 2025-10, 2025-11, 2025-12."))
        #expect(en.count("<span class=\"immature-mark\">Not final yet</span>") == 3)
        #expect(ru.has("Не учтены как ещё не окончательные: 2025-10, 2025-11, 2025-12."))
        #expect(ru.has(">янв</text>") && ru.has(">2025</text>"))
    }

    @Test("A flagged cohort and a flagged year-over-year change carry a visible anomaly mark; a small change does not")
    func anomalies() {
        // action
        let en = Inspect(DashboardPage.view(.mock(.en)))
        let ru = Inspect(DashboardPage.view(.mock(.ru)))
        // check
        #expect(en.count("class=\"badge flag-anomaly\"") == 2)
        #expect(en.has("<th scope=\"row\">2025 / 2024</th><td class=\"number\">42.0% (21/50)</td><td class=\"number\">2.0% (1/50)</td><td class=\"number\">-40.0\(nb)pp</td><td><span class=\"badge flag-anomaly\">⚑ Anomaly (p\(nb)&lt;\(nb)0.001)</span></td>"))
        #expect(en.has("<td>Within chance</td>"))
        #expect(ru.has("-40,0\(nb)п. п.") && ru.has("⚑ Аномалия"))
    }

    @Test("The Kaplan–Meier curve and its 95 % band are one accessible chart")
    func curve() {
        let en = Inspect(DashboardPage.view(.mock(.en)))
        #expect(en.has("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"conversion-curve\" class=\"chart\" viewBox="))
        #expect(en.has("role=\"img\" aria-labelledby=\"conversion-curve-title\" aria-describedby=\"conversion-curve-desc\""))
        #expect(en.count("class=\"step\"") == 1 && en.count("class=\"band\"") == 1)
        #expect(en.has("<path class=\"band\" d=\"M"))
        #expect(en.has(">95 % confidence band</text>"))
        #expect(en.has("after 90 days 6.0%, 95 % band 4.5% to 7.5%"))
    }

    @Test("Forecast amounts as money in each language, with the month names and both probabilities")
    func forecast() {
        // action
        let en = Inspect(DashboardPage.view(.mock(.en, section: .forecast)))
        let ru = Inspect(DashboardPage.view(.mock(.ru, section: .forecast)))
        // check
        #expect(en.has("<th scope=\"row\">Oct 2026</th><td class=\"number\">3</td><td class=\"number\">3,086,420\(nb)RUB</td><td class=\"number\">1,234,567\(nb)RUB</td>"))
        #expect(ru.has("<th scope=\"row\">окт 2026</th><td class=\"number\">3</td><td class=\"number\">3\(nb)086\(nb)420\(nb)₽</td><td class=\"number\">1\(nb)234\(nb)567\(nb)₽</td>"))
        #expect(en.has("<th scope=\"row\">Overdue</th>") && ru.has("<th scope=\"row\">Без даты закрытия</th>"))
        #expect(en.count("class=\"bar\"") == 3)
        #expect(en.has("<th scope=\"row\">Proposal</th><td class=\"number\">40%</td><td class=\"number\">no history</td>"))
        #expect(en.has("Brier score, configured</a></dt><dd>0.183</dd>") && ru.has("Оценка Брайера, по истории</a></dt><dd>0,121</dd>"))
    }

    @Test("Every section of an empty dashboard says there is no data yet, in both languages, and writes no NaN")
    func empty() {
        for language in VoronkaCore.Language.allCases {
            for section in DashboardPage.Section.allCases where section != .quality {
                // action
                let page = Inspect(DashboardPage.view(.empty(language, section: section)))
                // check
                #expect(page.has(language == .en ? "No data yet for this filter." : "Для этого фильтра данных пока нет."), "\(section)")
                #expect(!page.has("NaN") && !page.has(">nan") && !page.has(">inf") && !page.has("\"nan") && !page.has("\"inf"), "\(section)")
                #expect(page.nestingErrors.isEmpty, "\(section): \(page.nestingErrors)")
            }
            let quality = Inspect(DashboardPage.view(.empty(language, section: .quality)))
            #expect(quality.has(language == .en ? "None. Well done." : "Нет. Отлично."))
        }
    }

    @Test("The filter bar is a labelled GET form with the values in force selected; section links keep the filter")
    func filterBar() {
        // action
        let page = Inspect(DashboardPage.view(.mock(.en, section: .stages)))
        // check
        let form = page.forms.first { $0.contains("filter-bar") } ?? ""
        #expect(form.hasPrefix("<form method=\"get\" action=\"/dashboards\""))
        #expect(form.contains("<input type=\"hidden\" name=\"section\" value=\"stages\"/>"))
        #expect(form.contains("<option value=\"1\" selected>Equipment sales</option>"))
        #expect(form.contains("<option value=\"3\" selected>Boris Orlov</option>"))
        #expect(form.contains("<option value selected>All</option>"))
        #expect(form.contains("id=\"filter-from\" name=\"from\" type=\"date\" value=\"2025-01-01\""))
        #expect(page.has("<a href=\"/dashboards?section=stages&amp;pipeline=1&amp;owner=3&amp;from=2025-01-01\" aria-current=\"page\">Stages</a>"))
        #expect(page.has("href=\"/dashboards?section=forecast&amp;pipeline=1&amp;owner=3&amp;from=2025-01-01\""))
        #expect(page.unlabelledControls.isEmpty, "\(page.unlabelledControls)")
        #expect(page.postFormsWithoutToken.isEmpty)
        #expect(page.has("<p class=\"filter-summary muted\">Filtered by Pipeline: Equipment sales; Owner: Boris Orlov; From: Jan 1, 2025.</p>"))
        #expect(Inspect(DashboardPage.view(.mock(.ru))).has("Фильтр: Воронка: Equipment sales; Ответственный: Boris Orlov; С: 01.01.2025."))
        #expect(!Inspect(DashboardPage.view(.empty(.en, section: .funnel))).has("filter-summary"))
    }

    @Test("Every section is well formed, with unique ids, labelled controls and headings in order")
    func structure() {
        for language in VoronkaCore.Language.allCases {
            for section in DashboardPage.Section.allCases {
                let page = Inspect(DashboardPage.view(.mock(language, section: section)))
                #expect(page.nestingErrors.isEmpty, "\(section): \(page.nestingErrors)")
                #expect(page.duplicateIDs.isEmpty, "\(section): \(page.duplicateIDs)")
                #expect(page.unlabelledControls.isEmpty, "\(section)")
                #expect(page.count("<h1") == 1 && page.has("<h2 id=\"dashboard-section\">"))
                #expect(!page.has("NaN"))
            }
        }
    }

    @Test("Names with markup are escaped in text and in attributes")
    func escaping() {
        for section in [DashboardPage.Section.stages, .quality, .funnel] {
            // action
            let page = Inspect(DashboardPage.view(.mock(.en, section: section)))
            // check
            #expect(!page.has("<script>\""), "\(section)")
            #expect(page.has("<option value=\"&lt;script&gt;&quot;&amp;\">&lt;script&gt;\"&amp;</option>"))
        }
        let stages = Inspect(DashboardPage.view(.mock(.en, section: .stages)))
        #expect(stages.has("<a href=\"/deals/502\">&lt;script&gt;\"&amp;</a>"))
    }

    @Test("Stalled deals, velocity, response and quality show their figures")
    func otherSections() {
        let stages = Inspect(DashboardPage.view(.mock(.ru, section: .stages)))
        #expect(stages.has("Зависшие сделки · 3\(nb)сделки"))
        #expect(stages.has("<span class=\"days-stalled\">40\(nb)дней</span>"))
        #expect(stages.has("И ещё 2\(nb)сделки."))
        let velocity = Inspect(DashboardPage.view(.mock(.en, section: .velocity)))
        #expect(velocity.has("Velocity per day</a></dt><dd>200,000\(nb)RUB</dd>"))
        #expect(velocity.has("id=\"velocity-trend\""))
        let response = Inspect(DashboardPage.view(.mock(.en, section: .response)))
        #expect(response.has("Median</a></dt><dd>1.5\(nb)h</dd>") && response.has("the target is 4\(nb)h."))
        let quality = Inspect(DashboardPage.view(.mock(.en, section: .quality)))
        #expect(quality.has("Unqualified past the first meeting · 4\(nb)deals"))
        #expect(quality.has("<td>Deadline, Contact</td>"))
        #expect(quality.has("Uncontrolled deals · 0\(nb)deals") && quality.has("None. Well done."))
    }
}

@Suite("Definitions of the figures")
struct DefinitionTests {
    @Test("Every part of the dashboards that shows a metric links to its definition, which the help page holds in both languages")
    func definitionsLinked() {
        // setup
        let ids = Set(DashboardPage.partMetrics.values)
        // action
        let en = Inspect(HelpPage.view(.mock(.en)))
        let ru = Inspect(HelpPage.view(.mock(.ru)))
        // check
        for id in ids {
            let definition = MetricDefinitions.definition(id)
            #expect(definition != nil, "\(id) has a definition")
            #expect(en.has("<section id=\"\(id)\"") && ru.has("<section id=\"\(id)\""))
            if let d = definition {
                #expect(ru.has(d.title.ru) && en.has(d.title.en) && !d.title.ru.isEmpty && d.title.ru != d.title.en)
            }
        }
        let link = DashboardPage.definitionLink("stages-stalled", Localizer(.ru))
        let rendered = link.map { Inspect($0) }
        #expect(rendered?.has("href=\"/help/metrics#stalled\"") == true && rendered?.has("Определение") == true)
    }

    @Test("Every figure tile and every figure column heading on every dashboard section links to a definition, in both languages")
    func everyFigureLinked() {
        for language in [VoronkaCore.Language.en, .ru] {
            for section in DashboardPage.Section.allCases {
                // setup
                let model = DashboardPage.Model.mock(language, section: section)
                // action
                let page = Inspect(DashboardPage.view(model))
                // check: a tile's name (dt) and a numeric heading (th class=number scope=col) hold a link to /help/metrics
                let tiles = page.html.components(separatedBy: "<dt>").dropFirst().map { $0.components(separatedBy: "</dt>")[0] }
                let headings = page.html.components(separatedBy: "<th scope=\"col\" class=\"number\"").dropFirst()
                    .map { $0.components(separatedBy: "</th>")[0] }
                for cell in tiles + headings {
                    #expect(cell.contains("href=\"/help/metrics#"), "\(section) \(language): \(cell)")
                }
                for id in page.values(of: "href").filter({ $0.hasPrefix("/help/metrics#") }).map({ String($0.dropFirst("/help/metrics#".count)) }) {
                    #expect(MetricDefinitions.definition(id) != nil, "\(id) is defined")
                }
            }
        }
    }

    @Test("docs/metrics.md and the help page define the same metrics")
    func helpFollowsTheDocument() throws {
        // setup
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/metrics.md"), encoding: .utf8)
        // action: "## stalled v1 — …" names the metric "stalled"
        let documented = text.split(separator: "\n").filter { $0.hasPrefix("## ") && $0.contains(" v1") }
            .compactMap { $0.dropFirst(3).split(separator: " ").first.map(String.init) }
        // check
        #expect(documented.count >= 15)
        #expect(Set(documented) == Set(MetricDefinitions.all.map(\.id)).subtracting(["conventions"]))
    }
}
