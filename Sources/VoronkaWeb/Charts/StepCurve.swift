import Plot

/// Step curves such as a Kaplan–Meier estimate: the share still waiting (or converted) against time, with censoring ticks.
public struct StepCurve: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public var time: Double
        public var value: Double
        public init(time: Double, value: Double) { self.time = time; self.value = value }
    }

    public struct Series: Sendable, Hashable {
        public var name: String
        /// The value from each time on, until the next point.
        public var points: [Point]
        /// Times at which observations were censored; drawn as ticks on the curve.
        public var censored: [Double]
        public init(name: String, points: [Point], censored: [Double] = []) { self.name = name; self.points = points; self.censored = censored }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var series: [Series]
    /// The time axis' caption, e.g. "days since the lead".
    public var timeLabel: String
    /// Usually `.percent` (values 0...1): the axis then runs from 0 to 100 %.
    public var value: ChartValue

    public init(id: String, title: String, summary: String, series: [Series], timeLabel: String, value: ChartValue = .percent) {
        self.id = id; self.title = title; self.summary = summary; self.series = series; self.timeLabel = timeLabel; self.value = value
    }
}

extension Charts {
    /// A step chart; the legend appears with more than one series.
    public static func stepCurve(_ chart: StepCurve, _ t: Localizer) -> Markup {
        let f = t.format
        let all = chart.series.map { $0.points.filter { $0.time.isFinite && $0.value.isFinite }.sorted { $0.time < $1.time } }
        guard all.contains(where: { !$0.isEmpty }) else { return empty(id: chart.id, title: chart.title, summary: chart.summary, t) }
        let width = 420.0, plotHeight = 290.0, top = 12.0, right = 16.0
        let times = all.flatMap { $0.map(\.time) } + chart.series.flatMap(\.censored).filter(\.isFinite)
        let values = all.flatMap { $0.map(\.value) }
        let yScale = chart.value == .percent
            ? ChartScale(min: 0, max: max(1, values.max() ?? 1), from: plotHeight - 52, to: top)
            : ChartScale(min: min(0, values.min() ?? 0), max: values.max() ?? 1, integers: chart.value.integers, from: plotHeight - 52, to: top)
        let labelWidth = yScale.ticks.map { SVG.width(chart.value.short($0, f), size: 15) }.max() ?? 20
        let left = max(40, labelWidth + 14)
        let xScale = ChartScale(min: min(0, times.min() ?? 0), max: times.max() ?? 1, count: 6, from: left, to: width - right)

        var content = valueAxis(yScale, value: chart.value, left: left, right: width - right, f)
        for tick in xScale.ticks {
            content.append(SVG.line(x1: xScale(tick), y1: plotHeight - 52, x2: xScale(tick), y2: plotHeight - 47, stroke: Palette.axis))
            content.append(SVG.text(f.trimmed(tick, maxDigits: 1), x: xScale(tick), y: plotHeight - 30, anchor: "middle", size: 15))
        }
        content.append(SVG.text(chart.timeLabel, x: left + (width - right - left) / 2, y: plotHeight - 8, anchor: "middle", size: 15,
                                fill: Palette.mutedText))
        var data: [String] = []
        for (s, points) in all.enumerated() {
            guard let last = points.last else { continue }
            let series = chart.series[s]
            let end = max(last.time, series.censored.filter(\.isFinite).max() ?? last.time)
            var d = "M" + SVG.num(xScale(points[0].time)) + " " + SVG.num(yScale(points[0].value))
            for p in points.dropFirst() { d += " H" + SVG.num(xScale(p.time)) + " V" + SVG.num(yScale(p.value)) }
            d += " H" + SVG.num(xScale(end))
            var attributes: [(String, String)] = [("class", "step"), ("d", d), ("fill", "none"), ("stroke", Palette.color(s)), ("stroke-width", "2.5")]
            if let dash = dash(s) { attributes.append(("stroke-dasharray", dash)) }
            content.append(SVG.node("path", attributes, [SVG.title(series.name)]))
            if points.count == 1 { content.append(marker(s, x: xScale(points[0].time), y: yScale(points[0].value))) }
            for c in series.censored where c.isFinite {
                let v = points.last(where: { $0.time <= c })?.value ?? points[0].value
                content.append(SVG.line(x1: xScale(c), y1: yScale(v) - 5, x2: xScale(c), y2: yScale(v) + 5, stroke: Palette.color(s),
                                        width: 1.5, extra: [("class", "censor")]))
            }
            data.append(series.name + ": " + points.map { f.trimmed($0.time, maxDigits: 1) + " → " + chart.value.full($0.value, f) }
                .joined(separator: ", "))
        }
        let legend: (nodes: [Markup], height: Double) = chart.series.count > 1
            ? legend(chart.series.map(\.name), top: plotHeight, width: width, dashed: true) : ([], 0)
        content += legend.nodes
        return frame(id: chart.id, title: chart.title, description: joined(chart.summary, data.joined(separator: "; ")),
                     width: width, height: plotHeight + legend.height + 4, content)
    }
}
