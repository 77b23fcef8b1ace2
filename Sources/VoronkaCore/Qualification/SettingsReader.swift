/// Reads one JSON object of settings key by key; every error names the full path, such as "rules[1].operator".
/// Null reads as absent. Money is in major units, as everywhere in the API, and comes back in minor units.
struct SettingsReader {
    let object: [String: JSONValue]
    /// The object's own path: "" at the top, "rules[1]" inside a list.
    let path: String

    init(_ json: JSONValue, path: String = "", keys: [String]) throws(FieldError) {
        guard case .object(let object) = json else {
            throw FieldError(path.isEmpty ? "settings" : path, "must be an object, got \(json.typeName)")
        }
        self.object = object
        self.path = path
        if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
            throw FieldError(name(unknown), .notKnownSetting(known: keys))
        }
    }

    /// The full path of a key.
    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func value(_ key: String) -> JSONValue? {
        if case .null? = object[key] { return nil }
        return object[key]
    }

    func required<T>(_ value: T?, _ key: String) throws(FieldError) -> T {
        guard let value else { throw FieldError(name(key), .required) }
        return value
    }

    func number(_ key: String) throws(FieldError) -> Double? {
        guard let v = value(key) else { return nil }
        guard case .number(let n) = v, n.isFinite else { throw FieldError(name(key), .number(got: v.typeName)) }
        return n
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws(FieldError) -> Int? {
        guard let n = try number(key) else { return nil }
        guard let i = Int(exactly: n), range.contains(i) else {
            throw FieldError(name(key), .wholeNumberBetween(min: String(range.lowerBound), max: String(range.upperBound)))
        }
        return i
    }

    /// An amount in major units (roubles), returned in minor units (kopecks).
    func money(_ key: String) throws(FieldError) -> Int64? {
        guard let n = try number(key) else { return nil }
        guard n >= 0, let minor = Money.minorUnits(n) else {
            throw FieldError(name(key), .amountAtLeastZero)
        }
        return minor
    }

    func string(_ key: String) throws(FieldError) -> String? {
        guard let v = value(key) else { return nil }
        guard case .string(let s) = v else { throw FieldError(name(key), .string(got: v.typeName)) }
        return s
    }

    func strings(_ key: String) throws(FieldError) -> [String]? {
        guard let v = value(key) else { return nil }
        guard case .array(let items) = v else { throw FieldError(name(key), "must be an array of strings, got \(v.typeName)") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else { throw FieldError("\(name(key))[\(i)]", "must be a string, got \(item.typeName)") }
            out.append(s)
        }
        return out
    }
}

/// Builds a settings object, leaving out absent values.
struct SettingsWriter {
    private(set) var object: [String: JSONValue] = [:]

    mutating func set(_ key: String, _ value: JSONValue?) { if let value { object[key] = value } }
    mutating func set(_ key: String, _ value: String?) { set(key, value.map(JSONValue.string)) }
    mutating func set(_ key: String, _ value: Int?) { set(key, value.map { JSONValue.number(Double($0)) }) }
    mutating func set(_ key: String, money value: Int64?) { set(key, value.map { JSONValue.number(Money.decimal(minorUnits: $0)) }) }

    var json: JSONValue { .object(object) }
}
