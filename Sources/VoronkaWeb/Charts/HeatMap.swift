import Plot

/// A grid of rows × columns coloured by value (e.g. cohorts × months since), with a colour legend;
/// cells that are not final yet ("immature") are hatched.
public struct HeatMap: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        /// Nil for no value (shown as "—").
        public var value: Double?
        /// The value may still change (a young cohort); drawn hatched and in italics.
        public var immature: Bool
        public init(value: Double?, immature: Bool = false) { self.value = value; self.immature = immature }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var rows: [String]
    public var columns: [String]
    /// `cells[row][column]`; missing cells count as no value.
    public var cells: [[Cell]]
    public var value: ChartValue

    public init(id: String, title: String, summary: String, rows: [String], columns: [String], cells: [[Cell]], value: ChartValue) {
        self.id = id; self.title = title; self.summary = summary; self.rows = rows; self.columns = columns
        self.cells = cells; self.value = value
    }

    func cell(_ r: Int, _ c: Int) -> Cell {
        r < cells.count && c < cells[r].count ? cells[r][c] : Cell(value: nil)
    }
}

extension Charts {
    /// A heat map; the legend shows five steps of the scale and, when any cell is immature, the hatch.
    public static func heatMap(_ chart: HeatMap, _ t: Localizer) -> Markup {
        guard !chart.rows.isEmpty, !chart.columns.isEmpty else { return empty(id: chart.id, title: chart.title, summary: chart.summary, t) }
        let cellWidth = 64.0, cellHeight = 34.0, top = 30.0
        let left = min(170, max(60, (chart.rows.map { SVG.width(SVG.truncate($0, 18), size: 15) }.max() ?? 40) + 12))
        let width = max(360, left + Double(chart.columns.count) * cellWidth + 4)
        let values = chart.cells.flatMap { $0.compactMap(\.value) }.filter(\.isFinite)
        let lo = min(0, values.min() ?? 0)
        let hi = max(values.max() ?? 1, lo + (chart.value == .percent ? 0.01 : 1))
        let hatch = chart.id + "-immature"
        let anyImmature = chart.rows.indices.contains { r in chart.columns.indices.contains { chart.cell(r, $0).immature } }

        var content: [Markup] = [SVG.node("defs", [], [
            SVG.node("pattern", [("id", hatch), ("width", "6"), ("height", "6"), ("patternUnits", "userSpaceOnUse"),
                                 ("patternTransform", "rotate(45)")],
                     [SVG.line(x1: 0, y1: 0, x2: 0, y2: 6, stroke: Palette.mutedText, width: 2, extra: [("stroke-opacity", "0.55")])]),
        ])]
        for (c, column) in chart.columns.enumerated() {
            content.append(SVG.text(SVG.truncate(column, 7), x: left + (Double(c) + 0.5) * cellWidth, y: top - 10, anchor: "middle", size: 15))
        }
        var data: [String] = []
        for (r, row) in chart.rows.enumerated() {
            let y = top + Double(r) * cellHeight
            content.append(SVG.text(SVG.truncate(row, 18), x: left - 8, y: y + cellHeight / 2 + 5, anchor: "end", size: 15))
            var rowData: [String] = []
            for (c, column) in chart.columns.enumerated() {
                let cell = chart.cell(r, c)
                let x = left + Double(c) * cellWidth
                let (nodes, spoken) = heatCell(cell, row: row, column: column, x: x, y: y, size: (cellWidth, cellHeight),
                                               range: (lo, hi), hatch: hatch, value: chart.value, t)
                content += nodes
                rowData.append(column + " " + spoken)
            }
            data.append(row + ": " + rowData.joined(separator: ", "))
        }
        let legendTop = top + Double(chart.rows.count) * cellHeight + 14
        content += heatLegend(top: legendTop, range: (lo, hi), hatch: anyImmature ? hatch : nil, value: chart.value, t)
        return frame(id: chart.id, title: chart.title, description: joined(chart.summary, data.joined(separator: "; ")),
                     width: width, height: legendTop + (anyImmature ? 64 : 38), content)
    }

    static func heatCell(_ cell: HeatMap.Cell, row: String, column: String, x: Double, y: Double, size: (w: Double, h: Double),
                         range: (lo: Double, hi: Double), hatch: String, value: ChartValue, _ t: Localizer) -> (nodes: [Markup], spoken: String) {
        let f = t.format
        guard let v = cell.value, v.isFinite else {
            let spoken = t[.chartNoValue]
            return ([SVG.node("rect", [("class", "heat-cell"), ("x", SVG.num(x + 1)), ("y", SVG.num(y + 1)), ("width", SVG.num(size.w - 2)),
                                       ("height", SVG.num(size.h - 2)), ("fill", Palette.empty), ("stroke", Palette.grid)],
                              [SVG.title(row + ", " + column + ": " + spoken)]),
                     SVG.text("—", x: x + size.w / 2, y: y + size.h / 2 + 5, anchor: "middle", size: 13, fill: Palette.mutedText)],
                    spoken)
        }
        let fill = Palette.heatColor((v - range.lo) / (range.hi - range.lo))
        let spoken = value.full(v, f) + (cell.immature ? " (" + t[.chartImmature] + ")" : "")
        var nodes: [Markup] = [SVG.node("rect", [("class", cell.immature ? "heat-cell immature" : "heat-cell"), ("x", SVG.num(x + 1)),
                                                 ("y", SVG.num(y + 1)), ("width", SVG.num(size.w - 2)), ("height", SVG.num(size.h - 2)),
                                                 ("fill", fill)],
                                        [SVG.title(row + ", " + column + ": " + spoken)])]
        if cell.immature {
            nodes.append(SVG.leaf("rect", [("x", SVG.num(x + 1)), ("y", SVG.num(y + 1)), ("width", SVG.num(size.w - 2)),
                                           ("height", SVG.num(size.h - 2)), ("fill", "url(#\(hatch))"), ("pointer-events", "none")]))
        }
        var text: [(String, String)] = [("pointer-events", "none")]
        if cell.immature { text.append(("font-style", "italic")) }
        nodes.append(SVG.text(value.short(v, f), x: x + size.w / 2, y: y + size.h / 2 + 5, anchor: "middle", size: 15,
                              fill: Palette.textColor(on: fill), extra: text))
        return (nodes, spoken)
    }

    /// Five swatches from the lowest to the highest value, then the hatch for immature cells.
    static func heatLegend(top: Double, range: (lo: Double, hi: Double), hatch: String?, value: ChartValue, _ t: Localizer) -> [Markup] {
        let f = t.format
        var nodes: [Markup] = []
        for i in 0..<5 {
            let share = Double(i) / 4
            let x = Double(i) * 64
            nodes.append(SVG.leaf("rect", [("class", "legend-step"), ("x", SVG.num(x)), ("y", SVG.num(top)), ("width", "60"), ("height", "12"),
                                           ("fill", Palette.heatColor(share)), ("stroke", Palette.grid)]))
            nodes.append(SVG.text(value.short(range.lo + share * (range.hi - range.lo), f), x: x, y: top + 30, size: 14, fill: Palette.mutedText))
        }
        if let hatch {
            nodes.append(SVG.leaf("rect", [("x", "0"), ("y", SVG.num(top + 38)), ("width", "24"), ("height", "14"), ("fill", Palette.heatColor(0.2)),
                                           ("stroke", Palette.grid)]))
            nodes.append(SVG.leaf("rect", [("x", "0"), ("y", SVG.num(top + 38)), ("width", "24"), ("height", "14"), ("fill", "url(#\(hatch))")]))
            nodes.append(SVG.text(t[.chartImmature], x: 32, y: top + 51, size: 15, extra: [("font-style", "italic")]))
        }
        return nodes
    }
}
