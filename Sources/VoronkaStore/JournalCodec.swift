import VoronkaCore

/// The stored form of a journal entry's changes: `[{"f": field, "o": old, "n": new}, …]`, values as the API writes them.
enum JournalCodec {
    /// The PostgreSQL advisory lock that orders journal appends.
    static let advisoryLockKey = 0x766f726f6e6b61

    static func encode(_ changes: [FieldChange], kind: EntityKind) -> String {
        let types = Dictionary(kind.fields.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        return JSONValue.array(changes.map { c in
            let type = types[c.field] ?? .text
            // An old value of null (every field of a create) is left out: the reader takes a missing "o" as null.
            var entry: [String: JSONValue] = ["f": .string(c.field), "n": c.new.json(as: type)]
            if !c.old.isNull { entry["o"] = c.old.json(as: type) }
            return .object(entry)
        }).jsonText
    }

    static func decode(_ text: String, kind: EntityKind) -> [FieldChange] {
        guard case .array(let items)? = JSONValue.parse(text) else { return [] }
        let specs = Dictionary(kind.fields.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return items.compactMap { item in
            guard case .object(let o) = item, case .string(let field)? = o["f"] else { return nil }
            func value(_ key: String) -> FieldValue {
                guard let json = o[key] else { return .null }
                guard var spec = specs[field] else {
                    return .json(json)
                }
                spec.required = false
                spec.allowed = nil
                spec.range = nil
                spec.maxLength = nil
                if case .success(let v) = RecordInput.convert(json, spec: spec) { return v }
                return .json(json)
            }
            return FieldChange(field: field, old: value("o"), new: value("n"))
        }
    }

    static func settingChange(key: String, old: JSONValue?, new: JSONValue) -> String {
        JSONValue.array([.object(["f": .string(key), "o": old ?? .null, "n": new])]).jsonText
    }
}
