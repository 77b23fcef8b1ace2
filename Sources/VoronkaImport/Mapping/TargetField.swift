/// What one file of an import holds.
public enum ImportFileKind: String, Sendable, CaseIterable, Hashable {
    case companies, contacts, leads, deals
    case stageHistory = "stage_history"
    /// Sales people with their managers and teams (Maven's sales_teams.csv).
    case users
    case products

    /// The fields a file of this kind may fill.
    public var fields: [TargetField] {
        switch self {
        case .companies:
            [.sourceID, .companyName, .taxID, .industry, .annualRevenue, .headcount, .currency, .ownerName, .createdAt,
             .email, .phone, .source]
        case .contacts:
            [.sourceID, .contactName, .companyName, .companySourceID, .taxID, .email, .phone, .position, .ownerName, .createdAt]
        case .leads:
            [.sourceID, .requestText, .receivedAt, .source, .contactName, .email, .phone, .companyName, .companySourceID,
             .taxID, .ownerName, .pipelineName, .stageName, .status, .closedAt, .lostReason, .dealSourceID, .productName,
             .utmSource, .utmMedium, .utmCampaign, .utmTerm, .utmContent, .landingPage]
        case .deals:
            [.sourceID, .title, .amount, .currency, .companyName, .companySourceID, .taxID, .contactName, .email, .phone,
             .ownerName, .pipelineName, .stageName, .status, .createdAt, .closedAt, .expectedClose, .lostReason,
             .leadSourceID, .source, .productName, .needText, .budgetAmount, .deadline, .wonAt, .lostAt]
        case .stageHistory:
            [.dealSourceID, .pipelineName, .stageName, .enteredAt, .ownerName]
        case .users:
            [.ownerName, .email, .managerName, .team]
        case .products:
            [.productName, .category, .price, .currency]
        }
    }

    /// Whether rows of this kind keep custom attributes (`custom.<key>` columns): companies, contacts, leads, deals.
    public var storesCustom: Bool { [.companies, .contacts, .leads, .deals].contains(self) }

    /// The fields without which no row of this kind can be read; a file must map a column to each.
    public var requiredFields: [TargetField] {
        switch self {
        case .companies: [.companyName]
        case .contacts: [.contactName]
        case .leads: [.receivedAt]
        // A deals file without a stage column is read by outcome (`ImportMapping.stageName`).
        case .deals: []
        case .stageHistory: [.dealSourceID, .stageName, .enteredAt]
        case .users: [.ownerName]
        case .products: [.productName]
        }
    }
}

/// A field of the imported rows that a column can fill; the names are the entities' field names.
public enum TargetField: String, Sendable, CaseIterable, Hashable, Comparable {
    /// The record's id in the source system: re-importing the same id updates instead of duplicating.
    case sourceID = "source_id"
    case title
    case amount, currency
    case companyName = "company_name"
    /// The company's id in the source system (Salesforce AccountId), resolved against a companies file.
    case companySourceID = "company_source_id"
    case taxID = "tax_id"
    case industry
    case annualRevenue = "annual_revenue"
    case headcount
    case contactName = "contact_name"
    case email, phone, position
    case ownerName = "owner_name"
    case managerName = "manager_name"
    case team
    case pipelineName = "pipeline_name"
    case stageName = "stage_name"
    /// A status column (won/lost/open) that outcome rules read.
    case status
    /// Where a lead came from, as text; a value map turns it into a `LeadSource` raw value.
    case source
    case requestText = "request_text"
    case leadSourceID = "lead_source_id"
    case dealSourceID = "deal_source_id"
    case receivedAt = "received_at"
    case createdAt = "created_at"
    case closedAt = "closed_at"
    case expectedClose = "expected_close"
    case enteredAt = "entered_at"
    case lostReason = "lost_reason"
    case productName = "product_name"
    case category
    case price
    /// What the client needs, in their words: a deal with it counts its need as described.
    case needText = "need_text"
    /// The budget the client has allocated: a deal with it counts its budget as allocated.
    case budgetAmount = "budget_amount"
    /// The date the client needs the result by: a deal with it counts as urgent.
    case deadline
    /// A lead's web analytics tags and the page it arrived on.
    case utmSource = "utm_source", utmMedium = "utm_medium", utmCampaign = "utm_campaign", utmTerm = "utm_term", utmContent = "utm_content"
    case landingPage = "landing_page"
    /// When a deal was won, or lost: the date closes it, and without a stage column it decides the outcome.
    case wonAt = "won_at", lostAt = "lost_at"

    /// Fields whose columns are joined with a space when several columns fill them (first, middle and last name);
    /// other fields take the first non-empty column.
    var joinsColumns: Bool { self == .contactName || self == .requestText }

    /// Position in `allCases`, for arrays indexed by field (a switch: hashing a String-backed enum is slow).
    var ordinal: Int {
        switch self {
        case .sourceID: 0
        case .title: 1
        case .amount: 2
        case .currency: 3
        case .companyName: 4
        case .companySourceID: 5
        case .taxID: 6
        case .industry: 7
        case .annualRevenue: 8
        case .headcount: 9
        case .contactName: 10
        case .email: 11
        case .phone: 12
        case .position: 13
        case .ownerName: 14
        case .managerName: 15
        case .team: 16
        case .pipelineName: 17
        case .stageName: 18
        case .status: 19
        case .source: 20
        case .requestText: 21
        case .leadSourceID: 22
        case .dealSourceID: 23
        case .receivedAt: 24
        case .createdAt: 25
        case .closedAt: 26
        case .expectedClose: 27
        case .enteredAt: 28
        case .lostReason: 29
        case .productName: 30
        case .category: 31
        case .price: 32
        case .needText: 33
        case .budgetAmount: 34
        case .deadline: 35
        case .utmSource: 36
        case .utmMedium: 37
        case .utmCampaign: 38
        case .utmTerm: 39
        case .utmContent: 40
        case .landingPage: 41
        case .wonAt: 42
        case .lostAt: 43
        }
    }

    public static func < (a: TargetField, b: TargetField) -> Bool { a.ordinal < b.ordinal }
}

/// Where a column goes: a field, a custom attribute ("custom.office_location"), or nowhere.
public enum ColumnTarget: Hashable, Sendable {
    case field(TargetField)
    case custom(String)
    case ignore

    /// Parses "title", "custom.key" or "ignore".
    public init?(text: String) {
        if text == "ignore" || text.isEmpty { self = .ignore }
        else if text.hasPrefix("custom."), text.count > 7 { self = .custom(String(text.dropFirst(7))) }
        else if let field = TargetField(rawValue: text) { self = .field(field) }
        else { return nil }
    }

    public var text: String {
        switch self {
        case .field(let f): f.rawValue
        case .custom(let key): "custom." + key
        case .ignore: "ignore"
        }
    }
}
