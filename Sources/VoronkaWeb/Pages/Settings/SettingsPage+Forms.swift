import Plot
import VoronkaCore

extension SettingsPage {
    /// One form's values and errors: the submission's when it is this form, else the stored values and no errors.
    struct FormState {
        let key: String
        let submission: Submission?
        let stored: [String: String]

        init(_ key: String, _ submission: Submission?, stored: [String: String] = [:]) {
            self.key = key
            self.submission = submission?.form == key ? submission : nil
            self.stored = stored
        }

        /// Whether this form was sent and refused.
        var refused: Bool { submission != nil }

        func value(_ name: String) -> String { submission.map { $0.values[name] ?? "" } ?? stored[name] ?? "" }

        func checked(_ name: String) -> Bool { value(name) == "true" }

        func error(_ name: String) -> String? { submission?.errors[name] }

        func info(_ name: String, _ label: String, hint: String? = nil) -> FieldInfo {
            FieldInfo(id: key + "-" + name.replacingOccurrences(of: "_", with: "-"), label: label, hint: hint, error: error(name))
        }

        /// The errors for the summary at the form's top, in the given field order, then any others.
        func summary(_ order: [String]) -> [(fieldID: String, message: String)] {
            guard let errors = submission?.errors else { return [] }
            let known = order.filter { errors[$0] != nil }
            let others = errors.keys.filter { !order.contains($0) }.sorted()
            return (known + others).compactMap { name in errors[name].map { (fieldID: info(name, "").id, message: $0) } }
        }
    }

    /// A text input of a form state.
    static func text(_ s: FormState, _ name: String, _ label: String, type: String = "text", required: Bool = false, hint: String? = nil,
                     extra: [Attribute<HTML.InputContext>] = []) -> Node<HTML.FormContext> {
        .inputField(s.info(name, label, hint: hint), name: name, type: type, value: s.value(name), required: required, extra: extra)
    }

    /// A whole-number input with bounds.
    static func number(_ s: FormState, _ name: String, _ label: String, min: Int, max: Int, required: Bool = false, hint: String? = nil) -> Node<HTML.FormContext> {
        text(s, name, label, type: "number", required: required, hint: hint,
             extra: [.attr("min", String(min)), .attr("max", String(max)), .attr("step", "1"), .attr("inputmode", "numeric")])
    }

    /// An amount in major units with a decimal point.
    static func moneyInput(_ s: FormState, _ name: String, _ label: String, required: Bool = false, hint: String? = nil) -> Node<HTML.FormContext> {
        text(s, name, label, required: required, hint: hint, extra: [.attr("inputmode", "decimal"), .attr("autocomplete", "off")])
    }

    static func select(_ s: FormState, _ name: String, _ label: String, _ options: [(value: String, label: String)]) -> Node<HTML.FormContext> {
        .selectField(s.info(name, label), name: name, options: options, selected: s.value(name))
    }

    static func checkbox(_ s: FormState, _ name: String, _ label: String) -> Node<HTML.FormContext> {
        .checkboxField(s.info(name, label), name: name, checked: s.checked(name))
    }

    /// A POST form with its error summary; the summary's links lead to the fields.
    static func form(_ model: Model, _ s: FormState, action: String, label: String, order: [String], submit: String,
                     _ fields: Node<HTML.FormContext>...) -> Markup {
        let t = model.shell.localizer
        return .div(.class("settings-form"), .id(s.key),
            .errorSummary(t[.formErrors], s.summary(order)),
            .postForm(action, csrf: model.shell.csrfToken, class: "grid-form", label: label,
                      .group(fields),
                      .div(.class("form-actions"), .submit(submit, class: "button button-primary"))))
    }

    /// A number for an input: digits only, no grouping.
    static func plain(_ n: Int64?) -> String { n.map { String($0) } ?? "" }

    /// The stored text of a flag.
    static func flagValue(_ b: Bool) -> String { b ? "true" : "" }
}
