import Plot

/// A funnel: one horizontal bar per stage, centred, with the count and the conversion from the stage before.
public struct FunnelChart: Sendable, Hashable {
    public struct Stage: Sendable, Hashable {
        public var name: String
        public var count: Int
        public init(name: String, count: Int) { self.name = name; self.count = count }
    }

    public var id: String
    public var title: String
    public var summary: String
    public var stages: [Stage]

    public init(id: String, title: String, summary: String, stages: [Stage]) {
        self.id = id; self.title = title; self.summary = summary; self.stages = stages
    }
}

extension Charts {
    /// A funnel chart; a stage after one with no entries shows its conversion as "—".
    public static func funnel(_ chart: FunnelChart, _ t: Localizer) -> Markup {
        guard !chart.stages.isEmpty else { return empty(id: chart.id, title: chart.title, summary: chart.summary, t) }
        let f = t.format
        let width = 420.0, row = 60.0, barHeight = 24.0
        let largest = Double(max(1, chart.stages.map(\.count).max() ?? 1))
        var content: [Markup] = []
        var data: [String] = []
        for (i, stage) in chart.stages.enumerated() {
            let y = 4 + Double(i) * row
            let count = max(0, stage.count)
            let barWidth = count == 0 ? 0 : max(3, width * Double(count) / largest)
            var figures = f.number(stage.count)
            var spoken = stage.name + ": " + f.number(stage.count)
            if i > 0 {
                let previous = chart.stages[i - 1].count
                let share = previous > 0 ? f.percent(Double(stage.count) / Double(previous), digits: 0) : Format.dash
                figures += " · " + share
                spoken += " (" + t(.chartOfPrevious, ["percent": share]) + ")"
            }
            data.append(spoken)
            content.append(SVG.text(SVG.truncate(stage.name, 32), x: 0, y: y + 17, size: 16, extra: [("font-weight", "600")]))
            content.append(SVG.text(figures, x: width, y: y + 17, anchor: "end", size: 16))
            content.append(SVG.node("rect", [
                ("class", "funnel-stage"), ("x", SVG.num((width - barWidth) / 2)), ("y", SVG.num(y + 26)),
                ("width", SVG.num(barWidth)), ("height", SVG.num(barHeight)), ("rx", "3"), ("fill", Palette.color(0)),
            ], [SVG.title(spoken)]))
        }
        return frame(id: chart.id, title: chart.title, description: joined(chart.summary, data.joined(separator: "; ")),
                     width: width, height: 8 + Double(chart.stages.count) * row, content)
    }
}
