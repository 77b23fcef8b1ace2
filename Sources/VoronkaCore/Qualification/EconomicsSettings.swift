/// What a deal must earn to be worth the sales team's time.
public struct EconomicsSettings: Hashable, Sendable {
    /// The sales team's costs per month, in minor units (kopecks).
    public var monthlyCosts: Int64
    /// The deals closed in a typical month; the costs are shared among them.
    public var dealsPerMonth: Int?
    /// A minimum gross profit per deal set outright, in minor units; it wins over the computed one.
    public var fixedMinimum: Int64?

    /// Settings with amounts in minor units.
    public init(monthlyCosts: Int64, dealsPerMonth: Int? = nil, fixedMinimum: Int64? = nil) {
        self.monthlyCosts = monthlyCosts; self.dealsPerMonth = dealsPerMonth; self.fixedMinimum = fixedMinimum
    }

    /// The minimum worthwhile gross profit per deal in minor units: `fixedMinimum`, else the monthly costs shared
    /// among the month's deals, rounded up to a whole minor unit; nil when neither is set.
    public var minimumProfit: Int64? {
        if let fixedMinimum { return fixedMinimum }
        guard let deals = dealsPerMonth, deals > 0 else { return nil }
        let share = monthlyCosts / Int64(deals)
        return monthlyCosts % Int64(deals) == 0 ? share : share + 1
    }

    /// Reads `{"monthly_costs": 500000, "deals_per_month": 100, "fixed_minimum": null}`, amounts in major units.
    public init(json: JSONValue) throws(FieldError) {
        let r = try JSONObjectReader(json, keys: ["monthly_costs", "deals_per_month", "fixed_minimum"])
        self.init(monthlyCosts: try r.required(r.money("monthly_costs"), "monthly_costs"),
                  dealsPerMonth: try r.int("deals_per_month", in: 1...1_000_000),
                  fixedMinimum: try r.money("fixed_minimum"))
    }

    /// The settings object, amounts in major units; unset values are null.
    public var json: JSONValue {
        var w = SettingsWriter()
        w.set("monthly_costs", money: monthlyCosts)
        w.set("deals_per_month", dealsPerMonth.map { JSONValue.number(Double($0)) } ?? .null)
        w.set("fixed_minimum", fixedMinimum.map { JSONValue.number(Money.decimal(minorUnits: $0)) } ?? .null)
        return w.json
    }
}
