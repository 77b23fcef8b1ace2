import Plot

/// Small builders for SVG inside HTML; every attribute value and text is escaped.
enum SVG {
    /// A coordinate: at most one decimal, a dot, never `-0`.
    static func num(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let r = (x * 10).rounded() / 10
        if r == 0 { return "0" }
        if r == r.rounded() { return String(Int64(r)) }
        return String(r)
    }

    /// An element with attributes and children.
    static func node(_ name: String, _ attributes: [(String, String)], _ children: [Markup] = []) -> Markup {
        .element(named: name, nodes: attributes.map { Markup.attr($0.0, $0.1) } + children)
    }

    /// A self-closed element (`<rect/>`, `<line/>`).
    static func leaf(_ name: String, _ attributes: [(String, String)]) -> Markup {
        .selfClosedElement(named: name, attributes: attributes.map { Attribute<HTML.BodyContext>.attr($0.0, $0.1) })
    }

    /// A text label; `anchor` is start, middle or end.
    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 14,
                     fill: String = Palette.text, extra: [(String, String)] = []) -> Markup {
        node("text", [("x", num(x)), ("y", num(y)), ("text-anchor", anchor), ("font-size", num(size)), ("fill", fill)] + extra,
             [.plain(s)])
    }

    /// A tooltip and accessible name for the element it is in.
    static func title(_ s: String) -> Markup { node("title", [], [.plain(s)]) }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, extra: [(String, String)] = []) -> Markup {
        leaf("line", [("x1", num(x1)), ("y1", num(y1)), ("x2", num(x2)), ("y2", num(y2)), ("stroke", stroke),
                      ("stroke-width", num(width))] + extra)
    }

    /// About how wide a text is at a font size, for layout (no font metrics on the server).
    static func width(_ s: String, size: Double) -> Double { Double(s.count) * size * 0.58 }

    /// A label cut to `limit` characters with an ellipsis.
    static func truncate(_ s: String, _ limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(max(1, limit - 1))) + "…"
    }
}
