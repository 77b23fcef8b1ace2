import Plot

/// Charts as inline SVG made on the server: each a pure function from data to markup, with `role="img"`, a `<title>` and
/// a `<desc>` that lists the data, a `viewBox` so it scales to the screen, and colours and dashes that survive print.
public enum Charts {}

/// What a chart's values are, which decides how its ticks and labels are written.
public enum ChartValue: Sendable, Hashable {
    /// Whole counts.
    case count
    /// Amounts in major units (roubles, not kopecks) of a currency.
    case money(currency: String)
    /// Shares from 0 to 1, shown as percentages.
    case percent
    /// Plain numbers (days, ratios) with up to one decimal.
    case number

    var integers: Bool { self == .count }

    /// A short label for an axis tick or a bar's top.
    func short(_ v: Double, _ f: Format) -> String {
        switch self {
        case .count, .money: f.compact(v)
        case .percent: f.percent(v, digits: abs((v * 100).rounded() - v * 100) < 1e-9 ? 0 : 1)
        case .number: f.trimmed(v, maxDigits: 1)
        }
    }

    /// The full value, for tooltips and the description.
    func full(_ v: Double, _ f: Format) -> String {
        switch self {
        case .count: f.number(Int64(v.rounded()))
        case .money(let currency): f.money(Int64((v * 100).rounded()), currency: currency, cents: false)
        case .percent: f.percent(v, digits: 1)
        case .number: f.trimmed(v, maxDigits: 2)
        }
    }
}

extension Charts {
        /// The `<svg>` element with its accessible name and description. It has its natural size (one unit a pixel, text at
    /// 14–16px) and a viewBox, so the stylesheet can shrink it to a phone's width; below 20rem its figure scrolls.
    static func frame(id: String, title: String, description: String, width: Double, height: Double, _ content: [Markup]) -> Markup {
        let head: [Markup] = [
            SVG.node("title", [("id", id + "-title")], [.plain(title)]),
            SVG.node("desc", [("id", id + "-desc")], [.plain(description)]),
        ]
        return SVG.node("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("id", id), ("class", "chart"),
                                ("viewBox", "0 0 \(SVG.num(width)) \(SVG.num(height))"), ("width", SVG.num(width)), ("height", SVG.num(height)), ("role", "img"),
                                ("aria-labelledby", id + "-title"), ("aria-describedby", id + "-desc"),
                                ("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif")],
                        head + content)
    }

    /// A chart with nothing to draw: the frame and a centred "No data".
    static func empty(id: String, title: String, summary: String, _ t: Localizer, width: Double = 420, height: Double = 160) -> Markup {
        frame(id: id, title: title, description: joined(summary, t[.chartNoData]), width: width, height: height, [
            SVG.leaf("rect", [("x", "0.5"), ("y", "0.5"), ("width", SVG.num(width - 1)), ("height", SVG.num(height - 1)),
                              ("fill", Palette.empty), ("stroke", Palette.grid)]),
            SVG.text(t[.chartNoData], x: width / 2, y: height / 2 + 6, anchor: "middle", size: 17, fill: Palette.mutedText),
        ])
    }

    /// Sentences joined with a space, each ending in a full stop.
    static func joined(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")
    }

    /// Horizontal grid lines and their labels on the left.
    static func valueAxis(_ scale: ChartScale, value: ChartValue, left: Double, right: Double, _ f: Format) -> [Markup] {
        scale.ticks.flatMap { tick -> [Markup] in
            let y = scale(tick)
            return [
                SVG.line(x1: left, y1: y, x2: right, y2: y, stroke: tick == 0 ? Palette.axis : Palette.grid, width: tick == 0 ? 1.5 : 1),
                SVG.text(value.short(tick, f), x: left - 8, y: y + 5, anchor: "end", size: 15, fill: Palette.mutedText),
            ]
        }
    }

    /// Labels under evenly spaced categories, thinned so that they do not overlap.
    static func categoryLabels(_ labels: [String], x: (Int) -> Double, band: Double, y: Double) -> [Markup] {
        let shown = labels.map { SVG.truncate($0, 14) }
        let widest = shown.map { SVG.width($0, size: 15) }.max() ?? 0
        let every = max(1, Int(((widest + 8) / max(band, 1)).rounded(.up)))
        return shown.indices.filter { $0 % every == 0 }.map { i in
            SVG.text(shown[i], x: x(i), y: y, anchor: "middle", size: 15, fill: Palette.text)
        }
    }

    /// A legend: a swatch (line with its dash and marker) and a name per series, wrapped into rows.
    static func legend(_ names: [String], top: Double, width: Double, dashed: Bool) -> (nodes: [Markup], height: Double) {
        var nodes: [Markup] = []
        var x = 0.0, y = top
        for (i, name) in names.enumerated() {
            let label = SVG.truncate(name, 28)
            let itemWidth = 34 + SVG.width(label, size: 15) + 18
            if x > 0, x + itemWidth > width { x = 0; y += 24 }
            var swatch: [(String, String)] = [("class", "legend-swatch")]
            if dashed, let dash = dash(i) { swatch.append(("stroke-dasharray", dash)) }
            nodes.append(SVG.node("g", [("class", "legend-item")], [
                SVG.line(x1: x, y1: y + 8, x2: x + 26, y2: y + 8, stroke: Palette.color(i), width: 3, extra: swatch),
                marker(i, x: x + 13, y: y + 8),
                SVG.text(label, x: x + 32, y: y + 13, size: 15),
            ]))
            x += itemWidth
        }
        return (nodes, names.isEmpty ? 0 : y - top + 24)
    }

    /// The dash pattern of series `i` (none for the first).
    static func dash(_ i: Int) -> String? { [nil, "7 4", "2 3", "9 3 2 3"][i % 4] }

    /// The marker of series `i`: circle, square, triangle or diamond.
    static func marker(_ i: Int, x: Double, y: Double, title: String? = nil) -> Markup {
        let color = Palette.color(i)
        let children = title.map { [SVG.title($0)] } ?? []
        let common: [(String, String)] = [("fill", color), ("stroke", "#ffffff"), ("stroke-width", "1"), ("class", "marker")]
        switch i % 4 {
        case 0: return SVG.node("circle", [("cx", SVG.num(x)), ("cy", SVG.num(y)), ("r", "4.5")] + common, children)
        case 1: return SVG.node("rect", [("x", SVG.num(x - 4)), ("y", SVG.num(y - 4)), ("width", "8"), ("height", "8")] + common, children)
        case 2:
            let points = "\(SVG.num(x)),\(SVG.num(y - 5)) \(SVG.num(x + 5)),\(SVG.num(y + 4)) \(SVG.num(x - 5)),\(SVG.num(y + 4))"
            return SVG.node("polygon", [("points", points)] + common, children)
        default:
            let points = "\(SVG.num(x)),\(SVG.num(y - 5)) \(SVG.num(x + 5)),\(SVG.num(y)) \(SVG.num(x)),\(SVG.num(y + 5)) \(SVG.num(x - 5)),\(SVG.num(y))"
            return SVG.node("polygon", [("points", points)] + common, children)
        }
    }
}
