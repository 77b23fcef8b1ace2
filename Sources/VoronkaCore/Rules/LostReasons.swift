import Foundation

/// Why deals are lost: the list offered when a deal moves to a lost stage (an admin's, or the standard one), and how a
/// choice and a note become the deal's `lost_reason`.
public enum LostReasons {
    /// The list while an admin has set none.
    public static let standard: [BilingualText] = [
        BilingualText(en: "Price too high", ru: "Высокая цена"),
        BilingualText(en: "Chose a competitor", ru: "Выбрали конкурента"),
        BilingualText(en: "No budget", ru: "Нет бюджета"),
        BilingualText(en: "Project cancelled or postponed indefinitely", ru: "Проект отменён или отложен без срока"),
        BilingualText(en: "Lost the tender", ru: "Проиграли тендер"),
        BilingualText(en: "Stopped answering", ru: "Клиент перестал отвечать"),
        BilingualText(en: "Not our profile", ru: "Не наш профиль"),
    ]

    public static let maxEntries = 50
    public static let maxLength = 200

    /// An admin's list in its stored form: entries trimmed; an empty, too long or repeated entry, or too many, is refused
    /// with the entry's place (`value.3`).
    public static func normalize(_ value: JSONValue) throws(FieldError) -> [String] {
        guard case .array(let items) = value else { throw FieldError("value", .stringArray) }
        guard items.count <= maxEntries else { throw FieldError("value", .tooManyEntries(max: maxEntries)) }
        var out: [String] = []
        var seen = Set<String>()
        for (i, item) in items.enumerated() {
            guard case .string(let raw) = item else { throw FieldError(String(i), .stringArray) }
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw FieldError(String(i), .notEmpty) }
            guard text.count <= maxLength else { throw FieldError(String(i), .maxLength(maxLength)) }
            guard seen.insert(SearchText.fold(text)).inserted else { throw FieldError(String(i), .duplicateEntry(text)) }
            out.append(text)
        }
        return out
    }

    /// The deal's `lost_reason` from a chosen entry and a note: "choice: note", either alone, or nil when both are empty.
    public static func compose(choice: String?, note: String?) -> String? {
        let c = choice?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let n = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch (c.isEmpty, n.isEmpty) {
        case (true, true): return nil
        case (false, true): return c
        case (true, false): return n
        case (false, false): return c + ": " + n
        }
    }
}
