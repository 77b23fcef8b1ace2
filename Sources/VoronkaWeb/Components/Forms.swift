import Plot

/// Names of the form fields that the views write and the controllers read.
public enum FormField {
    /// The CSRF token, in every POST form.
    public static let csrf = "csrf_token"
    /// Where to go back after a POST (the language switch).
    public static let returnTo = "return_to"
    public static let language = "language"
    /// The target stage of a board move.
    public static let stageID = "stage_id"
    /// Why a lead's decision overrides the triage suggestion.
    public static let reason = "reason"
    public static let email = "email"
    public static let password = "password"
    public static let currentPassword = "current_password"
    public static let passwordRepeat = "password_repeat"
    public static let name = "name"
    /// The title a rep confirms for the deal a lead becomes.
    public static let title = "title"
}

/// A form control's label, hint and error, and the ids that tie them together for assistive technology.
struct FieldInfo {
    let id: String
    let label: String
    var hint: String? = nil
    var error: String? = nil

    var hintID: String { id + "-hint" }
    var errorID: String { id + "-error" }
    /// The `aria-describedby` value: hint then error, or nil.
    var describedBy: String? {
        let ids = [hint.map { _ in hintID }, error.map { _ in errorID }].compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }
}

extension Node where Context: HTML.BodyContext {
    /// A POST form that carries the CSRF token.
    static func postForm(_ action: String, csrf: String, class className: String,
                         label: String? = nil, _ content: Node<HTML.FormContext>...) -> Node {
        .form(.attr("method", "post"), .attr("action", action), .class(className), .attr("aria-label", label),
              .hidden(FormField.csrf, csrf), .group(content))
    }

    /// A hidden input.
    static func hidden(_ name: String, _ value: String) -> Node {
        .input(.type(.hidden), .attr("name", name), .attr("value", value))
    }

    /// A submit button.
    static func submit(_ title: String, class className: String = "button", name: String? = nil, value: String? = nil) -> Node {
        .button(.type(.submit), .class(className), .attr("name", name), .attr("value", value), .plain(title))
    }

    /// A label, a control, and the control's hint and error under it.
    static func field(_ info: FieldInfo, class className: String = "field", _ control: Node) -> Node {
        .div(.class(info.error == nil ? className : className + " has-error"),
             .label(.attr("for", info.id), .plain(info.label)),
             control,
             .unwrap(info.hint) { .p(.class("hint"), .id(info.hintID), .plain($0)) },
             .unwrap(info.error) { .p(.class("field-error"), .id(info.errorID), .plain($0)) })
    }

    /// An `<input>` with its label; `type` is text, email, password, number, date, datetime-local...
    static func inputField(_ info: FieldInfo, name: String, type: String = "text", value: String? = nil,
                           required: Bool = false, extra: [Attribute<HTML.InputContext>] = []) -> Node {
        var attributes: [Attribute<HTML.InputContext>] = [.attr("id", info.id), .attr("name", name), .attr("type", type)]
        if let value { attributes.append(.attr("value", value)) }
        attributes.append(.flag("required", required))
        if let describedBy = info.describedBy { attributes.append(.attr("aria-describedby", describedBy)) }
        if info.error != nil { attributes.append(.attr("aria-invalid", "true")) }
        return .field(info, .selfClosedElement(named: "input", attributes: attributes + extra))
    }

    /// A `<textarea>` with its label.
    static func textAreaField(_ info: FieldInfo, name: String, value: String = "", rows: Int = 3, required: Bool = false) -> Node {
        .field(info, .textarea(.attr("id", info.id), .attr("name", name), .attr("rows", String(rows)),
                               .flag("required", required), .attr("aria-describedby", info.describedBy),
                               .if(info.error != nil, .attr("aria-invalid", "true")), .plain(value)))
    }

    /// A `<select>` with its label; `options` are value and label pairs.
    static func selectField(_ info: FieldInfo, name: String, options: [(value: String, label: String)], selected: String?) -> Node {
        .field(info, .select(.attr("id", info.id), .attr("name", name), .attr("aria-describedby", info.describedBy),
                             .each(options) { .choice($0.value, $0.label, selected: $0.value == selected) }))
    }

    /// A checkbox with its label after it, and its error under them.
    static func checkboxField(_ info: FieldInfo, name: String, checked: Bool) -> Node {
        .div(.class(info.error == nil ? "field field-check" : "field field-check has-error"),
             .input(.attr("id", info.id), .attr("name", name), .type(.checkbox), .attr("value", "true"), .flag("checked", checked),
                    info.error == nil ? .empty : .attr("aria-describedby", info.errorID)),
             .label(.attr("for", info.id), .plain(info.label)),
             .unwrap(info.error) { .p(.class("field-error"), .id(info.errorID), .plain($0)) })
    }

    /// The list of a form's errors at its top, each linking to its field.
    static func errorSummary(_ title: String, _ errors: [(fieldID: String, message: String)]) -> Node {
        // Focused on load (which scrolls it into view): a refused form far down a long page is where the eye lands.
        .if(!errors.isEmpty, .div(.class("banner banner-error"), .attr("role", "alert"), .attr("tabindex", "-1"), .flag("autofocus"),
            .p(.strong(.plain(title))),
            .ul(.each(errors) { e in .li(.a(.attr("href", "#" + e.fieldID), .plain(e.message))) })))
    }
}
