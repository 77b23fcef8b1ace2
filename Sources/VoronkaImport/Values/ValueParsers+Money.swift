import VoronkaCore

/// An amount read from a cell, in ten-thousandths (four decimals: enough for every currency's minor unit), and the
/// currency its mark named, if any. `minorUnits(in:)` gives the stored amount once the currency is known.
public struct ParsedMoney: Hashable, Sendable {
    /// The amount × 10,000.
    public let units: Int64
    /// The ISO 4217 code of a currency mark in the cell ("₽", "руб.", "$", "EUR"), nil when there was none.
    public let currency: String?

    public init(units: Int64, currency: String?) { self.units = units; self.currency = currency }

    /// An amount given in hundredths (two decimals).
    public init(minorUnits: Int64, currency: String?) { self.init(units: minorUnits * 100, currency: currency) }

    /// The amount in minor units of `code` (`Currency.digits`): nil when it has more decimals than the currency has.
    public func minorUnits(in code: String) -> Int64? {
        let per = 10_000 / Currency.scale(code)
        return units % per == 0 ? units / per : nil
    }

    /// Hundredths (two decimals), cut: for tests of zero and signs.
    public var minorUnits: Int64 { units / 100 }
}

extension ValueParsers {
    /// Currency marks as written before or after an amount, lower-cased, spaces and dots removed.
    static let currencyMarks: [String: String] = [
        "₽": "RUB", "руб": "RUB", "р": "RUB", "rub": "RUB", "rur": "RUB", "рублей": "RUB", "рубля": "RUB", "рубль": "RUB",
        "$": "USD", "usd": "USD", "us$": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
        "¥": "CNY", "cny": "CNY", "юань": "CNY", "юаней": "CNY", "₸": "KZT", "kzt": "KZT", "тг": "KZT", "тенге": "KZT",
        "byn": "BYN", "br": "BYN", "₴": "UAH", "uah": "UAH", "грн": "UAH", "₺": "TRY", "try": "TRY", "aed": "AED",
        "chf": "CHF", "jpy": "JPY", "₹": "INR", "inr": "INR",
    ]

    /// Amounts as exports write them: "1 234 567,89 ₽", "1,234,567.89", "$1,500", "1.234.567,89 руб.", "-1500",
    /// "(1,500.00)", with no-break spaces or apostrophes as group separators. "-" and an empty cell are nil.
    /// The decimal separator is the last of "," and "." when both occur; a single "," followed by exactly three
    /// digits groups thousands ("1,500" is 1500), any other single separator is decimal. At most four decimals (the
    /// currency decides how many it takes).
    public static func money(_ text: some StringProtocol) throws(ValueError) -> ParsedMoney? {
        if let plain = plainAmount(text.utf8) { return ParsedMoney(units: plain, currency: nil) }
        let scalars = Array(trimmed(Substring(text)).unicodeScalars)
        if scalars.isEmpty || (scalars.count == 1 && "-–—".unicodeScalars.contains(scalars[0])) { return nil }
        guard var first = scalars.firstIndex(where: isDigit), let last = scalars.lastIndex(where: isDigit) else {
            throw ValueError(ImportMessage("is not an amount (no digits)"))
        }
        if first > 0, scalars[first - 1] == "." || scalars[first - 1] == "," { first -= 1 }
        let prefix = scalars[..<first], suffix = scalars[(last + 1)...]
        let negative = prefix.contains("-") || prefix.contains("\u{2212}") || (prefix.contains("(") && suffix.contains(")"))
        var currency: String?
        for side in [prefix, suffix] {
            let mark = String(String.UnicodeScalarView(side.filter { !isSpace($0) && !"-+()\u{2212}.".unicodeScalars.contains($0) })).lowercased()
            if mark.isEmpty { continue }
            guard let code = currencyMarks[mark] else { throw ValueError(ImportMessage("has unexpected text “{0}” around the amount", .text("\(mark)"))) }
            currency = code
        }
        let units = try units(scalars[first...last])
        return ParsedMoney(units: negative ? -units : units, currency: currency)
    }

    /// The common case without allocation: digits, at most one "." and four decimals ("1500", "12500.5"), in
    /// ten-thousandths.
    private static func plainAmount(_ bytes: some Collection<UInt8>) -> Int64? {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var value: Int64 = 0, decimals = -1
        for b in bytes {
            if b >= 0x30, b <= 0x39 {
                if decimals >= 0 { guard decimals < 4 else { return nil }; decimals += 1 }
                value = value * 10 + Int64(b - 0x30)
            } else if b == 0x2E, decimals < 0 {
                decimals = 0
            } else {
                return nil
            }
        }
        guard decimals != 0 else { return nil }
        for _ in 0..<(4 - max(decimals, 0)) { value *= 10 }
        return value
    }

    /// Convenience: hundredths only (two decimals).
    public static func minorUnits(_ text: some StringProtocol) throws(ValueError) -> Int64? {
        try money(text)?.minorUnits
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// Digits with separators, from the first digit (or a leading decimal mark) to the last digit, in ten-thousandths.
    private static func units(_ body: ArraySlice<Unicode.Scalar>) throws(ValueError) -> Int64 {
        var commas = 0, dots = 0, lastComma = -1, lastDot = -1
        for (i, s) in zip(body.indices, body) {
            if s == "," { commas += 1; lastComma = i } else if s == "." { dots += 1; lastDot = i }
            else if !isDigit(s), !isSpace(s), s != "'", s != "’" { throw ValueError(ImportMessage("has “{0}” inside the amount", .text("\(Character(s))"))) }
        }
        var decimal: Int? = nil
        if commas > 0, dots > 0 {
            let (mark, count): (Int, Int) = lastComma > lastDot ? (lastComma, commas) : (lastDot, dots)
            guard count == 1 else { throw ValueError(ImportMessage("mixes “,” and “.” in a way that does not tell the decimal mark")) }
            decimal = mark
        } else if dots == 1 {
            decimal = lastDot
        } else if commas == 1 {
            let after = body[(lastComma + 1)...].filter(isDigit).count
            let before = body[..<lastComma]
            let grouping = after == 3 && body.distance(from: lastComma + 1, to: body.endIndex) == 3
                && before.count <= 3 && before.allSatisfy(isDigit)
            if !grouping { decimal = lastComma }
        }
        let whole = decimal.map { body[..<$0] } ?? body[...]
        let fraction = decimal.map { body[($0 + 1)...] } ?? []
        guard fraction.allSatisfy(isDigit) else { throw ValueError(ImportMessage("has separators after the decimal mark")) }
        try checkGroups(whole)
        let wholeDigits = whole.filter(isDigit)
        var fractionDigits = Array(fraction)
        while fractionDigits.count > 4, fractionDigits.last == "0" { fractionDigits.removeLast() }
        guard fractionDigits.count <= 4 else { throw ValueError(ImportMessage("has more than four decimals")) }
        guard wholeDigits.drop(while: { $0 == "0" }).count <= 14 else { throw ValueError(ImportMessage("is too large for an amount")) }
        var value: Int64 = 0
        for d in wholeDigits { value = value * 10 + Int64(d.value - 0x30) }
        for k in 0..<4 { value = value * 10 + (k < fractionDigits.count ? Int64(fractionDigits[k].value - 0x30) : 0) }
        guard value <= 900_000_000_000_000_000 else { throw ValueError(ImportMessage("is too large for an amount")) }
        return value
    }

    /// Group separators must split the whole part into a group of one to three digits and groups of three.
    private static func checkGroups(_ whole: ArraySlice<Unicode.Scalar>) throws(ValueError) {
        var groups: [Int] = [0]
        for s in whole {
            if isDigit(s) { groups[groups.count - 1] += 1 } else if groups.last != 0 { groups.append(0) }
            else { throw ValueError(ImportMessage("has two separators in a row")) }
        }
        guard groups.count > 1 else { return }
        guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else {
            throw ValueError(ImportMessage("has digit groups that are not of three digits"))
        }
    }
}
