/// Who is asking, and whose records they may see: themselves and, for a manager, their whole team below them.
public struct Viewer: Hashable, Sendable {
    public let userID: Int64
    public let role: Role
    /// The users whose records this viewer may read and edit, the viewer included; nil means everyone.
    public let visibleOwners: Set<Int64>?

    public init(userID: Int64, role: Role, visibleOwners: Set<Int64>?) {
        self.userID = userID; self.role = role; self.visibleOwners = visibleOwners
    }

    /// The viewer for a user, given the manager of every user (the team hierarchy).
    public init(user: User, managers: [Int64: Int64?]) {
        self.userID = user.id
        self.role = user.role
        self.visibleOwners = user.role.seesEverything ? nil : Viewer.team(of: user.id, managers: managers)
    }

    /// The user and everyone who reports to them, directly or not. Cycles in the hierarchy are cut.
    public static func team(of root: Int64, managers: [Int64: Int64?]) -> Set<Int64> {
        var reports: [Int64: [Int64]] = [:]
        for (user, manager) in managers { if let manager { reports[manager, default: []].append(user) } }
        var seen: Set<Int64> = [root]
        var stack = [root]
        while let next = stack.popLast() {
            for r in reports[next] ?? [] where seen.insert(r).inserted { stack.append(r) }
        }
        return seen
    }

    /// Whether a record owned by `owner` is within reach. Unowned records belong to the heads only.
    public func owns(_ owner: Int64?) -> Bool {
        guard let visibleOwners else { return true }
        guard let owner else { return false }
        return visibleOwners.contains(owner)
    }
}
