import Plot

/// A step estimate with a shaded confidence band around it, such as a Kaplan–Meier curve with its 95 % interval.
public struct BandCurve: Sendable, Hashable {
    public struct Point: Sendable, Hashable {
        public var time: Double
        public var value: Double
        public var lower: Double
        public var upper: Double
        public init(time: Double, value: Double, lower: Double, upper: Double) {
            self.time = time; self.value = value; self.lower = lower; self.upper = upper
        }
    }

    public var id: String
    public var title: String
    public var summary: String
    /// Each value holds from its time until the next point's.
    public var points: [Point]
    public var estimateName: String
    public var bandName: String
    /// The time axis' caption, e.g. "days since the lead".
    public var timeLabel: String

    public init(id: String, title: String, summary: String, points: [Point], estimateName: String, bandName: String, timeLabel: String) {
        self.id = id; self.title = title; self.summary = summary; self.points = points
        self.estimateName = estimateName; self.bandName = bandName; self.timeLabel = timeLabel
    }
}

extension Charts {
    /// A share from 0 to 100 % against time: the band as a light area, the estimate as a step line over it.
    public static func bandCurve(_ chart: BandCurve, _ t: Localizer) -> Markup {
        let points = chart.points.filter { [$0.time, $0.value, $0.lower, $0.upper].allSatisfy(\.isFinite) }.sorted { $0.time < $1.time }
        guard let first = points.first, let last = points.last else { return empty(id: chart.id, title: chart.title, summary: chart.summary, t) }
        let f = t.format
        let width = 420.0, plotHeight = 290.0, top = 12.0, right = 16.0, bottom = plotHeight - 52
        // The axis fits the band (a conversion curve rarely nears 100 %), at least to 1 %.
        let yScale = ChartScale(min: 0, max: min(1, max(0.01, points.map(\.upper).max() ?? 1)), from: bottom, to: top)
        let left = max(40, (yScale.ticks.map { SVG.width(ChartValue.percent.short($0, f), size: 15) }.max() ?? 20) + 14)
        let xScale = ChartScale(min: min(0, first.time), max: last.time, count: 6, from: left, to: width - right)

        var content = valueAxis(yScale, value: .percent, left: left, right: width - right, f)
        for tick in xScale.ticks {
            content.append(SVG.line(x1: xScale(tick), y1: bottom, x2: xScale(tick), y2: bottom + 5, stroke: Palette.axis))
            content.append(SVG.text(f.trimmed(tick, maxDigits: 1), x: xScale(tick), y: plotHeight - 30, anchor: "middle", size: 15))
        }
        content.append(SVG.text(chart.timeLabel, x: left + (width - right - left) / 2, y: plotHeight - 8, anchor: "middle", size: 15,
                                fill: Palette.mutedText))
        content.append(SVG.node("path", [("class", "band"), ("d", bandPath(points, end: xScale.hi, x: { xScale($0) }, y: { yScale($0) })),
                                         ("fill", Palette.color(0)), ("fill-opacity", "0.18"), ("stroke", "none")],
                                [SVG.title(chart.bandName)]))
        content.append(SVG.node("path", [("class", "step"), ("d", stepPath(points.map { ($0.time, $0.value) }, end: xScale.hi, x: { xScale($0) }, y: { yScale($0) })),
                                         ("fill", "none"), ("stroke", Palette.color(0)), ("stroke-width", "2.5")],
                                [SVG.title(chart.estimateName)]))
        // The legend: a line for the estimate, a light box for the band.
        let legendY = plotHeight + 8
        var bandX = 34 + SVG.width(chart.estimateName, size: 15) + 24
        var bandY = legendY
        if bandX + 32 + SVG.width(chart.bandName, size: 15) > width { bandX = 0; bandY += 24 }
        content += [
            SVG.line(x1: 0, y1: legendY, x2: 26, y2: legendY, stroke: Palette.color(0), width: 3, extra: [("class", "legend-swatch")]),
            SVG.text(chart.estimateName, x: 32, y: legendY + 5, size: 15),
            SVG.leaf("rect", [("x", SVG.num(bandX)), ("y", SVG.num(bandY - 7)), ("width", "26"), ("height", "14"),
                              ("fill", Palette.color(0)), ("fill-opacity", "0.18"), ("stroke", Palette.color(0))]),
            SVG.text(chart.bandName, x: bandX + 32, y: bandY + 5, size: 15),
        ]
        let data = points.map { p in
            f.trimmed(p.time, maxDigits: 1) + " → " + f.percent(p.value, digits: 1) + " (" + f.percent(p.lower, digits: 1) + "–"
                + f.percent(p.upper, digits: 1) + ")"
        }
        return frame(id: chart.id, title: chart.title, description: joined(chart.summary, data.joined(separator: ", ")),
                     width: width, height: bandY + 16, content)
    }

    /// A step line through (time, value) pairs: flat until the next time, then straight up or down; the last value
    /// holds until `end`.
    static func stepPath(_ points: [(time: Double, value: Double)], end: Double, x: (Double) -> Double, y: (Double) -> Double) -> String {
        guard let first = points.first, let last = points.last else { return "M0 0" }
        var d = "M" + SVG.num(x(first.time)) + " " + SVG.num(y(first.value))
        for p in points.dropFirst() { d += " H" + SVG.num(x(p.time)) + " V" + SVG.num(y(p.value)) }
        return d + " H" + SVG.num(x(max(end, last.time)))
    }

    /// The band's outline: along the upper steps forward, back along the lower steps.
    static func bandPath(_ points: [BandCurve.Point], end: Double, x: (Double) -> Double, y: (Double) -> Double) -> String {
        var d = stepPath(points.map { ($0.time, $0.upper) }, end: end, x: x, y: y)
        d += " V" + SVG.num(y(points[points.count - 1].lower)) + " H" + SVG.num(x(points[points.count - 1].time))
        for i in stride(from: points.count - 1, to: 0, by: -1) {
            d += " H" + SVG.num(x(points[i].time)) + " V" + SVG.num(y(points[i - 1].lower))
        }
        d += " H" + SVG.num(x(points[0].time)) + " Z"
        return d
    }
}
