/// A deal's grade by how many of need, budget and urgency are confirmed: three AAA, two BBB, one CCC.
public enum DealGrade: String, Sendable, Codable, CaseIterable {
    case aaa = "AAA", bbb = "BBB", ccc = "CCC", ungraded

    /// The grade for a count of confirmed criteria (0 to 3).
    public init(confirmed count: Int) {
        switch count {
        case 3...: self = .aaa
        case 2: self = .bbb
        case 1: self = .ccc
        default: self = .ungraded
        }
    }
}

/// Who at the client the deal has reached, from its contacts' buying roles.
public struct Authority: Hashable, Sendable {
    /// The economic function: someone with the role economic_buyer.
    public var economic: Bool
    /// The technical function: someone with the role technical.
    public var technical: Bool
    /// The user function: someone with the role user.
    public var user: Bool
    /// Someone who decides: a decision_maker or an economic_buyer.
    public var decisionMakerReached: Bool
    /// Every contact with a known role is procurement_only and nothing else (false with no such contact).
    public var procurementOnly: Bool
    /// Some contact has no role or the role unknown, and so might cover a function not yet covered.
    public var hasUnknownRoles: Bool

    /// Reads the roles of the deal's contacts (the caller loads them by the deal's contact_ids).
    public init(contacts: [Contact]) {
        let roles = Set(contacts.flatMap(\.roles))
        economic = roles.contains(.economicBuyer)
        technical = roles.contains(.technical)
        user = roles.contains(.user)
        decisionMakerReached = roles.contains(.decisionMaker) || roles.contains(.economicBuyer)
        let known = contacts.map { Set($0.roles).subtracting([.unknown]) }.filter { !$0.isEmpty }
        procurementOnly = !known.isEmpty && known.allSatisfy { $0 == [.procurementOnly] }
        hasUnknownRoles = contacts.contains { Set($0.roles).subtracting([.unknown]).isEmpty }
    }

    /// Economic, technical and user functions all covered.
    public var allFunctionsCovered: Bool { economic && technical && user }

    /// The functions no contact covers, as buying roles, in the order economic, technical, user.
    public var missingFunctions: [BuyingRole] {
        [(economic, BuyingRole.economicBuyer), (technical, .technical), (user, .user)].filter { !$0.0 }.map(\.1)
    }
}
