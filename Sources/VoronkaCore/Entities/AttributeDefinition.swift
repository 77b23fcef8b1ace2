/// The type of a custom attribute's value.
public enum AttributeType: String, Sendable, Codable, CaseIterable {
    case number, text, flag, date
}

/// A typed custom attribute that companies or deals may carry (e.g. "steam processing, t/h").
public struct AttributeDefinition: Entity, Hashable {
    public static let kind = EntityKind.attribute
    public static let fields: [FieldSpec] = FieldSpec.system + [
        FieldSpec("entity", .text, required: true, allowed: ["company", "deal", "contact", "lead"]),
        FieldSpec("key", .text, required: true, maxLength: 64),
        .enumeration("type", AttributeType.self, required: true),
        FieldSpec("label", .text, required: true, maxLength: 200),
        FieldSpec("label_ru", .text, maxLength: 200),
        FieldSpec("unit", .text, maxLength: 32),
    ]

    public var id: Int64
    public var entity: String
    public var key: String
    public var type: AttributeType
    public var label: String
    public var labelRu: String?
    public var unit: String?

    public init(id: Int64 = 0, entity: String, key: String, type: AttributeType, label: String, labelRu: String? = nil, unit: String? = nil) {
        self.id = id; self.entity = entity; self.key = key; self.type = type; self.label = label; self.labelRu = labelRu; self.unit = unit
    }

    public init(record r: Record) {
        id = r.int("id") ?? 0
        entity = r.text("entity") ?? "company"
        key = r.text("key") ?? ""
        type = r.enumValue("type", AttributeType.self) ?? .text
        label = r.text("label") ?? ""
        labelRu = r.text("label_ru")
        unit = r.text("unit")
    }

    public var record: Record {
        Record(["id": .int(id), "entity": .text(entity), "key": .text(key), "type": .text(type.rawValue), "label": .text(label),
                "label_ru": Record.optional(labelRu), "unit": Record.optional(unit)])
    }

    public func validate() -> [FieldError] {
        let ok = !key.isEmpty && key.allSatisfy { ($0.isLetter && $0.isASCII && $0.isLowercase) || $0.isNumber || $0 == "_" } && !(key.first?.isNumber ?? true)
        return ok ? [] : [FieldError("key", .attributeKey)]
    }

    /// Checks custom attribute values against the definitions for one entity; unknown keys and wrong types are errors.
    public static func check(_ custom: [String: JSONValue], against definitions: [AttributeDefinition], field: String = "custom") -> [FieldError] {
        var errors: [FieldError] = []
        let byKey = Dictionary(definitions.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for (key, value) in custom.sorted(by: { $0.key < $1.key }) {
            guard let def = byKey[key] else {
                errors.append(FieldError("\(field).\(key)", .notDefinedAttribute))
                continue
            }
            if case .null = value { continue }
            let ok: Bool
            switch (def.type, value) {
            case (.number, .number), (.text, .string), (.flag, .bool): ok = true
            case (.date, .string(let s)): ok = Day(s) != nil
            default: ok = false
            }
            if !ok { errors.append(FieldError("\(field).\(key)", .attributeType(def.type == .date ? "date yyyy-MM-dd" : def.type.rawValue))) }
        }
        return errors
    }
}
