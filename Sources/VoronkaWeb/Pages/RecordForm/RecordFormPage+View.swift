import Plot
import VoronkaCore

extension RecordFormPage {
    static let cancel = BilingualText(en: "Cancel", ru: "Отмена")

    public static func view(_ model: Model) -> HTML {
        let t = model.shell.localizer
        let summary = model.fields.compactMap { f in model.errors[f.name].map { (fieldID: fieldID(f), message: f.label + ": " + $0) } }
        return Layout.page(model.shell, title: model.title,
            .h1(.plain(model.title)),
            .unwrap(model.subtitle) { .p(.class("subtitle"), .plain($0)) },
            .errorSummary(t[.formErrors], summary),
            .postForm(model.action, csrf: model.shell.csrfToken, class: "grid-form record-form",
                .group(model.fields.map { field($0, error: model.errors[$0.name]) }),
                .div(.class("form-actions"),
                     .submit(model.submitLabel, class: "button button-primary"),
                     .a(.class("button button-quiet"), .attr("href", model.cancelURL), .plain(t.pick(cancel))))))
    }

    static func fieldID(_ f: Field) -> String {
        if case .checkboxes(let options) = f.control, let first = options.first { return "record-\(f.name)-\(first.value)" }
        return "record-" + f.name
    }

    static func field(_ f: Field, error: String?) -> Node<HTML.FormContext> {
        let info = FieldInfo(id: fieldID(f), label: f.label, hint: f.hint, error: error)
        switch f.control {
        case .hidden:
            return .hidden(f.name, f.value)
        case .text(let max):
            return .inputField(info, name: f.name, value: f.value, required: f.required, extra: [.attr("maxlength", String(max))])
        case .email:
            return .inputField(info, name: f.name, type: "email", value: f.value, required: f.required, extra: [.attr("autocomplete", "email")])
        case .phone:
            return .inputField(info, name: f.name, type: "tel", value: f.value, required: f.required, extra: [.attr("autocomplete", "tel")])
        case .number:
            return .inputField(info, name: f.name, value: f.value, required: f.required, extra: [.attr("inputmode", "decimal"), .attr("autocomplete", "off")])
        case .date:
            return .inputField(info, name: f.name, type: "date", value: f.value, required: f.required)
        case .dateTime:
            return .inputField(info, name: f.name, type: "datetime-local", value: f.value, required: f.required)
        case .textArea(let rows):
            return .textAreaField(info, name: f.name, value: f.value, rows: rows, required: f.required)
        case .select(let options):
            return .selectField(info, name: f.name, options: options.map { ($0.value, $0.label) }, selected: f.value)
        case .checkboxes(let options):
            let chosen = Set(f.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            return .fieldset(.class(error == nil ? "choices wide" : "choices wide has-error"),
                .el("legend", .plain(f.label)),
                .unwrap(error) { .p(.class("field-error"), .id(info.errorID), .plain($0)) },
                .group(options.map { o in
                    .div(.class("choice"),
                         .input(.attr("type", "checkbox"), .attr("id", "record-\(f.name)-\(o.value)"), .attr("name", f.name + "." + o.value),
                                .attr("value", "true"), .flag("checked", chosen.contains(o.value))),
                         .label(.attr("for", "record-\(f.name)-\(o.value)"), .plain(o.label)))
                }))
        }
    }
}
