import Foundation

/// A stored record type of the domain: typed in Swift, described field by field for storage,
/// the API and the journal.
public protocol Entity: Sendable {
    static var kind: EntityKind { get }
    /// Every stored field, system fields included.
    static var fields: [FieldSpec] { get }
    /// The field naming the user who owns the record, when ownership decides access.
    static var ownerField: String? { get }
    /// The fields lists may be sorted by: never null, each backed by an index on (field, id).
    static var sortable: [String] { get }

    var id: Int64 { get }
    init(record: Record)
    var record: Record { get }
    /// Rules beyond field types (an email's form, a range between two fields).
    func validate() -> [FieldError]
}

extension Entity {
    public static var ownerField: String? { nil }
    public static var sortable: [String] { ["id", "created_at", "updated_at"] }
    public func validate() -> [FieldError] { [] }

    /// The field specification by name.
    public static func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}

/// Checks shared by several entities.
public enum Rules {
    public static func email(_ value: String?, field: String = "email", required: Bool = false) -> [FieldError] {
        guard let value, !value.isEmpty else { return required ? [FieldError(field, .required)] : [] }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || value.contains(" ") || parts[1].hasSuffix(".") {
            return [FieldError(field, .email)]
        }
        return []
    }

    public static func nonEmpty(_ value: String?, field: String) -> [FieldError] {
        (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? [FieldError(field, .notEmpty)] : []
    }

    public static func currency(_ value: String?, field: String = "currency") -> [FieldError] {
        guard let value else { return [] }
        return Currency.isKnown(value) ? [] : [FieldError(field, .currency([]))]
    }

    public static func nonNegative(_ value: Int64?, field: String) -> [FieldError] {
        if let value, value < 0 { return [FieldError(field, .notNegative)] }
        return []
    }
}
