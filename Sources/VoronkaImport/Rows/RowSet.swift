/// The rows of an import by kind: one file's (`ParsedFile`), or every file's linked (`ImportPlan`).
public struct RowSet: Hashable, Sendable {
    public var companies: [ImportedCompany] = []
    public var contacts: [ImportedContact] = []
    public var leads: [ImportedLead] = []
    public var deals: [ImportedDeal] = []
    /// In a plan: sorted by deal and time; a repeat of the stage a deal is already in is dropped.
    public var stageEvents: [ImportedStageEvent] = []
    /// In a plan: users from users files, then owners and managers that only other rows name (`implied`).
    public var users: [ImportedUser] = []
    public var products: [ImportedProduct] = []

    public init() {}

    /// Makes room for `count` rows of a file of `kind` at once: growing arrays of millions of rows copied them over
    /// and over.
    mutating func reserve(_ count: Int, for kind: ImportFileKind) {
        switch kind {
        case .companies: companies.reserveCapacity(count)
        case .contacts: contacts.reserveCapacity(count)
        case .leads: leads.reserveCapacity(count)
        case .deals: deals.reserveCapacity(count)
        case .stageHistory: stageEvents.reserveCapacity(count)
        case .users: users.reserveCapacity(count)
        case .products: products.reserveCapacity(count)
        }
    }

    mutating func append(_ row: ImportedRow) {
        switch row {
        case .company(let c): companies.append(c)
        case .contact(let c): contacts.append(c)
        case .lead(let l): leads.append(l)
        case .deal(let d, let events): deals.append(d); stageEvents += events
        case .stageEvent(let e): stageEvents.append(e)
        case .user(let u): users.append(u)
        case .product(let p): products.append(p)
        }
    }
}
