/// One problem with one input field, as the API reports it.
public struct FieldError: Error, Hashable, Sendable, Codable {
    public let field: String
    /// The reason in English.
    public let reason: String
    /// The reason as a code, for interfaces that speak other languages; nil for reasons that have none yet.
    public let code: FieldReason?

    /// A problem whose reason has no code: every language shows the English sentence.
    public init(_ field: String, _ reason: String) {
        self.field = field; self.reason = reason; code = nil
    }

    /// A problem with a coded reason; the English sentence comes from the code.
    public init(_ field: String, _ code: FieldReason) {
        self.field = field; reason = code.english; self.code = code
    }

    private init(field: String, reason: String, code: FieldReason?) {
        self.field = field; self.reason = reason; self.code = code
    }

    /// The same problem under another field name (e.g. `value.monthly_costs` for a setting's part).
    public func renamed(_ field: String) -> FieldError { FieldError(field: field, reason: reason, code: code) }
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
    case conflict(FieldError)
    /// Too many attempts (failed sign-ins); the caller may try again after `retryAfter` seconds (429).
    case tooManyRequests(String, retryAfter: Int)

    public static func invalid(_ field: String, _ reason: String) -> DomainError {
        .invalid([FieldError(field, reason)])
    }

    public static func invalid(_ field: String, _ code: FieldReason) -> DomainError {
        .invalid([FieldError(field, code)])
    }

    public static func conflict(field: String, reason: String) -> DomainError {
        .conflict(FieldError(field, reason))
    }

    public static func conflict(field: String, _ code: FieldReason) -> DomainError {
        .conflict(FieldError(field, code))
    }

    /// A sentence for a person.
    public var message: String {
        switch self {
        case .invalid(let errors): "Invalid input: " + errors.map { "\($0.field): \($0.reason)" }.joined(separator: "; ")
        case .notFound(let kind, let id): "No \(kind.rawValue) with id \(id)."
        case .forbidden(let why): why
        case .unauthenticated(let why): why
        case .conflict(let error): "\(error.field): \(error.reason)"
        case .tooManyRequests(let why, _): why
        }
    }
}
