import Foundation
import VoronkaCore

/// How money in several currencies is added up: each amount is converted to `base` at a fixed rate.
///
/// `perUnit[c]` is the value of one unit of currency `c` in the base currency. An amount in a currency without a rate
/// is left out of every sum and counted in the report's `unconvertedDeals`.
public struct CurrencyRates: Sendable, Hashable, Codable {
    public var base: String
    public var perUnit: [String: Double]

    public init(base: String = "RUB", perUnit: [String: Double] = ["RUB": 1, "USD": 90, "EUR": 100]) {
        self.base = base
        self.perUnit = perUnit
        self.perUnit[base] = 1
    }

    /// RUB as the base; 1 USD = 90 RUB, 1 EUR = 100 RUB.
    public static let standard = CurrencyRates()

    /// Hundredths of the base currency per minor unit, by the snapshot's currency code (each currency's minor unit:
    /// one yen, a hundredth of a dollar, a thousandth of a dinar); NaN for a currency without a rate. Sums stay in
    /// hundredths and are divided by 100 when reported.
    func factors(_ s: Snapshot) -> [Double] {
        var out = s.currencies.names.map { code in perUnit[code].map { $0 * 100 / Double(Currency.scale(code)) } ?? .nan }
        while out.count < 256 { out.append(.nan) }
        return out
    }
}

extension CurrencyRates {
    /// `{"base": "RUB", "per_unit": {"USD": 90, "JPY": 0.6}}`: every code an ISO 4217 currency, every rate above zero.
    public init(json: JSONValue) throws(FieldError) {
        guard case .object(let o) = json else { throw FieldError("value", "must be an object: {\"base\": \"RUB\", \"per_unit\": {\"USD\": 90}}") }
        for key in o.keys where key != "base" && key != "per_unit" { throw FieldError(key, .notAField) }
        guard case .string(let base)? = o["base"], Currency.isKnown(base) else { throw FieldError("base", .currency([])) }
        var rates: [String: Double] = [:]
        if let given = o["per_unit"] {
            guard case .object(let items) = given else { throw FieldError("per_unit", "must be an object of currency codes and rates") }
            for (code, rate) in items {
                guard Currency.isKnown(code) else { throw FieldError("per_unit.\(code)", .currency([])) }
                guard case .number(let r) = rate, r.isFinite, r > 0, r < 1e9 else {
                    throw FieldError("per_unit.\(code)", "must be the value of one \(code) in \(base), above zero")
                }
                rates[code] = r
            }
        }
        self.init(base: base, perUnit: rates)
    }

    public var json: JSONValue {
        ["base": .string(base), "per_unit": .object(perUnit.filter { $0.key != base }.mapValues(JSONValue.number))]
    }

    /// An amount in `currency`'s minor units as minor units of the base currency; nil when the currency has no rate.
    public func convert(_ minorUnits: Int64, from currency: String) -> Int64? {
        if currency == base { return minorUnits }
        guard let rate = perUnit[currency] else { return nil }
        return Int64((Double(minorUnits) * rate * Double(Currency.scale(base)) / Double(Currency.scale(currency))).rounded())
    }
}
