import Foundation
import VoronkaAnalytics
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
    /// The company's time zone (an IANA name such as "Europe/Moscow"): the web pages show times in it and read
    /// the times typed into forms in it.
    case timeZone = "time_zone"
    /// The reasons a deal is lost, offered when it moves to a lost stage (a free text is always possible too);
    /// empty: the built-in list (`LostReasons.standard`).
    case lostReasons = "lost_reasons"
    /// The base currency of the analytics' sums and the value of one unit of each other currency in it; an amount in a
    /// currency without a rate is left out of the sums and counted.
    case currencyRates = "currency_rates"
    /// The nudge rules: each on or off, its thresholds and escalations (`NudgeSettings`).
    case nudges

    /// The value used while none is stored.
    public var defaultValue: JSONValue {
        switch self {
        case .audience: AudienceProfile(rules: []).json
        case .economics: EconomicsSettings(monthlyCosts: 0, dealsPerMonth: nil, fixedMinimum: nil).json
        case .control: ControlSettings().json
        case .autoTriage: .bool(false)
        case .timeZone: .string("UTC")
        case .lostReasons: .array([])
        case .currencyRates: CurrencyRates.standard.json
        case .nudges: NudgeSettings().json
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
        case .timeZone:
            guard case .string(let name) = value, let zone = TimeZone(identifier: name) else {
                throw FieldError("value", "must be a time zone name such as Europe/Moscow, Asia/Yekaterinburg or UTC")
            }
            return .string(zone.identifier)
        case .lostReasons:
            return .array(try LostReasons.normalize(value).map(JSONValue.string))
        case .currencyRates:
            return try CurrencyRates(json: value).json
        case .nudges:
            return try NudgeSettings(json: value).json
        }
    }
}
