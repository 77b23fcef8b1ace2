/// One problem with one input field, as the API reports it.
public struct FieldError: Error, Hashable, Sendable, Codable {
    public let field: String
    public let reason: String

    public init(_ field: String, _ reason: String) {
        self.field = field; self.reason = reason
    }
}

/// An error a user can understand and act on; the API maps each case to a status code.
public enum DomainError: Error, Hashable, Sendable {
    /// Input that breaks a rule: one entry per field (422).
    case invalid([FieldError])
    /// No such record, or one the caller may not know of (404).
    case notFound(EntityKind, Int64)
    /// The caller's role does not allow this (403).
    case forbidden(String)
    /// No or wrong credentials (401).
    case unauthenticated(String)
    /// The request clashes with stored state, such as a duplicate unique value (409).
    case conflict(field: String, reason: String)

    public static func invalid(_ field: String, _ reason: String) -> DomainError {
        .invalid([FieldError(field, reason)])
    }

    /// A sentence for a person.
    public var message: String {
        switch self {
        case .invalid(let errors): "Invalid input: " + errors.map { "\($0.field): \($0.reason)" }.joined(separator: "; ")
        case .notFound(let kind, let id): "No \(kind.rawValue) with id \(id)."
        case .forbidden(let why): why
        case .unauthenticated(let why): why
        case .conflict(let field, let reason): "\(field): \(reason)"
        }
    }
}
