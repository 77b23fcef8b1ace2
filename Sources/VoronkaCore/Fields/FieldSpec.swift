/// Describes one field of an entity: its type and the rules the API checks on input.
public struct FieldSpec: Sendable {
    public let name: String
    public let type: FieldType
    /// Must be present and non-null on create.
    public var required: Bool
    /// Can be set through create and update; system fields (id, timestamps) cannot.
    public var writable: Bool
    /// The allowed values of a text field (an enumeration).
    public var allowed: [String]?
    /// The entity an id field points to.
    public var references: EntityKind?
    public var maxLength: Int?
    public var range: ClosedRange<Double>?
    /// The value a create gets when the input leaves the field out.
    public var defaultValue: FieldValue
    /// What a JSON field must hold.
    public var shape: JSONShape?

    public init(_ name: String, _ type: FieldType, required: Bool = false, writable: Bool = true,
                allowed: [String]? = nil, references: EntityKind? = nil, maxLength: Int? = nil,
                range: ClosedRange<Double>? = nil, default defaultValue: FieldValue = .null, shape: JSONShape? = nil) {
        self.name = name; self.type = type; self.required = required; self.writable = writable
        self.allowed = allowed; self.references = references
        self.maxLength = maxLength ?? (type == .text ? 2000 : nil)
        self.range = range; self.defaultValue = defaultValue; self.shape = shape
    }

    /// The fields every entity has: id, creation, update and soft-deletion times.
    public static let system: [FieldSpec] = [
        FieldSpec("id", .id, writable: false),
        FieldSpec("created_at", .timestamp, writable: false),
        FieldSpec("updated_at", .timestamp, writable: false),
        FieldSpec("deleted_at", .timestamp, writable: false),
    ]

    static func enumeration<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type, required: Bool = false, default value: E? = nil) -> FieldSpec where E.RawValue == String {
        FieldSpec(name, .text, required: required, allowed: E.allCases.map(\.rawValue),
                  default: value.map { .text($0.rawValue) } ?? .null)
    }
}

/// The allowed form of a JSON field.
public enum JSONShape: Sendable {
    /// An array of strings, optionally from a fixed list.
    case strings(allowed: [String]?)
    /// An array of positive ids.
    case ids
    /// An object whose values are numbers, strings, booleans or null (custom attributes).
    case attributes
}
