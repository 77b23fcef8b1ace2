@testable import VoronkaCore

/// Shared cases for the qualification tests: the worked example's profile and a small industrial catalog.
enum QualificationFixtures {
    /// Steam processing above 3 t/h, annual turnover above 1 billion roubles, industry food, chemicals or pulp and paper.
    static let profile = AudienceProfile(rules: [
        AudienceRule(.custom("steam_tph"), .greater(3), label: "steam output", labelRu: "паропроизводительность", unit: "t/h", unitRu: "т/ч"),
        AudienceRule(.annualRevenue, .greater(1_000_000_000), label: "annual turnover", labelRu: "годовой оборот"),
        AudienceRule(.industry, .oneOf(["food", "chemicals", "pulp and paper"])),
    ])

    /// A dairy that fits every rule: 5 t/h, 1.5 billion roubles (in kopecks), food.
    static let dairy = Company(id: 1, name: "Молочный завод", industry: "Food", annualRevenue: 150_000_000_000,
                               custom: ["steam_tph": 5])

    static let boiler = Product(id: 10, name: "Паровой котёл Е-1,0-0,9", category: "Котельное оборудование",
                                keywords: ["паровой котел", "steam boiler"])
    static let burner = Product(id: 11, name: "Gas burner", category: "Burners", keywords: ["горелка", "burner"])
    static let retired = Product(id: 12, name: "Экономайзер", keywords: ["экономайзер"], active: false)

    static let matcher = RequestMatcher(catalog: [boiler, burner, retired])

    /// A deal with only the fields the rules read set.
    static func deal(id: Int64 = 1, stageID: Int64 = 1, amount: Int64 = 0, needDescribed: Bool? = nil,
                     budget: BudgetStatus = .unknown, deadline: String? = nil, expectedProfit: Int64? = nil,
                     probabilityOverride: Int64? = nil, needText: String? = nil, custom: [String: JSONValue] = [:]) -> Deal {
        Deal(id: id, title: "Deal \(id)", companyID: 1, pipelineID: 1, stageID: stageID, amount: amount, expectedProfit: expectedProfit,
             probabilityOverride: probabilityOverride, probabilityReason: probabilityOverride == nil ? nil : "agreed with the client",
             custom: custom, needDescribed: needDescribed, needText: needText, budgetStatus: budget, deadline: deadline.flatMap { Day($0) })
    }

    static func contact(_ id: Int64, _ roles: BuyingRole...) -> Contact {
        Contact(id: id, companyID: 1, name: "Contact \(id)", roles: roles)
    }
}
