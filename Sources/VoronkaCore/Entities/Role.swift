/// What a user does in the sales team; decides what they may read and change.
public enum Role: String, Sendable, Codable, CaseIterable {
    case salesRep = "sales_rep"
    case accountManager = "account_manager"
    case projectManager = "project_manager"
    case headOfSales = "head_of_sales"
    case admin

    /// Sees and edits every record, not only their team's.
    public var seesEverything: Bool { self == .headOfSales || self == .admin }
}

/// The interface languages.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en, ru
}
