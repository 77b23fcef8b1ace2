import Plot
@testable import VoronkaWeb

/// Rendered markup and a few structural questions about it, asked without an HTML parser.
struct Inspect {
    let html: String

    init(_ document: HTML) { html = document.render() }
    init(_ markup: Markup) { html = markup.render() }

    /// How often `s` occurs.
    func count(_ s: String) -> Int {
        guard !s.isEmpty else { return 0 }
        return html.components(separatedBy: s).count - 1
    }

    func has(_ s: String) -> Bool { html.contains(s) }

    /// Every `id="..."` value, in order.
    var ids: [String] { values(of: "id") }

    /// The values of an attribute, wherever it appears.
    func values(of attribute: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    /// The opening tags (`<input ...>`) of an element, attributes included.
    func tags(_ name: String) -> [String] {
        html.components(separatedBy: "<\(name)").dropFirst().filter { $0.first == " " || $0.first == ">" || $0.first == "/" }
            .map { "<\(name)" + ($0.split(separator: ">", maxSplits: 1).first.map(String.init) ?? "") + ">" }
    }

    /// Each `<form ...>...</form>` (forms do not nest).
    var forms: [String] {
        html.components(separatedBy: "<form").dropFirst().map { "<form" + ($0.components(separatedBy: "</form>").first ?? "") + "</form>" }
    }

    /// Elements left open or closed out of order; void and self-closed elements are fine.
    var nestingErrors: [String] {
        let void: Set<String> = ["meta", "link", "input", "br", "hr", "img", "source", "area", "base", "col", "embed", "wbr"]
        var stack: [String] = []
        var errors: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { errors.append("unterminated tag"); break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst())
                if stack.last == name { stack.removeLast() } else { errors.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
                continue
            }
            let name = String(tag.prefix { $0 != " " && $0 != "/" })
            if tag.hasSuffix("/") || void.contains(name) { continue }
            stack.append(name)
            if name == "script" || name == "style", let end = rest.range(of: "</\(name)>") {
                rest = rest[end.lowerBound...]
            }
        }
        return errors + stack.map { "<\($0)> never closed" }
    }

    /// Ids that appear more than once.
    var duplicateIDs: [String] {
        Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.map(\.key).sorted()
    }

    /// Visible form controls without a `<label for>` or an aria-label.
    var unlabelledControls: [String] {
        let labelled = Set(values(of: "for"))
        return (tags("input") + tags("select") + tags("textarea")).filter { tag in
            guard !tag.contains("type=\"hidden\"") else { return false }
            if tag.contains("aria-label=") { return false }
            guard let id = tag.components(separatedBy: " id=\"").dropFirst().first?.split(separator: "\"").first else { return true }
            return !labelled.contains(String(id))
        }
    }

    /// POST forms that do not carry the CSRF token.
    var postFormsWithoutToken: [String] {
        forms.filter { $0.contains("method=\"post\"") && !$0.contains("name=\"csrf_token\" value=\"tok-123\"") }
    }
}
