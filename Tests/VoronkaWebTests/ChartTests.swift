import Testing
import VoronkaCore
@testable import VoronkaWeb

@Suite("Charts")
struct ChartTests {
    let en = Localizer(.en)
    let ru = Localizer(.ru)

    /// The accessible frame every chart has.
    func expectFrame(_ svg: Inspect, id: String) {
        #expect(svg.has("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\""))
        #expect(svg.has("role=\"img\""))
        #expect(svg.has("aria-labelledby=\"\(id)-title\""))
        #expect(svg.has("aria-describedby=\"\(id)-desc\""))
        #expect(svg.has("<title id=\"\(id)-title\">"))
        #expect(svg.has("<desc id=\"\(id)-desc\">"))
        #expect(svg.has("viewBox=\"0 0 "))
        #expect(!svg.has(" width=\"100%\""))
        #expect(svg.nestingErrors.isEmpty, "\(svg.nestingErrors)")
    }

    @Test("A bar chart draws one bar per value, with axis ticks, labels and the data in its description")
    func bars() {
        // setup
        let chart = BarChart(id: "c1", title: "Deals won", summary: "Deals won per month", bars: [
            .init(label: "Jul", value: 3), .init(label: "Aug", value: 7), .init(label: "Sep", value: 5),
        ], value: .count, axisLabel: "deals")
        // action
        let svg = Inspect(Charts.bar(chart, en))
        // check
        expectFrame(svg, id: "c1")
        #expect(svg.count("class=\"bar\"") == 3)
        #expect(svg.has(">Jul</text>") && svg.has(">Aug</text>") && svg.has(">Sep</text>"))
        #expect(svg.has("<title>Aug: 7</title>"))
        #expect(svg.has(">deals</text>"))
        #expect(svg.has("Deals won per month. Jul: 3; Aug: 7; Sep: 5."))
        #expect(svg.has(">8</text>"))
        #expect(!svg.has(">2.5</text>"), "counts get whole ticks")
    }

    @Test("Values over bars never overlap: eleven months of millions in Russian show no value wider than its bar's band")
    func barValuesDoNotOverlap() {
        // setup: the forecast's shape (overdue, nine months, no date) with values of every size
        let values: [Double] = [4_100_000, 1_700_000, 874_000, 3_432_000, 1_258_000, 2_100_000, 20_238_000, 8_695_000, 727_000, 4_809_000, 2_484_868]
        let chart = BarChart(id: "f", title: "Взвешенная воронка", summary: "по месяцам",
                             bars: values.enumerated().map { .init(label: "м\($0.offset)", value: $0.element) },
                             value: .money(currency: "RUB"), axisLabel: "₽")
        let few = BarChart(id: "g", title: "T", summary: "S", bars: [.init(label: "a", value: 1_200_000), .init(label: "b", value: 300_000)],
                           value: .money(currency: "RUB"), axisLabel: "₽")
        // action
        let svg = Charts.bar(chart, Localizer(.ru)).render()
        let wide = Inspect(Charts.bar(few, Localizer(.ru)))
        // check: each value label's extent [x − w/2, x + w/2] is clear of its neighbour's
        let labels = svg.components(separatedBy: "<text ").dropFirst().filter { $0.contains("class=\"bar-value\"") }.compactMap { part -> (x: Double, w: Double)? in
            guard let x = part.components(separatedBy: "x=\"").dropFirst().first?.split(separator: "\"").first.flatMap({ Double($0) }),
                  let text = part.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "</text").first else { return nil }
            return (x, Double(text.count) * 14 * 0.58)
        }.sorted { $0.x < $1.x }
        for (a, b) in zip(labels, labels.dropFirst()) {
            #expect(a.x + a.w / 2 <= b.x - b.w / 2, "value labels at \(a.x) and \(b.x) overlap")
        }
        #expect(wide.count("class=\"bar-value\"") == 2, "wide bars keep their values")
    }

    @Test("Labels and titles are escaped inside the SVG")
    func escaping() {
        // setup
        let chart = BarChart(id: "x", title: "<script>alert(1)</script>", summary: "a \"quoted\" & <b>bold</b> summary",
                             bars: [.init(label: "<img src=x onerror=alert(1)>", value: 1)], value: .count)
        // action
        let svg = Inspect(Charts.bar(chart, en))
        // check
        #expect(!svg.has("<script>") && !svg.has("<img") && !svg.has("<b>"))
        #expect(svg.has("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.has("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test("Degenerate bars: empty, a single one, all zeros, negatives and NaN")
    func degenerateBars() {
        // setup
        func chart(_ values: [Double]) -> Inspect {
            Inspect(Charts.bar(BarChart(id: "d", title: "T", summary: "S", bars: values.enumerated().map { .init(label: "b\($0.offset)", value: $0.element) },
                                        value: .money(currency: "RUB")), ru))
        }
        // action
        let empty = chart([]), single = chart([1_500_000]), zeros = chart([0, 0, 0]), negative = chart([-5000, 12000]), nan = chart([.nan, 2])
        // check
        #expect(empty.has(">Нет данных</text>") && empty.count("class=\"bar\"") == 0)
        expectFrame(empty, id: "d")
        #expect(single.count("class=\"bar\"") == 1 && single.has("1\u{00A0}500\u{00A0}000\u{00A0}₽"))
        #expect(zeros.count("class=\"bar\"") == 3 && zeros.count("height=\"0\"") == 3)
        #expect(negative.has(">-5\u{00A0}тыс.</text>"))
        #expect(negative.count("class=\"bar\"") == 2)
        #expect(nan.count("class=\"bar\"") == 1 && nan.has("b0: нет значения"))
        for svg in [single, zeros, negative, nan] { #expect(svg.nestingErrors.isEmpty) }
    }

    @Test("A line chart draws each series with its own dash and markers, and a legend")
    func lines() {
        // setup
        let chart = LineChart(id: "l", title: "Conversion", summary: "By month", categories: ["Jul", "Aug", "Sep", "Oct"], series: [
            .init(name: "Inbound", values: [0.1, 0.2, nil, 0.25]),
            .init(name: "Referral", values: [0.3, 0.35, 0.4, 0.38]),
        ], value: .percent)
        // action
        let svg = Inspect(Charts.line(chart, ru))
        // check
        expectFrame(svg, id: "l")
        #expect(svg.count("class=\"series\"") == 2)
        #expect(svg.count("class=\"legend-item\"") == 2)
        #expect(svg.count("class=\"marker\"") == 7 + 2)
        #expect(svg.has("stroke-dasharray=\"7 4\""))
        #expect(svg.has(" M"), "the gap starts a new segment")
        #expect(svg.has("Inbound: Jul 10,0\u{00A0}%, Aug 20,0\u{00A0}%, Sep нет значения"))
        #expect(svg.has(">40\u{00A0}%</text>"))
    }

    @Test("Degenerate lines: no categories, no values, a single point, all zeros")
    func degenerateLines() {
        func chart(_ categories: [String], _ values: [Double?]) -> Inspect {
            Inspect(Charts.line(LineChart(id: "l", title: "T", summary: "S", categories: categories, series: [.init(name: "A", values: values)],
                                          value: .count), en))
        }
        #expect(chart([], []).has(">No data</text>"))
        #expect(chart(["a", "b"], [nil, nil]).has(">No data</text>"))
        let single = chart(["Sep"], [4])
        #expect(single.count("class=\"marker\"") == 2 && single.nestingErrors.isEmpty)
        let zeros = chart(["a", "b", "c"], [0, 0, 0])
        #expect(zeros.count("class=\"series\"") == 1 && zeros.has(">1</text>"))
        #expect(Inspect(Charts.line(LineChart(id: "l", title: "T", summary: "S", categories: ["a"], series: [], value: .count), en)).has("No data"))
    }

    @Test("A funnel shows each stage with its count and the conversion from the stage before")
    func funnel() {
        // setup
        let chart = FunnelChart(id: "f", title: "Funnel", summary: "Leads to deals won", stages: [
            .init(name: "Leads", count: 200), .init(name: "Qualified", count: 100), .init(name: "Won", count: 25),
        ])
        // action
        let svg = Inspect(Charts.funnel(chart, ru))
        // check
        expectFrame(svg, id: "f")
        #expect(svg.count("class=\"funnel-stage\"") == 3)
        #expect(svg.has(">100 · 50\u{00A0}%</text>"))
        #expect(svg.has(">25 · 25\u{00A0}%</text>"))
        #expect(svg.has("Won: 25 (25\u{00A0}% от предыдущего этапа)"))
        #expect(svg.has("width=\"420\""))
    }

    @Test("Degenerate funnels: empty, zero counts, a single stage")
    func degenerateFunnels() {
        func chart(_ counts: [Int]) -> Inspect {
            Inspect(Charts.funnel(FunnelChart(id: "f", title: "T", summary: "S", stages: counts.map { .init(name: "s\($0)", count: $0) }), en))
        }
        #expect(chart([]).has(">No data</text>"))
        let zeros = chart([0, 0])
        #expect(zeros.count("class=\"funnel-stage\"") == 2 && zeros.has(">0 · —</text>"))
        #expect(chart([7]).count("class=\"funnel-stage\"") == 1)
        #expect(chart([-3, 5]).nestingErrors.isEmpty)
    }

    @Test("A heat map colours each cell, hatches immature ones and shows a legend")
    func heatMap() {
        // setup
        let chart = HeatMap(id: "h", title: "Cohorts", summary: "Conversion by cohort and month", rows: ["Jul 2026", "Aug 2026"],
                            columns: ["M0", "M1", "M2"], cells: [
                                [.init(value: 0.1), .init(value: 0.25), .init(value: 0.3, immature: true)],
                                [.init(value: 0.05), .init(value: nil), .init(value: 0.4, immature: true)],
                            ], value: .percent)
        // action
        let svg = Inspect(Charts.heatMap(chart, en))
        // check
        expectFrame(svg, id: "h")
        #expect(svg.count("class=\"heat-cell") == 6)
        #expect(svg.count("class=\"heat-cell immature\"") == 2)
        #expect(svg.has("<pattern id=\"h-immature\""))
        #expect(svg.has("fill=\"url(#h-immature)\""))
        #expect(svg.has(">Not final yet</text>"))
        #expect(svg.count("class=\"legend-step\"") == 5)
        #expect(svg.has("Aug 2026, M1: no value"))
        #expect(svg.has("Jul 2026, M2: 30.0% (Not final yet)"))
        #expect(svg.has(">—</text>"))
    }

    @Test("Degenerate heat maps: no rows, ragged rows, all equal, negatives")
    func degenerateHeatMaps() {
        func chart(_ cells: [[HeatMap.Cell]], rows: [String] = ["a", "b"]) -> Inspect {
            Inspect(Charts.heatMap(HeatMap(id: "h", title: "T", summary: "S", rows: rows, columns: ["x", "y"], cells: cells, value: .number), en))
        }
        #expect(chart([], rows: []).has(">No data</text>"))
        let ragged = chart([[.init(value: 1)]])
        #expect(ragged.count("class=\"heat-cell") == 4 && ragged.count(">—</text>") == 3)
        #expect(!chart([[.init(value: 2), .init(value: 2)], [.init(value: 2), .init(value: 2)]]).has("NaN"))
        #expect(!chart([[.init(value: -2), .init(value: 3)]]).has(">Not final yet</text>"))
    }

    @Test("A step curve draws horizontal then vertical steps, censoring ticks and a legend for several series")
    func stepCurve() {
        // setup
        let chart = StepCurve(id: "km", title: "Time to first deal", summary: "Kaplan–Meier estimate", series: [
            .init(name: "Inbound", points: [.init(time: 0, value: 1), .init(time: 10, value: 0.8), .init(time: 30, value: 0.5)], censored: [15, 40]),
            .init(name: "Outbound", points: [.init(time: 0, value: 1), .init(time: 20, value: 0.9)]),
        ], timeLabel: "days since the lead")
        // action
        let svg = Inspect(Charts.stepCurve(chart, en))
        // check
        expectFrame(svg, id: "km")
        #expect(svg.count("class=\"step\"") == 2)
        #expect(svg.count("class=\"censor\"") == 2)
        #expect(svg.count("class=\"legend-item\"") == 2)
        #expect(svg.has(" H") && svg.has(" V"))
        #expect(svg.has(">days since the lead</text>"))
        #expect(svg.has(">100%</text>") && svg.has(">0%</text>"))
        #expect(svg.has("Inbound: 0 → 100.0%, 10 → 80.0%, 30 → 50.0%"))
    }

    @Test("Degenerate step curves: no series, no points, a single point")
    func degenerateSteps() {
        func chart(_ series: [StepCurve.Series]) -> Inspect {
            Inspect(Charts.stepCurve(StepCurve(id: "s", title: "T", summary: "S", series: series, timeLabel: "days"), ru))
        }
        #expect(chart([]).has(">Нет данных</text>"))
        #expect(chart([.init(name: "A", points: [])]).has(">Нет данных</text>"))
        let single = chart([.init(name: "A", points: [.init(time: 0, value: 1)])])
        #expect(single.count("class=\"step\"") == 1 && single.count("class=\"marker\"") == 1 && single.count("class=\"legend-item\"") == 0)
        #expect(single.nestingErrors.isEmpty)
    }

    @Test("Colours: series at 3:1 on white, text at 4.5:1, heat-map text readable on every shade")
    func contrast() {
        for color in Palette.series { #expect(Palette.contrast(color, "#ffffff") >= 3, "\(color)") }
        #expect(Palette.contrast(Palette.text, "#ffffff") >= 4.5)
        #expect(Palette.contrast(Palette.mutedText, "#ffffff") >= 4.5)
        #expect(Palette.contrast(Palette.mutedText, Palette.empty) >= 4.5)
        for step in 0...20 {
            let fill = Palette.heatColor(Double(step) / 20)
            #expect(Palette.contrast(Palette.textColor(on: fill), fill) >= 4.5, "\(fill)")
        }
        #expect(Palette.heatColor(0) == Palette.heat.first && Palette.heatColor(1) == Palette.heat.last)
    }

    @Test("Scales: round ticks, whole steps for counts, a span for flat data")
    func scales() {
        let a = ChartScale(min: 0, max: 95, from: 100, to: 0)
        #expect(a.ticks == [0, 20, 40, 60, 80, 100])
        #expect(a(50) == 50)
        let counts = ChartScale(min: 0, max: 3, integers: true, from: 0, to: 1)
        #expect(counts.ticks.allSatisfy { $0 == $0.rounded() })
        #expect(ChartScale(min: 0, max: 0, from: 0, to: 1).ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1] || ChartScale(min: 0, max: 0, from: 0, to: 1).hi == 1)
        #expect(ChartScale(min: -5, max: -5, from: 0, to: 1).hi == 0)
        #expect(ChartScale(min: .nan, max: 3, from: 0, to: 1).ticks.count > 1)
        #expect(SVG.num(-0.04) == "0" && SVG.num(12.25) == "12.3" && SVG.num(3) == "3")
    }
}
