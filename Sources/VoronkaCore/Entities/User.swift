import Foundation

/// A person who works in Voronka: a rep, a manager, the head of sales or an admin.
public struct User: Entity, Hashable {
    public static let kind = EntityKind.user
    public static let sortable = ["id", "name"]
    public static let fields: [FieldSpec] = FieldSpec.system + [
        FieldSpec("name", .text, required: true, maxLength: 200),
        FieldSpec("email", .text, required: true, maxLength: 320),
        .enumeration("role", Role.self, required: true, default: .salesRep),
        FieldSpec("manager_id", .id, references: .user),
        FieldSpec("active", .bool, required: true, default: .bool(true)),
        .enumeration("locale", Language.self, required: true, default: .en),
    ]

    public var id: Int64
    public var name: String
    public var email: String
    public var role: Role
    public var managerID: Int64?
    public var active: Bool
    public var locale: Language
    public var createdAt: Date?

    public init(id: Int64 = 0, name: String, email: String, role: Role, managerID: Int64? = nil, active: Bool = true, locale: Language = .en, createdAt: Date? = nil) {
        self.id = id; self.name = name; self.email = email; self.role = role
        self.managerID = managerID; self.active = active; self.locale = locale; self.createdAt = createdAt
    }

    public init(record r: Record) {
        id = r.int("id") ?? 0
        name = r.text("name") ?? ""
        email = r.text("email") ?? ""
        role = r.enumValue("role", Role.self) ?? .salesRep
        managerID = r.int("manager_id")
        active = r.bool("active") ?? true
        locale = r.enumValue("locale", Language.self) ?? .en
        createdAt = r.time("created_at")
    }

    public var record: Record {
        Record([
            "id": .int(id), "name": .text(name), "email": .text(email.lowercased()), "role": .text(role.rawValue),
            "manager_id": Record.optional(managerID), "active": .bool(active), "locale": .text(locale.rawValue),
            "created_at": Record.optional(createdAt),
        ])
    }

    public func validate() -> [FieldError] {
        var errors = Rules.nonEmpty(name, field: "name") + Rules.email(email, required: true)
        if managerID != nil, managerID == id { errors.append(FieldError("manager_id", .ownManager)) }
        return errors
    }
}
