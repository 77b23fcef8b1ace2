import VoronkaCore

/// A form that creates or edits a company, contact, lead or deal, from the pages where one looks for them (the
/// companies list, a company page, the inbox, a board column, a deal's buying centre). It writes through the API's
/// services, so the same checks and the same journal apply; a refused form comes back with what was typed and each
/// field's problem.
public enum RecordFormPage {
    /// How a field is entered.
    public enum Control: Sendable, Hashable {
        case text(maxLength: Int)
        case textArea(rows: Int)
        /// Digits, spaces and a decimal comma or point (an amount or a number).
        case number
        case email
        case phone
        case date
        /// A local date and time (`datetime-local`), in the user's time zone.
        case dateTime
        case select(options: [Option])
        /// Several of the options (`roles`), sent as a comma-separated list.
        case checkboxes(options: [Option])
        case hidden
    }

    public struct Option: Sendable, Hashable {
        public var value: String
        public var label: String
        public init(_ value: String, _ label: String) { self.value = value; self.label = label }
    }

    public struct Field: Sendable, Hashable {
        /// The stored field's name, as the API takes it.
        public var name: String
        public var label: String
        public var control: Control
        public var value: String
        public var required: Bool
        public var hint: String?
        public init(name: String, label: String, control: Control, value: String = "", required: Bool = false, hint: String? = nil) {
            self.name = name; self.label = label; self.control = control; self.value = value; self.required = required; self.hint = hint
        }
    }

    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var title: String
        /// A line under the title (the company a contact joins, the stage a deal starts in).
        public var subtitle: String?
        public var fields: [Field]
        /// POST target.
        public var action: String
        public var cancelURL: String
        public var submitLabel: String
        /// Problems by field name, in the user's language.
        public var errors: [String: String]

        public init(shell: Shell, title: String, subtitle: String? = nil, fields: [Field], action: String, cancelURL: String,
                    submitLabel: String, errors: [String: String] = [:]) {
            self.shell = shell; self.title = title; self.subtitle = subtitle; self.fields = fields; self.action = action
            self.cancelURL = cancelURL; self.submitLabel = submitLabel; self.errors = errors
        }
    }
}
