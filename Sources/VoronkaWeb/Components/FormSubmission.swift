/// A form that was sent and refused: which form, what was typed (never a secret), and what is wrong with each field,
/// in the user's language. The page shows it again with each message beside its field.
public struct FormSubmission: Sendable, Hashable {
    /// The form's key, e.g. `stage-12`, `new-user`, `password`.
    public var form: String
    /// The submitted values by field name.
    public var values: [String: String]
    /// Messages by field name, in the user's language.
    public var errors: [String: String]

    public init(form: String, values: [String: String], errors: [String: String]) {
        self.form = form; self.values = values; self.errors = errors
    }
}
