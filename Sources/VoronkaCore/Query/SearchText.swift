import Foundation

/// What search reads of a record and how a query meets it, the same on every storage engine: text is folded in Swift
/// (Unicode lower case, ё as е, punctuation as spaces, phone numbers also as their digits), so that "Амур", «ООО «Амур»»
/// and "амур" find the same company on SQLite and PostgreSQL alike. The store keeps one folded document per record in a
/// search table written in the same transaction as the record.
public enum SearchText {
    /// The fields of a kind that search reads, in the order of their weight; nil for kinds without a search index.
    public static func fields(of kind: EntityKind) -> [String]? {
        switch kind {
        case .company: ["name", "tax_id"]
        case .contact: ["name", "email", "phone", "position"]
        case .deal: ["title"]
        case .lead: ["company_name", "contact_name", "contact_email", "contact_phone", "request_text"]
        default: nil
        }
    }

    /// The kinds with a search index.
    public static let kinds: [EntityKind] = EntityKind.allCases.filter { fields(of: $0) != nil }

    /// How much of a long text (a lead's request) the index keeps: enough for the words a rep remembers.
    static let longTextPrefix = 160

    /// The folded document of a record: its search fields folded and joined, phone numbers and tax ids also as digits.
    public static func document(_ kind: EntityKind, _ record: Record) -> String {
        document(kind) { record.text($0) }
    }

    /// The folded document from a field reader (a bulk load reads its rows by position, without making records).
    public static func document(_ kind: EntityKind, _ text: (String) -> String?) -> String {
        guard let names = fields(of: kind) else { return "" }
        var parts: [String] = []
        for name in names {
            guard let text = text(name), !text.isEmpty else { continue }
            parts.append(fold(name == "request_text" ? String(text.prefix(longTextPrefix)) : text))
            if name.hasSuffix("phone") || name == "tax_id" {
                let numbers = digits(text)
                if numbers.count >= 5 { parts.append(numbers) }
            }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " | ")
    }

    /// Lower case by Unicode's rules, ё as е, and every character other than a letter, a digit, `@`, `.` or `-` as a
    /// space, runs of spaces as one.
    public static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            let kept: Unicode.Scalar?
            switch scalar {
            case "ё": kept = "е"
            case "@", ".", "-": kept = scalar
            default: kept = scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? scalar : nil
            }
            guard let kept else { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.unicodeScalars.append(" "); pendingSpace = false }
            out.unicodeScalars.append(kept)
        }
        return out
    }

    /// The terms a query asks for, every one of which a document must contain. A query that reads as a phone number
    /// or a tax id (digits with `+ ( ) -` and spaces) is one term of its digits; an 11-digit Russian number starting
    /// with 7 or 8 is looked for by its last ten digits, so that +7 and 8 find each other.
    public static func terms(_ query: String) -> [String] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let numbers = digits(trimmed)
        let phoneLike = trimmed.unicodeScalars.allSatisfy { CharacterSet(charactersIn: "0123456789+()- ").contains($0) }
        if phoneLike, numbers.count >= 5 {
            if numbers.count == 11, numbers.first == "7" || numbers.first == "8" { return [String(numbers.dropFirst())] }
            return [numbers]
        }
        var seen = Set<String>()
        return fold(trimmed).split(separator: " ").map(String.init).filter { seen.insert($0).inserted }
    }

    /// How well a record's title (its name or title) answers a query, best first: 0 the whole title, 1 its start,
    /// 2 the start of a word in it, 3 elsewhere.
    public static func rank(title: String, query: String) -> Int {
        let folded = fold(title), wanted = terms(query).joined(separator: " ")
        if wanted.isEmpty { return 3 }
        if folded == wanted { return 0 }
        if folded.hasPrefix(wanted) { return 1 }
        if folded.split(separator: " ").contains(where: { $0.hasPrefix(wanted) }) || folded.contains(" " + wanted) { return 2 }
        return 3
    }

    static func digits(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }.map(Character.init))
    }
}
