import Plot

/// Content of a page's `<body>`.
public typealias Markup = Node<HTML.BodyContext>

extension Node {
    /// Text, escaped exactly (see `Escape`).
    static func plain(_ s: String) -> Node { .raw(Escape.text(s)) }

    /// An attribute whose value is escaped; kept when empty (`value=""` matters in a form).
    static func attr(_ name: String, _ value: String) -> Node {
        .attribute(Attribute(name: name, value: Escape.attribute(value), ignoreIfValueIsEmpty: false))
    }

    /// An attribute only when there is a value.
    static func attr(_ name: String, _ value: String?) -> Node {
        value.map { .attr(name, $0) } ?? .empty
    }

    /// A boolean attribute such as `required`, present only when `on`.
    static func flag(_ name: String, _ on: Bool = true) -> Node {
        on ? .attribute(Attribute(name: name, value: nil, ignoreIfValueIsEmpty: false)) : .empty
    }

    /// An element Plot has no function for (`figure`, `svg`, `fieldset` children...).
    static func el(_ name: String, _ nodes: Node...) -> Node { .element(named: name, nodes: nodes) }

    /// Nodes made from a sequence, in order.
    static func each<S: Sequence>(_ items: S, _ make: (S.Element) -> Node) -> Node { .group(items.map(make)) }
}

extension Attribute {
    /// An attribute whose value is escaped; kept when empty.
    static func attr(_ name: String, _ value: String) -> Attribute {
        Attribute(name: name, value: Escape.attribute(value), ignoreIfValueIsEmpty: false)
    }

    /// A boolean attribute such as `required`, present only when `on`.
    static func flag(_ name: String, _ on: Bool = true) -> Attribute {
        on ? Attribute(name: name, value: nil, ignoreIfValueIsEmpty: false) : .empty
    }
}

extension Node where Context: HTMLOptionListContext {
    /// An `<option>` with an escaped label.
    static func choice(_ value: String, _ label: String, selected: Bool = false) -> Node {
        .element(named: "option", nodes: [.attr("value", value), .flag("selected", selected), .plain(label)])
    }
}
