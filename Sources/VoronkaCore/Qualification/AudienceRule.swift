/// How an audience rule compares a company's value with the rule's operand.
public enum AudienceOperator: Hashable, Sendable {
    /// Numbers; for annual revenue the operand is in major units (roubles).
    case greater(Double), greaterOrEqual(Double), less(Double), lessOrEqual(Double)
    /// The same number, flag, or text (case-insensitive, ё = е).
    case equals(JSONValue)
    /// Text equal to one of the list (case-insensitive); for tags, any tag in the list.
    case oneOf([String])
    /// A flag attribute is true, or false.
    case isTrue, isFalse
    /// The tags include this one (case-insensitive).
    case contains(String)

    /// The operator's name in settings: "greater", "greater_or_equal", "one_of", ...
    public var name: String {
        switch self {
        case .greater: "greater"
        case .greaterOrEqual: "greater_or_equal"
        case .less: "less"
        case .lessOrEqual: "less_or_equal"
        case .equals: "equals"
        case .oneOf: "one_of"
        case .isTrue: "is_true"
        case .isFalse: "is_false"
        case .contains: "contains"
        }
    }

    /// Every operator name settings accept.
    public static let names = ["greater", "greater_or_equal", "less", "less_or_equal", "equals", "one_of", "is_true", "is_false", "contains"]

    /// The operand as settings store it; nil for the flag operators.
    public var operand: JSONValue? {
        switch self {
        case .greater(let n), .greaterOrEqual(let n), .less(let n), .lessOrEqual(let n): .number(n)
        case .equals(let v): v
        case .oneOf(let list): .array(list.map(JSONValue.string))
        case .isTrue, .isFalse: nil
        case .contains(let s): .string(s)
        }
    }

    var isComparison: Bool {
        switch self {
        case .greater, .greaterOrEqual, .less, .lessOrEqual: true
        default: false
        }
    }
}

/// One condition of the ideal customer profile, such as "steam output above 3 t/h".
public struct AudienceRule: Hashable, Sendable {
    /// The company field or custom attribute the rule reads.
    public var field: AudienceField
    /// The comparison and its operand.
    public var op: AudienceOperator
    /// The field's name in explanations (e.g. "steam output"); defaults to the field's own name.
    public var label: String?
    /// The label in Russian; defaults to the built-in field's Russian name, or for a custom attribute to `label`.
    public var labelRu: String?
    /// The unit shown after numbers (e.g. "t/h"); revenue defaults to the company's currency.
    public var unit: String?
    /// The unit in Russian (e.g. "т/ч"); defaults to `unit`.
    public var unitRu: String?

    /// A rule, e.g. `AudienceRule(.custom("steam_tph"), .greater(3), label: "steam output", unit: "t/h")`.
    public init(_ field: AudienceField, _ op: AudienceOperator, label: String? = nil, labelRu: String? = nil,
                unit: String? = nil, unitRu: String? = nil) {
        self.field = field; self.op = op; self.label = label; self.labelRu = labelRu; self.unit = unit; self.unitRu = unitRu
    }

    /// The field's name in both languages: the rule's labels, else the built-in name.
    public var labelText: BilingualText {
        let fallback = field.defaultLabel
        let ru: String
        if case .custom = field { ru = labelRu ?? label ?? fallback.ru } else { ru = labelRu ?? fallback.ru }
        return BilingualText(en: label ?? fallback.en, ru: ru)
    }

    /// Why the operator does not fit the field, or nil when it does. Custom attributes accept every operator,
    /// since their type is only known from the attribute definitions.
    public var mismatch: FieldReason? {
        switch (field.kind, op) {
        case (.any, _): return nil
        case (.number, _) where op.isComparison: return nil
        case (.number, .equals(.number)): return nil
        case (.number, _): return .operatorMismatch(field: field.name, kind: "number")
        case (.text, .equals(.string)), (.text, .oneOf): return nil
        case (.text, _): return .operatorMismatch(field: field.name, kind: "text")
        case (.list, .contains), (.list, .oneOf): return nil
        case (.list, _): return .operatorMismatch(field: field.name, kind: "list")
        }
    }
}
