import VoronkaCore

/// The stored form of a journal entry's changes: `[{"f": field, "o": old, "n": new}, …]`, values as the API writes them.
enum JournalCodec {
    /// The PostgreSQL advisory lock that orders journal appends.
    static let advisoryLockKey = 0x766f726f6e6b61

    static func encode(_ changes: [FieldChange], kind: EntityKind) -> String {
        var writer = JSONWriter(capacity: 32 + 48 * changes.count)
        write(changes, kind: kind, to: &writer)
        return writer.text
    }

    /// Writes the text of `encode` (keys in sorted order: "f", "n", "o").
    static func write(_ changes: [FieldChange], kind: EntityKind, to writer: inout JSONWriter) {
        let specs = kind.fields
        var cursor = 0
        writer.raw("[")
        for (i, c) in changes.enumerated() {
            if i > 0 { writer.raw(",") }
            // Changes come in field order: look for each field from where the one before was found.
            var type = FieldType.text
            for step in 0..<specs.count {
                let k = (cursor + step) % specs.count
                if specs[k].name == c.field { type = specs[k].type; cursor = k; break }
            }
            writer.raw("{\"f\":")
            writer.string(c.field)
            writer.raw(",\"n\":")
            writer.value(c.new, as: type)
            // An old value of null (every field of a create) is left out: the reader takes a missing "o" as null.
            if !c.old.isNull {
                writer.raw(",\"o\":")
                writer.value(c.old, as: type)
            }
            writer.raw("}")
        }
        writer.raw("]")
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
