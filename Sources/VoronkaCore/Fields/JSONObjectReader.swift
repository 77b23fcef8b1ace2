/// Reads one JSON object key by key, for settings and for import mappings alike; every error names the full path,
/// such as "rules[1].operator" or "outcome[1].then". Null reads as absent; unknown keys are errors, so that a typo
/// does not pass silently. Money is in major units, as everywhere in the API, and comes back in minor units.
public struct JSONObjectReader {
    public let object: [String: JSONValue]
    /// The object's own path: "" at the top, "rules[1]" inside a list.
    public let path: String

    /// `top`: what the object is called when it is the whole document ("settings", "mapping"); `unknownKey`: the
    /// reason an unknown key is refused with.
    public init(_ json: JSONValue, path: String = "", keys: [String], top: String = "settings",
                unknownKey: ([String]) -> FieldReason = { .notKnownSetting(known: $0) }) throws(FieldError) {
        guard case .object(let object) = json else {
            throw FieldError(path.isEmpty ? top : path, "must be an object, got \(json.typeName)")
        }
        self.object = object
        self.path = path
        if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
            throw FieldError(path.isEmpty ? unknown : "\(path).\(unknown)", unknownKey(keys))
        }
    }

    /// The full path of a key.
    public func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    public func value(_ key: String) -> JSONValue? {
        if case .null? = object[key] { return nil }
        return object[key]
    }

    public func required<T>(_ value: T?, _ key: String) throws(FieldError) -> T {
        guard let value else { throw FieldError(name(key), .required) }
        return value
    }

    public func number(_ key: String) throws(FieldError) -> Double? {
        guard let v = value(key) else { return nil }
        guard case .number(let n) = v, n.isFinite else { throw FieldError(name(key), .number(got: v.typeName)) }
        return n
    }

    public func int(_ key: String, in range: ClosedRange<Int>) throws(FieldError) -> Int? {
        guard let n = try number(key) else { return nil }
        guard let i = Int(exactly: n), range.contains(i) else {
            throw FieldError(name(key), .wholeNumberBetween(min: String(range.lowerBound), max: String(range.upperBound)))
        }
        return i
    }

    /// An amount in major units (roubles), returned in minor units (kopecks).
    public func money(_ key: String) throws(FieldError) -> Int64? {
        guard let n = try number(key) else { return nil }
        guard n >= 0, let minor = Money.minorUnits(n) else {
            throw FieldError(name(key), .amountAtLeastZero)
        }
        return minor
    }

    public func string(_ key: String) throws(FieldError) -> String? {
        guard let v = value(key) else { return nil }
        guard case .string(let s) = v else { throw FieldError(name(key), .string(got: v.typeName)) }
        return s
    }

    public func strings(_ key: String) throws(FieldError) -> [String]? {
        guard let v = value(key) else { return nil }
        guard case .array(let items) = v else { throw FieldError(name(key), "must be an array of strings, got \(v.typeName)") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else { throw FieldError("\(name(key))[\(i)]", "must be a string, got \(item.typeName)") }
            out.append(s)
        }
        return out
    }

    public func bool(_ key: String) throws(FieldError) -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v else { throw FieldError(name(key), .trueOrFalse(got: v.typeName)) }
        return b
    }

    /// An object of strings, such as a value map.
    public func stringMap(_ key: String) throws(FieldError) -> [String: String]? {
        guard let v = value(key) else { return nil }
        return try Self.stringMap(v, path: name(key))
    }

    public static func stringMap(_ v: JSONValue, path: String) throws(FieldError) -> [String: String] {
        guard case .object(let o) = v else { throw FieldError(path, "must be an object of strings, got \(v.typeName)") }
        var out: [String: String] = [:]
        for (k, item) in o {
            guard case .string(let s) = item else { throw FieldError("\(path).\(k)", "must be a string, got \(item.typeName)") }
            out[k] = s
        }
        return out
    }

    public func object(_ key: String) throws(FieldError) -> [String: JSONValue]? {
        guard let v = value(key) else { return nil }
        guard case .object(let o) = v else { throw FieldError(name(key), "must be an object, got \(v.typeName)") }
        return o
    }

    public func array(_ key: String) throws(FieldError) -> [JSONValue]? {
        guard let v = value(key) else { return nil }
        guard case .array(let a) = v else { throw FieldError(name(key), "must be a list, got \(v.typeName)") }
        return a
    }
}
