import Foundation
import VoronkaCore
import VoronkaWeb

/// Submitted form values turned into the API's input, and the API's field errors turned into what a form shows.
enum WebForms {
    /// How a form field's text becomes a JSON value.
    enum Kind {
        /// Text as typed; empty clears the field.
        case text
        /// A whole number or an id; empty clears.
        case number
        /// "true" or "false"; empty clears.
        case bool
        /// Local date and time of a `datetime-local` input, as an instant; empty clears.
        case localDateTime(utcOffsetMinutes: Int)
        /// A checkbox: checked is true, and a form without it means false (browsers leave unchecked boxes out).
        case flag
        /// Comma-separated words as a list of strings; empty is an empty list.
        case list
    }

    /// The input for the given fields that the form has; a field missing from the form is left unchanged (but a missing
    /// checkbox is false).
    static func input(_ form: [String: String], _ fields: [(String, Kind)]) -> [String: JSONValue] {
        var input: [String: JSONValue] = [:]
        for (name, kind) in fields {
            guard let raw = form[name] else {
                if case .flag = kind { input[name] = .bool(false) }
                continue
            }
            input[name] = value(raw.trimmingCharacters(in: .whitespacesAndNewlines), kind)
        }
        return input
    }

    /// A number as people type it (`1 234,50`, `3.5`), or the text as typed for the field check to refuse; nil when empty.
    static func number(_ text: String?) -> JSONValue? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        let plain = trimmed.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: ",", with: ".")
        return Double(plain).map(JSONValue.number) ?? .string(trimmed)
    }

    static func value(_ text: String, _ kind: Kind) -> JSONValue {
        if case .list = kind {
            return .array(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map(JSONValue.string))
        }
        if text.isEmpty { return .null }
        switch kind {
        case .text: return .string(text)
        case .number: return Double(text).map(JSONValue.number) ?? .string(text)
        case .bool, .flag: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        case .list: return .null
        case .localDateTime(let offset):
            // "2026-09-21T10:30" in the user's offset; anything else goes through as typed for the field check to name.
            guard let local = Timestamp.parse(text.count == 16 ? text + ":00Z" : text) else { return .string(text) }
            return .string(Timestamp.format(local.addingTimeInterval(-Double(offset) * 60)))
        }
    }

    /// A field error as a form shows it, in both languages: the field's label and the reason from its code.
    static func text(_ error: FieldError) -> BilingualText {
        BilingualText(en: Localizer(.en).fieldError(error), ru: Localizer(.ru).fieldError(error))
    }

    /// The field errors of a refused write, or nil when the error is of another kind.
    static func problems(_ error: DomainError) -> [FieldError]? {
        switch error {
        case .invalid(let errors): errors
        case .conflict(let error): [error]
        default: nil
        }
    }
}
