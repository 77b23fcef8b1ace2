import Plot

/// Vertical bars over categories, with a value axis, grid lines and labels.
public struct BarChart: Sendable, Hashable {
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Double
        public init(label: String, value: Double) { self.label = label; self.value = value }
    }

    /// Unique on the page: the title and description ids derive from it.
    public var id: String
    public var title: String
    /// One or two sentences on what the chart shows; the values follow it in the description.
    public var summary: String
    public var bars: [Bar]
    public var value: ChartValue
    /// A caption over the value axis, e.g. "₽" or "deals".
    public var axisLabel: String?

    public init(id: String, title: String, summary: String, bars: [Bar], value: ChartValue, axisLabel: String? = nil) {
        self.id = id; self.title = title; self.summary = summary; self.bars = bars; self.value = value; self.axisLabel = axisLabel
    }
}

extension Charts {
    /// A bar chart; negative values hang below the zero line, values that are not finite draw no bar.
    public static func bar(_ chart: BarChart, _ t: Localizer) -> Markup {
        guard !chart.bars.isEmpty else { return empty(id: chart.id, title: chart.title, summary: chart.summary, t) }
        let f = t.format
        let width = 420.0, height = 300.0
        let top = chart.axisLabel == nil ? 22.0 : 40.0, bottom = 46.0, right = 12.0
        let values = chart.bars.map(\.value).filter(\.isFinite)
        let scale = ChartScale(min: min(0, values.min() ?? 0), max: max(0, values.max() ?? 0), integers: chart.value.integers,
                               from: height - bottom, to: top)
        let labelWidth = scale.ticks.map { SVG.width(chart.value.short($0, f), size: 15) }.max() ?? 20
        let left = max(40, labelWidth + 14)
        let band = (width - left - right) / Double(chart.bars.count)
        let barWidth = min(56, band * 0.72)
        let zero = scale(0)

        var content: [Markup] = []
        if let axisLabel = chart.axisLabel {
            content.append(SVG.text(axisLabel, x: 0, y: 16, size: 15, fill: Palette.mutedText))
        }
        content += valueAxis(scale, value: chart.value, left: left, right: width - right, f)
        for (i, bar) in chart.bars.enumerated() where bar.value.isFinite {
            let y = scale(bar.value)
            let x = left + band * Double(i) + (band - barWidth) / 2
            content.append(SVG.node("rect", [
                ("class", "bar"), ("x", SVG.num(x)), ("y", SVG.num(min(y, zero))), ("width", SVG.num(barWidth)),
                ("height", SVG.num(abs(zero - y))), ("fill", Palette.color(0)),
            ], [SVG.title(bar.label + ": " + chart.value.full(bar.value, f))]))
            // A bar's value over it only when it fits its band: neighbours' values never overlap (all are in the
            // bar's tooltip, the chart's description and the table under it).
            let valueText = chart.value.short(bar.value, f)
            if bar.value != 0, SVG.width(valueText, size: 14) <= band - 4 {
                let above = bar.value >= 0
                content.append(SVG.text(valueText, x: x + barWidth / 2, y: above ? min(y, zero) - 6 : max(y, zero) + 17,
                                        anchor: "middle", size: 14, fill: Palette.text, extra: [("class", "bar-value")]))
            }
        }
        content += categoryLabels(chart.bars.map(\.label), x: { left + band * (Double($0) + 0.5) }, band: band, y: height - bottom + 20)
        let data = chart.bars.map { $0.label + ": " + ($0.value.isFinite ? chart.value.full($0.value, f) : t[.chartNoValue]) }
        return frame(id: chart.id, title: chart.title, description: joined(chart.summary, data.joined(separator: "; ")),
                     width: width, height: height, content)
    }
}
