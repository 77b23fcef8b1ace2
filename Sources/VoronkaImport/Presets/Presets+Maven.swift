/// The Maven Analytics CRM sales-opportunities data set: four CSV files linked by account, agent and product names.
extension Presets {
    /// sales_pipeline.csv: close_value is non-zero exactly when a deal is won; engage_date is when it entered
    /// Engaging (Prospecting deals have none), close_date when it was won or lost.
    static let mavenPipeline: Preset = {
        var preset = mavenPipelineColumns
        preset.mapping.stageOrder = ["Prospecting", "Engaging"]
        return preset
    }()

    private static let mavenPipelineColumns = Preset(
        id: "maven-pipeline", title: "Maven CRM sales_pipeline.csv",
        signature: ["opportunity_id", "sales_agent", "deal_stage", "close_value"],
        mapping: ImportMapping(
            kind: .deals,
            columns: ImportMapping.columns([
                "opportunity_id": "source_id", "sales_agent": "owner_name", "product": "product_name", "account": "company_name",
                "deal_stage": "stage_name", "engage_date": "created_at", "close_date": "closed_at", "close_value": "amount",
            ]),
            // The pipeline file writes "GTXPro" where products.csv has "GTX Pro".
            valueMaps: [.productName: ["GTXPro": "GTX Pro"]],
            currency: "USD",
            outcomeRules: [
                OutcomeRule(.column("close_value"), .nonZero, then: .won),
                .field(.stageName, equals: ["Lost"], then: .lost),
                .field(.stageName, equals: ["Won"], then: .won),
            ],
            stageDateColumns: ["engage_date": "Engaging"], closedAtEntersStage: true,
            titleTemplate: "{product_name} — {company_name}"))

    /// accounts.csv: revenue is in millions of USD.
    static let mavenAccounts = Preset(
        id: "maven-accounts", title: "Maven CRM accounts.csv",
        signature: ["account", "sector", "year_established"],
        mapping: ImportMapping(
            kind: .companies,
            columns: ImportMapping.columns([
                "account": "company_name", "sector": "industry", "year_established": "custom.year_established",
                "revenue": "annual_revenue", "employees": "headcount", "office_location": "custom.office_location",
                "subsidiary_of": "custom.subsidiary_of",
            ]),
            valueMaps: [.industry: ["technolgy": "technology"]],
            currency: "USD", multipliers: [.annualRevenue: 1_000_000]))

    /// sales_teams.csv: each agent's manager and regional office.
    static let mavenTeams = Preset(
        id: "maven-teams", title: "Maven CRM sales_teams.csv",
        signature: ["sales_agent", "manager", "regional_office"],
        mapping: ImportMapping(
            kind: .users,
            columns: ImportMapping.columns(["sales_agent": "owner_name", "manager": "manager_name", "regional_office": "team"]),
            currency: "USD"))

    /// products.csv: list prices in USD.
    static let mavenProducts = Preset(
        id: "maven-products", title: "Maven CRM products.csv",
        signature: ["product", "series", "sales_price"],
        mapping: ImportMapping(
            kind: .products,
            columns: ImportMapping.columns(["product": "product_name", "series": "category", "sales_price": "price"]),
            currency: "USD"))
}
