import Foundation

/// A person's part in the client's buying centre.
public enum BuyingRole: String, Sendable, Codable, CaseIterable {
    case economicBuyer = "economic_buyer"
    case technical
    case user
    case decisionMaker = "decision_maker"
    case procurementOnly = "procurement_only"
    case unknown
}

/// A person at a company.
public struct Contact: Entity, Hashable {
    public static let kind = EntityKind.contact
    public static let sortable = ["id", "created_at", "updated_at", "name"]
    public static let fields: [FieldSpec] = FieldSpec.system + [
        FieldSpec("company_id", .id, required: true, references: .company),
        FieldSpec("name", .text, required: true, maxLength: 300),
        FieldSpec("position", .text, maxLength: 300),
        FieldSpec("email", .text, maxLength: 320),
        FieldSpec("phone", .text, maxLength: 64),
        FieldSpec("roles", .json, required: true, default: .json(.array([])), shape: .strings(allowed: BuyingRole.allCases.map(\.rawValue))),
        FieldSpec("notes", .text, maxLength: 20_000),
        FieldSpec("custom", .json, required: true, default: .json(.object([:])), shape: .attributes),
    ]

    public var id: Int64
    public var companyID: Int64
    public var name: String
    public var position: String?
    public var email: String?
    public var phone: String?
    public var roles: [BuyingRole]
    public var notes: String?
    /// Custom attributes (typed by the definitions for "contact").
    public var custom: [String: JSONValue] = [:]

    public init(id: Int64 = 0, companyID: Int64, name: String, position: String? = nil, email: String? = nil,
                phone: String? = nil, roles: [BuyingRole] = [], notes: String? = nil) {
        self.id = id; self.companyID = companyID; self.name = name; self.position = position
        self.email = email; self.phone = phone; self.roles = roles; self.notes = notes
    }

    public init(record r: Record) {
        id = r.int("id") ?? 0
        companyID = r.int("company_id") ?? 0
        name = r.text("name") ?? ""
        position = r.text("position")
        email = r.text("email")
        phone = r.text("phone")
        roles = r.strings("roles").compactMap(BuyingRole.init(rawValue:))
        notes = r.text("notes")
        if case .object(let o)? = r.json("custom") { custom = o }
    }

    public var record: Record {
        Record([
            "id": .int(id), "company_id": .int(companyID), "name": .text(name), "position": Record.optional(position),
            "email": Record.optional(email?.lowercased()), "phone": Record.optional(phone),
            "roles": Record.list(roles.map(\.rawValue)), "notes": Record.optional(notes), "custom": .json(.object(custom)),
        ])
    }

    public func validate() -> [FieldError] {
        var errors = Rules.nonEmpty(name, field: "name") + Rules.email(email)
        if let phone, !phone.isEmpty, phone.filter(\.isNumber).count < 5 || phone.contains(where: { $0.isLetter }) {
            errors.append(FieldError("phone", .phone))
        }
        return errors
    }
}
