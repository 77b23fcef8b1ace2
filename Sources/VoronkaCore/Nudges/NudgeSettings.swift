/// The nudge rules' settings: each rule on or off, its thresholds, and when it escalates. An escalation set to null
/// does not happen. Stored as the setting "nudges"; every key of every rule is optional and takes its default.
public struct NudgeSettings: Hashable, Sendable {
    public var stalled = Stalled()
    public var postponed = Postponed()
    public var yearlyBuyer = YearlyBuyer()
    public var leadResponse = LeadResponse()
    public var stale = Stale()
    public var qualification = Qualification()

    public init() {}

    /// Stalled deals: the owner first, then their manager, then every head of sales.
    public struct Stalled: Hashable, Sendable {
        public var enabled = true
        /// Days past the stage's limit after which the owner's manager is told too.
        public var managerAfterDays: Int? = 7
        /// Days past the stage's limit after which the heads of sales are told too.
        public var headAfterDays: Int? = 14
    }

    /// Postponed deals: on `postponed_until`, else every `everyDays` days in the postponed stage.
    public struct Postponed: Hashable, Sendable {
        public var enabled = true
        public var everyDays = 30
    }

    /// Yearly buyers: told `daysBefore` days before the first day of the expected purchase month.
    public struct YearlyBuyer: Hashable, Sendable {
        public var enabled = true
        public var daysBefore = 30
    }

    /// New leads: the owner after `targetHours` without a first response, their manager `managerAfterHours` later.
    public struct LeadResponse: Hashable, Sendable {
        public var enabled = true
        public var targetHours = 4
        public var managerAfterHours: Int? = 4
    }

    /// Open deals that break a qualification rule (see `QualificationFlags`).
    public struct Qualification: Hashable, Sendable {
        public var enabled = true
    }

    /// Open deals untouched (no change, no call, meeting or e-mail logged) for `days` days.
    public struct Stale: Hashable, Sendable {
        public var enabled = true
        public var days = 14
    }

    /// Whether a rule runs.
    public func isEnabled(_ rule: NudgeRule) -> Bool {
        switch rule {
        case .stalled: stalled.enabled
        case .postponed: postponed.enabled
        case .yearlyBuyer: yearlyBuyer.enabled
        case .leadResponse: leadResponse.enabled
        case .stale: stale.enabled
        case .webhookFailing: true
        case .qualification: qualification.enabled
        }
    }

    /// Reads `{"stalled": {"enabled": true, "manager_after_days": 7, "head_after_days": 14}, "postponed": {...}, ...}`.
    /// Every problem names its path ("stalled.manager_after_days").
    public init(json: JSONValue) throws(FieldError) {
        let r = try JSONObjectReader(json, keys: NudgeRule.allCases.filter { $0 != .webhookFailing }.map(\.rawValue))
        if let o = try r.object("stalled") {
            let s = try JSONObjectReader(.object(o), path: "stalled", keys: ["enabled", "manager_after_days", "head_after_days"])
            stalled.enabled = try s.bool("enabled") ?? true
            stalled.managerAfterDays = try Self.optionalInt(s, "manager_after_days", 0...3650, default: 7)
            stalled.headAfterDays = try Self.optionalInt(s, "head_after_days", 0...3650, default: 14)
        }
        if let o = try r.object("postponed") {
            let s = try JSONObjectReader(.object(o), path: "postponed", keys: ["enabled", "every_days"])
            postponed.enabled = try s.bool("enabled") ?? true
            postponed.everyDays = try s.int("every_days", in: 1...3650) ?? 30
        }
        if let o = try r.object("yearly_buyer") {
            let s = try JSONObjectReader(.object(o), path: "yearly_buyer", keys: ["enabled", "days_before"])
            yearlyBuyer.enabled = try s.bool("enabled") ?? true
            yearlyBuyer.daysBefore = try s.int("days_before", in: 0...180) ?? 30
        }
        if let o = try r.object("lead_response") {
            let s = try JSONObjectReader(.object(o), path: "lead_response", keys: ["enabled", "target_hours", "manager_after_hours"])
            leadResponse.enabled = try s.bool("enabled") ?? true
            leadResponse.targetHours = try s.int("target_hours", in: 1...720) ?? 4
            leadResponse.managerAfterHours = try Self.optionalInt(s, "manager_after_hours", 0...720, default: 4)
        }
        if let o = try r.object("qualification") {
            let s = try JSONObjectReader(.object(o), path: "qualification", keys: ["enabled"])
            qualification.enabled = try s.bool("enabled") ?? true
        }
        if let o = try r.object("stale") {
            let s = try JSONObjectReader(.object(o), path: "stale", keys: ["enabled", "days"])
            stale.enabled = try s.bool("enabled") ?? true
            stale.days = try s.int("days", in: 1...3650) ?? 14
        }
    }

    /// A key that is absent takes its default; present and null switches the escalation off.
    private static func optionalInt(_ r: JSONObjectReader, _ key: String, _ range: ClosedRange<Int>, default value: Int) throws(FieldError) -> Int? {
        guard let present = r.object[key] else { return value }
        if case .null = present { return nil }
        return try r.int(key, in: range)
    }

    /// The settings document, every key written (null for an escalation that is off).
    public var json: JSONValue {
        func n(_ v: Int?) -> JSONValue { v.map { .number(Double($0)) } ?? .null }
        return .object([
            "stalled": .object(["enabled": .bool(stalled.enabled), "manager_after_days": n(stalled.managerAfterDays),
                                "head_after_days": n(stalled.headAfterDays)]),
            "postponed": .object(["enabled": .bool(postponed.enabled), "every_days": n(postponed.everyDays)]),
            "yearly_buyer": .object(["enabled": .bool(yearlyBuyer.enabled), "days_before": n(yearlyBuyer.daysBefore)]),
            "lead_response": .object(["enabled": .bool(leadResponse.enabled), "target_hours": n(leadResponse.targetHours),
                                      "manager_after_hours": n(leadResponse.managerAfterHours)]),
            "stale": .object(["enabled": .bool(stale.enabled), "days": n(stale.days)]),
            "qualification": .object(["enabled": .bool(qualification.enabled)]),
        ])
    }
}

/// What is wrong with an open deal's qualification, as the control report finds it.
public struct QualificationFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Past the first-meeting stage and not qualified.
    public static let unqualified = QualificationFlags(rawValue: 1)
    /// Expected profit below the minimum worthwhile profit, with no exception claimed.
    public static let belowMinimum = QualificationFlags(rawValue: 2)
    /// Past the control stage with the budget or the need unknown.
    public static let uncontrolled = QualificationFlags(rawValue: 4)
}
