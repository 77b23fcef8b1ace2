/// Why a cell could not be read as the value its column holds; the text is shown to the user.
public struct ValueError: Error, Hashable, Sendable {
    public let message: ImportMessage
    /// The message in English.
    public var reason: String { message.english }

    public init(_ message: ImportMessage) { self.message = message }
}

/// Parsers for the cells of an export: dates and times, amounts of money, whole numbers and yes/no values.
/// Each returns nil for an empty cell and throws a `ValueError` that says what is wrong with a bad one.
public enum ValueParsers {
    /// Whether a character is a space for the purpose of trimming and digit grouping
    /// (ordinary, no-break, narrow no-break, thin and figure spaces, tabs).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0xA0, 0x202F, 0x2009, 0x2007, 0x2008, 0x200A, 0x3000: true
        default: false
        }
    }

    /// The text without surrounding spaces of any kind.
    static func trimmed(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return Substring(scalars[first...last])
    }

    private static let trueWords: Set<String> = ["yes", "y", "true", "t", "1", "да", "д", "истина", "on", "x", "✓"]
    private static let falseWords: Set<String> = ["no", "n", "false", "f", "0", "нет", "н", "ложь", "off"]

    /// Yes/no values in English and Russian: yes/no, y/n, true/false, 1/0, да/нет, истина/ложь.
    public static func bool(_ text: some StringProtocol) throws(ValueError) -> Bool? {
        let word = trimmed(Substring(text)).lowercased()
        if word.isEmpty { return nil }
        if trueWords.contains(word) { return true }
        if falseWords.contains(word) { return false }
        throw ValueError(ImportMessage("is not a yes/no value (yes, no, да, нет, true, false, 1, 0)"))
    }

    /// A whole number, with the same digit grouping as amounts ("2 822", "1,500"); a fraction is refused.
    public static func integer(_ text: some StringProtocol) throws(ValueError) -> Int64? {
        guard let amount = try money(text) else { return nil }
        guard amount.units % 10_000 == 0 else { throw ValueError(ImportMessage("is not a whole number")) }
        return amount.units / 10_000
    }
}
