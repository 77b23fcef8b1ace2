import Foundation

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

    /// Base-currency minor units per minor unit, by the snapshot's currency code; NaN for a currency without a rate.
    /// Sums stay in minor units (exact for whole rates) and are divided by 100 when reported.
    func factors(_ s: Snapshot) -> [Double] {
        var out = s.currencies.names.map { perUnit[$0] ?? .nan }
        while out.count < 256 { out.append(.nan) }
        return out
    }
}
