import Foundation

/// How a stored field is typed; the storage layer maps each to a column type.
public enum FieldType: String, Sendable, Codable {
    /// A row id or a reference to one (64-bit integer).
    case id
    case int
    case double
    /// An amount in minor units (kopecks, cents); the API shows it as a decimal number.
    case money
    case text
    case bool
    /// An instant, UTC.
    case timestamp
    /// A calendar date, `yyyy-MM-dd`.
    case day
    /// A JSON value (tags, custom attributes, id lists), stored as text.
    case json
}

/// One stored value of a field.
public enum FieldValue: Hashable, Sendable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case bool(Bool)
    case time(Date)
    case day(Day)
    case json(JSONValue)

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The value as the API shows it; a money value in the minor units of `currency` (two decimals when nil).
    public func json(as type: FieldType, currency: String? = nil) -> JSONValue {
        switch self {
        case .null: return .null
        case .int(let v): return type == .money ? .number(Money.decimal(minorUnits: v, currency: currency)) : .number(Double(v))
        case .double(let v): return .number(v)
        case .text(let v): return .string(v)
        case .bool(let v): return .bool(v)
        case .time(let v): return .string(Timestamp.format(v))
        case .day(let v): return .string(v.description)
        case .json(let v): return v
        }
    }
}

/// Money in the minor units of its currency (`Currency.digits`: kopecks and cents, yen, fils); without a currency,
/// two decimals (settings in the base currency, the journal's own encoding).
public enum Money {
    public static let scale: Int64 = 100

    public static func decimal(minorUnits: Int64, currency: String? = nil) -> Double {
        Double(minorUnits) / Double(currency.map(Currency.scale) ?? scale)
    }

    /// Minor units of a decimal amount; nil when it has more decimals than the currency has, or is out of range.
    public static func minorUnits(_ value: Double, currency: String? = nil) -> Int64? {
        let scale = Double(currency.map(Currency.scale) ?? scale)
        guard value.isFinite, abs(value) < 9e13, abs(value * scale) < 9e15 else { return nil }
        let scaled = (value * scale).rounded()
        guard abs(scaled - value * scale) < 1e-6 * max(1, abs(scaled)) else { return nil }
        return Int64(scaled)
    }

    /// The currencies Voronka knows: every ISO 4217 code (`Currency.codes`).
    public static var currencies: [String] { Currency.codes }
}
