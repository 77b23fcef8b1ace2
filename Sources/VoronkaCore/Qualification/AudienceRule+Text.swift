import Foundation

extension AudienceRule {
    /// The operand of a rule from text as a person types it in a form: a number for the comparisons (a comma may be the
    /// decimal mark), a comma-separated list for `one_of`, and for `equals` whatever the field holds (a number, a flag,
    /// or text). Nil when the text is empty. Text that is not what the operator needs comes back as a string, so that
    /// the rule's own check names the problem.
    public static func operand(text: String, field: String, operator op: String) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        let number = Double(trimmed.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: ",", with: "."))
        switch op {
        case "greater", "greater_or_equal", "less", "less_or_equal":
            return number.map(JSONValue.number) ?? .string(trimmed)
        case "one_of":
            return .array(trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map(JSONValue.string))
        case "equals":
            switch AudienceField(field)?.kind {
            case .number?: return number.map(JSONValue.number) ?? .string(trimmed)
            case .any?:
                if trimmed == "true" || trimmed == "false" { return .bool(trimmed == "true") }
                return number.map(JSONValue.number) ?? .string(trimmed)
            default: return .string(trimmed)
            }
        default:
            return .string(trimmed)
        }
    }
}
