extension Viewer {
    /// The installation itself (command-line tools, migrations): sees everything, journaled without an actor.
    public static let system = Viewer(userID: 0, role: .admin, visibleOwners: nil)

    public var isSystem: Bool { userID == 0 }

    /// The journal's actor for this viewer: nil for the system.
    public var actorID: Int64? { isSystem ? nil : userID }
}
