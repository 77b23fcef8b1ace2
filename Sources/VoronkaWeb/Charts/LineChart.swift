import Plot

/// Lines over evenly spaced categories (months, weeks), several series with a legend.
public struct LineChart: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        /// One value per category; nil leaves a gap in the line.
        public var values: [Double?]
        public init(name: String, values: [Double?]) { self.name = name; self.values = values }
    }

    public var id: String
    public var title: String
    public var summary: String
    /// The x labels, in order.
    public var categories: [String]
    public var series: [Series]
    public var value: ChartValue
    public var axisLabel: String?

    public init(id: String, title: String, summary: String, categories: [String], series: [Series], value: ChartValue, axisLabel: String? = nil) {
        self.id = id; self.title = title; self.summary = summary; self.categories = categories
        self.series = series; self.value = value; self.axisLabel = axisLabel
    }
}

extension Charts {
    /// A line chart; each series has its own colour, dash and marker, and the legend names them.
    public static func line(_ chart: LineChart, _ t: Localizer) -> Markup {
        let f = t.format
        let n = chart.categories.count
        let values = chart.series.flatMap { $0.values.prefix(n).compactMap { $0 }.filter(\.isFinite) }
        guard n > 0, let low = values.min(), let high = values.max() else { return empty(id: chart.id, title: chart.title, summary: chart.summary, t) }
        let width = 420.0, plotHeight = 280.0
        let top = chart.axisLabel == nil ? 16.0 : 32.0, right = 16.0
        let scale = ChartScale(min: min(0, low), max: max(0, high), integers: chart.value.integers,
                               from: plotHeight - 40, to: top)
        let labelWidth = scale.ticks.map { SVG.width(chart.value.short($0, f), size: 15) }.max() ?? 20
        let left = max(40, labelWidth + 14)
        let plotWidth = width - left - right
        let band = n == 1 ? plotWidth : plotWidth / Double(n - 1)
        func x(_ i: Int) -> Double { n == 1 ? left + plotWidth / 2 : left + band * Double(i) }

        var content: [Markup] = []
        if let axisLabel = chart.axisLabel { content.append(SVG.text(axisLabel, x: 0, y: 16, size: 15, fill: Palette.mutedText)) }
        content += valueAxis(scale, value: chart.value, left: left, right: width - right, f)
        content += categoryLabels(chart.categories, x: x, band: band, y: plotHeight - 40 + 22)
        for (s, series) in chart.series.enumerated() {
            content.append(seriesPath(series, index: s, count: n, x: x, y: { scale($0) }))
            for (i, v) in series.values.prefix(n).enumerated() {
                guard let v, v.isFinite else { continue }
                content.append(marker(s, x: x(i), y: scale(v), title: series.name + ", " + chart.categories[i] + ": " + chart.value.full(v, f)))
            }
        }
        let legend = legend(chart.series.map(\.name), top: plotHeight, width: width, dashed: true)
        content += legend.nodes
        let data = chart.series.map { series in
            series.name + ": " + chart.categories.indices.map { i in
                let v = i < series.values.count ? series.values[i] : nil
                return chart.categories[i] + " " + (v.map { chart.value.full($0, f) } ?? t[.chartNoValue])
            }.joined(separator: ", ")
        }
        return frame(id: chart.id, title: chart.title, description: joined(chart.summary, data.joined(separator: "; ")),
                     width: width, height: plotHeight + legend.height + 4, content)
    }

    /// One series as a path, broken where values are missing.
    static func seriesPath(_ series: LineChart.Series, index: Int, count: Int, x: (Int) -> Double, y: (Double) -> Double) -> Markup {
        var d = ""
        var drawing = false
        for (i, v) in series.values.prefix(count).enumerated() {
            guard let v, v.isFinite else { drawing = false; continue }
            d += (drawing ? " L" : (d.isEmpty ? "M" : " M")) + SVG.num(x(i)) + " " + SVG.num(y(v))
            drawing = true
        }
        var attributes: [(String, String)] = [("class", "series"), ("d", d.isEmpty ? "M0 0" : d), ("fill", "none"),
                                              ("stroke", Palette.color(index)), ("stroke-width", "2.5"), ("stroke-linejoin", "round")]
        if let dash = dash(index) { attributes.append(("stroke-dasharray", dash)) }
        return SVG.node("path", attributes, [SVG.title(series.name)])
    }
}
