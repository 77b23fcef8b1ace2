import VoronkaCore

/// Numbers, money, percentages, dates and durations written for a language, by fixed rules rather than
/// Foundation's locale data, so that every machine writes exactly the same text.
///
/// Russian groups digits with a no-break space (U+00A0) and uses a decimal comma: `1 234 567,00 ₽`.
/// English groups with commas: `1,234,567.00 RUB`. A no-break space also joins a number to its unit.
public struct Format: Sendable, Hashable {
    /// The no-break space, U+00A0.
    public static let nbsp = "\u{00A0}"
    /// Shown for a value that is missing or cannot be written (NaN, infinity).
    public static let dash = "—"

    public let language: VoronkaCore.Language
    /// Minutes east of UTC in which instants are shown (Moscow: 180).
    public let utcOffsetMinutes: Int

    public init(_ language: VoronkaCore.Language, utcOffsetMinutes: Int = 0) {
        self.language = language
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    var groupSeparator: String { language == .ru ? Format.nbsp : "," }
    var decimalSeparator: String { language == .ru ? "," : "." }

    /// A whole number with grouped digits: `1 234 567` / `1,234,567`.
    public func number(_ n: Int64) -> String {
        (n < 0 ? "-" : "") + group(n.magnitude)
    }

    /// A whole number with grouped digits.
    public func number(_ n: Int) -> String { number(Int64(n)) }

    /// A number with exactly `digits` decimals, rounded half away from zero: `1 234,50` / `1,234.50`.
    public func decimal(_ x: Double, digits: Int) -> String {
        guard let parts = fixed(x, digits: digits) else { return Format.dash }
        let whole = (parts.negative ? "-" : "") + group(parts.whole)
        return parts.fraction.isEmpty ? whole : whole + decimalSeparator + parts.fraction
    }

    /// A number with up to `maxDigits` decimals and no trailing zeros: `2,5` / `2.5`, `3`.
    public func trimmed(_ x: Double, maxDigits: Int = 2) -> String {
        guard var parts = fixed(x, digits: maxDigits) else { return Format.dash }
        while parts.fraction.hasSuffix("0") { parts.fraction.removeLast() }
        let whole = (parts.negative ? "-" : "") + group(parts.whole)
        return parts.fraction.isEmpty ? whole : whole + decimalSeparator + parts.fraction
    }

    /// A share (0.425 for 42.5 %) as a percentage: `42,5 %` / `42.5%`.
    public func percent(_ fraction: Double, digits: Int = 0) -> String {
        guard fraction.isFinite else { return Format.dash }
        let n = decimal(fraction * 100, digits: digits)
        return language == .ru ? n + Format.nbsp + "%" : n + "%"
    }

    /// An amount in minor units (2 decimals): `1 234 567,00 ₽` / `1,234,567.00 RUB`; any ISO code is written
    /// as the code, except RUB in Russian as ₽. Without `cents` the amount is rounded to whole units.
    /// `cents`: kopecks (cents) are written when there are any (783 000 ₽, but 783 000,50 ₽); without, the amount is
    /// rounded to whole units.
    /// Minor units are those of the currency: none for JPY (12 500 JPY), three for KWD (1,234.567 KWD).
    public func money(_ minorUnits: Int64, currency: String, cents: Bool = true) -> String {
        let negative = minorUnits < 0
        let magnitude = minorUnits.magnitude
        let scale = UInt64(Currency.scale(currency)), digits = Currency.digits(currency)
        var text: String
        if cents, scale > 1, magnitude % scale != 0 {
            let fraction = String(magnitude % scale)
            text = group(magnitude / scale) + decimalSeparator + String(repeating: "0", count: digits - fraction.count) + fraction
        } else {
            text = group((magnitude + scale / 2) / scale)
        }
        if negative, text.contains(where: { $0 != "0" && $0.isNumber }) { text = "-" + text }
        return text + Format.nbsp + currencySign(currency)
    }

    /// What follows an amount: ₽ for roubles in Russian, else the ISO code.
    public func currencySign(_ code: String) -> String {
        language == .ru && code == "RUB" ? "₽" : code
    }

    /// A short number for axes and tight places: `1.2K`, `3.4M`, `2B` / `1,2 тыс.`, `3,4 млн`, `2 млрд`.
    public func compact(_ x: Double) -> String {
        guard x.isFinite else { return Format.dash }
        let scales: [(size: Double, en: String, ru: String)] = [(1e3, "K", "тыс."), (1e6, "M", "млн"), (1e9, "B", "млрд"), (1e12, "T", "трлн")]
        guard var i = scales.lastIndex(where: { x.magnitude >= $0.size }) else { return trimmed(x, maxDigits: 2) }
        // 999 999 rounds to "1000K": write it as "1M".
        if x.magnitude / scales[i].size >= 999.5, i + 1 < scales.count { i += 1 }
        let scaled = x / scales[i].size
        let n = trimmed(scaled, maxDigits: scaled.magnitude >= 100 ? 0 : 1)
        return language == .ru ? n + Format.nbsp + scales[i].ru : n + scales[i].en
    }

    /// Digits in groups of three, most significant first.
    func group(_ n: UInt64) -> String {
        let digits = String(n)
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += groupSeparator }
            out.append(c)
        }
        return out
    }

    /// The sign, whole part and zero-padded fraction of a number rounded to `digits` decimals; nil when not finite or too big.
    func fixed(_ x: Double, digits: Int) -> (negative: Bool, whole: UInt64, fraction: String)? {
        let digits = max(0, min(digits, 9))
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (x.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard x.isFinite, scaled < 9e18 else { return nil }
        let units = UInt64(scaled)
        var fraction = digits == 0 ? "" : String(units % scale)
        while fraction.count < digits { fraction = "0" + fraction }
        return (x < 0 && units != 0, units / scale, fraction)
    }
}
