/// Case- and space-insensitive comparison of names (stages, columns, values), with ё read as е.
/// Pure Swift: Foundation's string search is slow on Linux and this runs for every row.
public enum Folding {
    public static func fold(_ text: String) -> String {
        var plain = true
        for b in text.utf8 where b >= 0x80 || (b >= 0x41 && b <= 0x5A) || b <= 0x20 { plain = false; break }
        if plain { return text }
        let lower = trim(text).lowercased()
        guard lower.unicodeScalars.contains("ё") else { return lower }
        return String(String.UnicodeScalarView(lower.unicodeScalars.map { $0 == "ё" ? "е" : $0 }))
    }

    /// The text without surrounding spaces, tabs and line breaks; the text itself when there are none.
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if !isBlank(first), !isBlank(last) { return text }
        guard let start = scalars.firstIndex(where: { !isBlank($0) }), let end = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(scalars[start...end])
    }

    private static func isBlank(_ s: Unicode.Scalar) -> Bool {
        ValueParsers.isSpace(s) || s == "\n" || s == "\r"
    }
}
