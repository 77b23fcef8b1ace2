import VoronkaCore

/// Reads one JSON object key by key; every error names the JSON path, such as "outcome[1].then".
/// Null reads as absent; unknown keys are errors, so that a typo does not pass silently.
struct JSONReader {
    let object: [String: JSONValue]
    let path: String

    init(_ json: JSONValue, path: String, keys: [String]) throws(FieldError) {
        guard case .object(let object) = json else {
            throw FieldError(path.isEmpty ? "mapping" : path, "must be an object, got \(json.typeName)")
        }
        self.object = object
        self.path = path
        if let unknown = object.keys.sorted().first(where: { !keys.contains($0) }) {
            throw FieldError(name(unknown), "is not a known key (known: \(keys.joined(separator: ", ")))")
        }
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func value(_ key: String) -> JSONValue? {
        if case .null? = object[key] { return nil }
        return object[key]
    }

    func string(_ key: String) throws(FieldError) -> String? {
        guard let v = value(key) else { return nil }
        guard case .string(let s) = v else { throw FieldError(name(key), "must be a string, got \(v.typeName)") }
        return s
    }

    func bool(_ key: String) throws(FieldError) -> Bool? {
        guard let v = value(key) else { return nil }
        guard case .bool(let b) = v else { throw FieldError(name(key), "must be true or false, got \(v.typeName)") }
        return b
    }

    func strings(_ key: String) throws(FieldError) -> [String]? {
        guard let v = value(key) else { return nil }
        guard case .array(let items) = v else { throw FieldError(name(key), "must be a list of strings, got \(v.typeName)") }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else { throw FieldError("\(name(key))[\(i)]", "must be a string, got \(item.typeName)") }
            out.append(s)
        }
        return out
    }

    /// An object of strings, such as a value map.
    func stringMap(_ key: String) throws(FieldError) -> [String: String]? {
        guard let v = value(key) else { return nil }
        return try Self.stringMap(v, path: name(key))
    }

    static func stringMap(_ v: JSONValue, path: String) throws(FieldError) -> [String: String] {
        guard case .object(let o) = v else { throw FieldError(path, "must be an object of strings, got \(v.typeName)") }
        var out: [String: String] = [:]
        for (k, item) in o {
            guard case .string(let s) = item else { throw FieldError("\(path).\(k)", "must be a string, got \(item.typeName)") }
            out[k] = s
        }
        return out
    }

    func object(_ key: String) throws(FieldError) -> [String: JSONValue]? {
        guard let v = value(key) else { return nil }
        guard case .object(let o) = v else { throw FieldError(name(key), "must be an object, got \(v.typeName)") }
        return o
    }

    func array(_ key: String) throws(FieldError) -> [JSONValue]? {
        guard let v = value(key) else { return nil }
        guard case .array(let a) = v else { throw FieldError(name(key), "must be a list, got \(v.typeName)") }
        return a
    }
}
