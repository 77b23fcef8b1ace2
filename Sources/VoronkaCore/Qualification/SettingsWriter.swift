/// Builds a settings object, leaving out absent values.
struct SettingsWriter {
    private(set) var object: [String: JSONValue] = [:]

    mutating func set(_ key: String, _ value: JSONValue?) { if let value { object[key] = value } }
    mutating func set(_ key: String, _ value: String?) { set(key, value.map(JSONValue.string)) }
    mutating func set(_ key: String, _ value: Int?) { set(key, value.map { JSONValue.number(Double($0)) }) }
    mutating func set(_ key: String, money value: Int64?) { set(key, value.map { JSONValue.number(Money.decimal(minorUnits: $0)) }) }

    var json: JSONValue { .object(object) }
}
