import VoronkaCore

/// The installation's settings: each a JSON document under its key, checked before it is stored.
public enum SettingKey: String, CaseIterable, Sendable {
    /// The target audience (ideal customer profile): rules over company fields and custom attributes.
    case audience
    /// Monthly costs and deals a month (or a fixed minimum): the minimum worthwhile gross profit of a deal.
    case economics
    /// Where qualification is due, where budget and task must be known, and the probability cap.
    case control
    /// Triage every new lead as it arrives.
    case autoTriage = "auto_triage"

    /// The value used while none is stored.
    public var defaultValue: JSONValue {
        switch self {
        case .audience: AudienceProfile(rules: []).json
        case .economics: EconomicsSettings(monthlyCosts: 0, dealsPerMonth: nil, fixedMinimum: nil).json
        case .control: ControlSettings().json
        case .autoTriage: .bool(false)
        }
    }

    /// The value in its normal form, or the first problem, naming its path.
    public func normalize(_ value: JSONValue) throws(FieldError) -> JSONValue {
        switch self {
        case .audience: return try AudienceProfile(json: value).json
        case .economics: return try EconomicsSettings(json: value).json
        case .control: return try ControlSettings(json: value).json
        case .autoTriage:
            guard case .bool = value else { throw FieldError("value", .trueOrFalse(got: "")) }
            return value
        }
    }
}
