import Testing
@testable import VoronkaCore

@Suite("Qualification settings as JSON")
struct QualificationSettingsTests {
    typealias F = QualificationFixtures

    /// The worked example as an administrator would store it; the revenue threshold in roubles.
    static let profileJSON: JSONValue = ["rules": [
        ["field": "custom.steam_tph", "operator": "greater", "value": 3, "label": "steam output",
         "label_ru": "паропроизводительность", "unit": "t/h", "unit_ru": "т/ч"],
        ["field": "annual_revenue", "operator": "greater", "value": 1_000_000_000, "label": "annual turnover", "label_ru": "годовой оборот"],
        ["field": "industry", "operator": "one_of", "value": ["food", "chemicals", "pulp and paper"]],
    ]]

    /// The field a settings reader complains about, or nil when it reads fine.
    static func errorField(_ read: () throws -> Void) -> String? {
        do { try read(); return nil } catch let error as FieldError { return error.field } catch { return "not a FieldError: \(error)" }
    }

    @Test("The audience profile reads from JSON and writes back the same JSON")
    func profileRoundTrip() throws {
        // action
        let profile = try AudienceProfile(json: Self.profileJSON)
        // check
        #expect(profile == F.profile)
        #expect(profile.json == Self.profileJSON)
        #expect(try AudienceProfile(json: AudienceProfile(rules: [AudienceRule(.custom("boiler"), .isTrue)]).json).rules[0].op == .isTrue)
    }

    @Test("Bad rules are refused with the path of the bad value")
    func profileErrors() {
        // setup
        let good: JSONValue = ["field": "industry", "operator": "equals", "value": "food"]
        let cases: [(JSONValue, String)] = [
            (["rules": [good, ["field": "headcount", "operator": "bigger", "value": 3]]], "rules[1].operator"),
            (["rules": [good, good, ["field": "turnover", "operator": "greater", "value": 3]]], "rules[2].field"),
            (["rules": [["field": "headcount", "operator": "greater"]]], "rules[0].value"),
            (["rules": [["field": "headcount", "operator": "greater", "value": "3"]]], "rules[0].value"),
            (["rules": [["field": "industry", "operator": "greater", "value": 3]]], "rules[0].operator"),
            (["rules": [["field": "tags", "operator": "one_of", "value": ["a", 1]]]], "rules[0].value[1]"),
            (["rules": [["field": "tags", "operator": "one_of", "value": []]]], "rules[0].value"),
            (["rules": [["field": "custom.flag", "operator": "is_true", "value": true]]], "rules[0].value"),
            (["rules": [["field": "custom.Bad-Key", "operator": "is_true"]]], "rules[0].field"),
            (["rules": [good.merging("colour", "red")]], "rules[0].colour"),
            (["rules": ["industry"]], "rules[0]"),
            (["rules": "industry"], "rules"),
            ([:], "rules"),
            ("rules", "settings"),
        ]
        for (json, field) in cases {
            // action / check
            #expect(Self.errorField { _ = try AudienceProfile(json: json) } == field, "\(json.jsonText)")
        }
    }

    @Test("Economics settings read amounts in roubles and keep kopecks; unset values write as null")
    func economics() throws {
        // setup
        let json: JSONValue = ["monthly_costs": 500_000, "deals_per_month": 100, "fixed_minimum": .null]
        // action
        let settings = try EconomicsSettings(json: json)
        // check
        #expect(settings == EconomicsSettings(monthlyCosts: 50_000_000, dealsPerMonth: 100))
        #expect(settings.minimumProfit == 500_000)
        #expect(settings.json == json)
        #expect(Self.errorField { _ = try EconomicsSettings(json: ["deals_per_month": 100]) } == "monthly_costs")
        #expect(Self.errorField { _ = try EconomicsSettings(json: ["monthly_costs": "a lot"]) } == "monthly_costs")
        #expect(Self.errorField { _ = try EconomicsSettings(json: ["monthly_costs": 1, "deals_per_month": 0]) } == "deals_per_month")
        #expect(Self.errorField { _ = try EconomicsSettings(json: ["monthly_costs": 1, "fixed_minimum": 0.001]) } == "fixed_minimum")
    }

    @Test("Control settings: null positions mean the defaults, the cap defaults to 10 and stays within 0...100")
    func control() throws {
        // action
        let defaults = try ControlSettings(json: [:])
        let explicit = try ControlSettings(json: ["first_meeting_stage_position": 1, "control_stage_position": 2, "cap": 15])
        // check
        #expect(defaults == ControlSettings())
        #expect(defaults.json == ["first_meeting_stage_position": .null, "control_stage_position": .null, "cap": 10] as JSONValue)
        #expect(try ControlSettings(json: explicit.json) == explicit)
        #expect(Self.errorField { _ = try ControlSettings(json: ["cap": 150]) } == "cap")
        #expect(Self.errorField { _ = try ControlSettings(json: ["control_stage_position": 1.5]) } == "control_stage_position")
    }
}

private extension JSONValue {
    func merging(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var o) = self else { return self }
        o[key] = value
        return .object(o)
    }
}
