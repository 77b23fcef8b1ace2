/// The kinds of record Voronka stores; the journal names them this way.
public enum EntityKind: String, Sendable, Codable, CaseIterable {
    case user, company, contact, product, lead, pipeline, stage, deal, activity
    /// A lead channel (an open list).
    case channel
    case attribute = "attribute_definition"
    case token = "api_token"
    /// An installation setting (a JSON document by key).
    case setting
    /// A nudge the rules found due (its own table and calls, like tokens).
    case nudge
    /// A webhook endpoint (its own table and calls).
    case webhook

    /// The table and API path segment of this kind.
    public var plural: String {
        switch self {
        case .company: "companies"
        case .activity: "activities"
        case .attribute: "attribute_definitions"
        case .token: "api_tokens"
        default: rawValue + "s"
        }
    }
}

extension EntityKind {
    /// The Swift type of the records of this kind; nil for tokens, which have their own store calls.
    public var entityType: (any Entity.Type)? {
        switch self {
        case .user: User.self
        case .company: Company.self
        case .contact: Contact.self
        case .product: Product.self
        case .lead: Lead.self
        case .pipeline: Pipeline.self
        case .stage: Stage.self
        case .deal: Deal.self
        case .activity: Activity.self
        case .channel: LeadChannel.self
        case .attribute: AttributeDefinition.self
        case .token, .setting, .nudge, .webhook: nil
        }
    }

    /// The stored fields of this kind.
    public var fields: [FieldSpec] {
        switch self {
        case .nudge: Nudge.journalFields
        case .webhook: WebhookEndpoint.journalFields
        default: entityType?.fields ?? []
        }
    }

    /// The fields lists of this kind may be sorted by.
    public var sortable: [String] { entityType?.sortable ?? ["id"] }

    /// The position of a field in `fields` (the first of that name).
    public func fieldIndex(_ name: String) -> Int? { fieldIndexes[name] }

    /// The position in `fields` of every field name: for code that looks up many (get it once, then look up).
    public var fieldIndexes: [String: Int] { Self.fieldIndexTable[self] ?? [:] }

    private static let fieldIndexTable: [EntityKind: [String: Int]] = Dictionary(uniqueKeysWithValues: allCases.map { kind in
        (kind, Dictionary(kind.fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a }))
    })
}
