/// Numbers written for people, without Locale so that the text is the same on every machine:
/// English `1,500,000.5`, Russian `1 500 000,5`.
enum NumberText {
    static func en(_ value: Double) -> String { format(value, group: ",", decimal: ".") }
    static func ru(_ value: Double) -> String { format(value, group: " ", decimal: ",") }

    /// Minor units (kopecks) as a decimal amount in major units, e.g. 500000 → "5,000".
    static func money(_ minorUnits: Int64) -> BilingualText {
        let major = Money.decimal(minorUnits: minorUnits)
        return BilingualText(en: en(major), ru: ru(major))
    }

    private static func format(_ value: Double, group: String, decimal: String) -> String {
        guard value.isFinite else { return String(value) }
        // Two decimals at most: rules and amounts never need more, and it keeps 0.1 + 0.2 readable.
        let cents = (abs(value) * 100).rounded()
        guard cents < 9e17 else { return String(value) }
        let negative = value < 0 && cents > 0
        let whole = Int64(cents) / 100
        let fraction = Int64(cents) % 100
        var digits = Array(String(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = group + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = String(digits) + grouped
        var text = (negative ? "-" : "") + grouped
        if fraction != 0 {
            let two = fraction < 10 ? "0\(fraction)" : "\(fraction)"
            text += decimal + (two.hasSuffix("0") ? String(two.prefix(1)) : two)
        }
        return text
    }
}
