import Plot

extension Node {
    /// Body markup placed where Plot expects another context (inside `<details>`); it is rendered as it stands, so its
    /// text stays escaped.
    static func embed(_ markup: Markup) -> Node { .raw(markup.render()) }
}
