/// What one may do with a kind of record.
public enum AccessAction: String, Sendable, CaseIterable {
    case read, write
}

/// Who may read and change what. Ownership is checked per record with `Viewer.owns`; this table says
/// whether the role may act on the kind at all, and whether ownership matters for it.
public enum AccessPolicy {
    /// How access to a kind of record is decided.
    public enum Scope: Sendable, Equatable {
        /// Everyone may.
        case everyone
        /// Only these roles may.
        case roles(Set<Role>)
        /// The owner's team may (and the heads); ownership comes from the record or, for contacts, its company.
        case ownership
        /// No one may through the generic API (a dedicated endpoint handles it).
        case nobody
    }

    public static let admins: Set<Role> = [.admin]
    public static let heads: Set<Role> = [.headOfSales, .admin]

    /// The rule for a role's action on a kind of record.
    public static func scope(_ action: AccessAction, _ kind: EntityKind) -> Scope {
        switch (kind, action) {
        case (.user, .read), (.pipeline, .read), (.stage, .read), (.product, .read), (.attribute, .read), (.channel, .read): .everyone
        case (.user, .write), (.pipeline, .write), (.stage, .write), (.attribute, .write), (.setting, _): .roles(admins)
        case (.product, .write), (.channel, .write), (.webhook, _): .roles(heads)
        case (.company, _), (.contact, _), (.lead, _), (.deal, _), (.activity, _), (.nudge, _): .ownership
        case (.token, _): .nobody
        }
    }

    /// Whether the viewer may act on a record whose owner is `owner` (nil when the record has none or the kind has no owner).
    public static func allows(_ viewer: Viewer, _ action: AccessAction, _ kind: EntityKind, owner: Int64?) -> Bool {
        switch scope(action, kind) {
        case .everyone: true
        case .roles(let roles): roles.contains(viewer.role)
        case .ownership: viewer.owns(owner)
        case .nobody: false
        }
    }
}
