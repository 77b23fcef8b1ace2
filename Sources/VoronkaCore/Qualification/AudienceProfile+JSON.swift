import Foundation

extension AudienceProfile {
    /// Reads `{"rules": [{"field", "operator", "value", "label", "label_ru", "unit", "unit_ru"}, ...]}`;
    /// revenue thresholds are in major units (roubles). Errors name the path, e.g. "rules[1].operator".
    public init(json: JSONValue) throws(FieldError) {
        let reader = try JSONObjectReader(json, keys: ["rules"])
        guard case .array(let items) = try reader.required(reader.value("rules"), "rules") else {
            throw FieldError("rules", "must be an array of rules")
        }
        var rules: [AudienceRule] = []
        for (i, item) in items.enumerated() {
            rules.append(try AudienceRule(json: item, path: "rules[\(i)]"))
        }
        self.init(rules: rules)
    }

    /// The settings object, in the form `init(json:)` reads.
    public var json: JSONValue { ["rules": .array(rules.map(\.json))] }
}

extension AudienceRule {
    /// Reads one rule; `path` prefixes the names in errors.
    public init(json: JSONValue, path: String = "rule") throws(FieldError) {
        let r = try JSONObjectReader(json, path: path, keys: ["field", "operator", "value", "label", "label_ru", "unit", "unit_ru"])
        let fieldName = try r.required(r.string("field"), "field")
        guard let field = AudienceField(fieldName) else {
            throw FieldError(r.name("field"), .audienceField)
        }
        let opName = try r.required(r.string("operator"), "operator")
        let op: AudienceOperator
        switch opName {
        case "greater": op = .greater(try r.required(r.number("value"), "value"))
        case "greater_or_equal": op = .greaterOrEqual(try r.required(r.number("value"), "value"))
        case "less": op = .less(try r.required(r.number("value"), "value"))
        case "less_or_equal": op = .lessOrEqual(try r.required(r.number("value"), "value"))
        case "equals":
            let value = try r.required(r.value("value"), "value")
            switch value {
            case .number, .string, .bool: op = .equals(value)
            default: throw FieldError(r.name("value"), "must be a number, a string or true/false, got \(value.typeName)")
            }
        case "one_of":
            let list = try r.required(r.strings("value"), "value")
            guard !list.isEmpty else { throw FieldError(r.name("value"), .atLeastOneValue) }
            op = .oneOf(list)
        case "is_true", "is_false":
            guard r.value("value") == nil else { throw FieldError(r.name("value"), .leaveOut(op: opName)) }
            op = opName == "is_true" ? .isTrue : .isFalse
        case "contains":
            let text = try r.required(r.string("value"), "value")
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw FieldError(r.name("value"), .notEmpty) }
            op = .contains(text)
        default:
            throw FieldError(r.name("operator"), .oneOf(AudienceOperator.names))
        }
        func text(_ key: String) throws(FieldError) -> String? {
            let s = try r.string(key)?.trimmingCharacters(in: .whitespaces)
            return s?.isEmpty == false ? s : nil
        }
        self.init(field, op, label: try text("label"), labelRu: try text("label_ru"), unit: try text("unit"), unitRu: try text("unit_ru"))
        if let mismatch { throw FieldError(r.name("operator"), mismatch) }
    }

    /// The rule as settings store it; absent labels and units are left out.
    public var json: JSONValue {
        var w = SettingsWriter()
        w.set("field", field.name)
        w.set("operator", op.name)
        w.set("value", op.operand)
        w.set("label", label)
        w.set("label_ru", labelRu)
        w.set("unit", unit)
        w.set("unit_ru", unitRu)
        return w.json
    }
}
