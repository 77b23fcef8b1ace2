import Foundation

/// A client or prospect organisation (an account).
public struct Company: Entity, Hashable {
    public static let kind = EntityKind.company
    public static let ownerField: String? = "owner_id"
    public static let sortable = ["id", "created_at", "updated_at", "name"]
    public static let fields: [FieldSpec] = FieldSpec.system + [
        FieldSpec("name", .text, required: true, maxLength: 300),
        FieldSpec("tax_id", .text, maxLength: 32),
        FieldSpec("industry", .text, maxLength: 200),
        FieldSpec("segment", .text, maxLength: 200),
        FieldSpec("annual_revenue", .money, range: 0...9e13),
        FieldSpec("currency", .text, required: true, default: .text("RUB")),
        FieldSpec("headcount", .int, range: 0...10_000_000),
        FieldSpec("custom", .json, required: true, default: .json(.object([:])), shape: .attributes),
        FieldSpec("owner_id", .id, references: .user),
        FieldSpec("source", .text, maxLength: 200),
        FieldSpec("tags", .json, required: true, default: .json(.array([])), shape: .strings(allowed: nil)),
        FieldSpec("notes", .text, maxLength: 20_000),
    ]

    public var id: Int64
    public var name: String
    public var taxID: String?
    public var industry: String?
    public var segment: String?
    public var annualRevenue: Int64?
    public var currency: String
    public var headcount: Int64?
    public var custom: [String: JSONValue]
    public var ownerID: Int64?
    public var source: String?
    public var tags: [String]
    public var notes: String?

    public init(id: Int64 = 0, name: String, taxID: String? = nil, industry: String? = nil, segment: String? = nil,
                annualRevenue: Int64? = nil, currency: String = "RUB", headcount: Int64? = nil,
                custom: [String: JSONValue] = [:], ownerID: Int64? = nil, source: String? = nil, tags: [String] = [], notes: String? = nil) {
        self.id = id; self.name = name; self.taxID = taxID; self.industry = industry; self.segment = segment
        self.annualRevenue = annualRevenue; self.currency = currency; self.headcount = headcount
        self.custom = custom; self.ownerID = ownerID; self.source = source; self.tags = tags; self.notes = notes
    }

    public init(record r: Record) {
        id = r.int("id") ?? 0
        name = r.text("name") ?? ""
        taxID = r.text("tax_id")
        industry = r.text("industry")
        segment = r.text("segment")
        annualRevenue = r.int("annual_revenue")
        currency = r.text("currency") ?? "RUB"
        headcount = r.int("headcount")
        if case .object(let o)? = r.json("custom") { custom = o } else { custom = [:] }
        ownerID = r.int("owner_id")
        source = r.text("source")
        tags = r.strings("tags")
        notes = r.text("notes")
    }

    public var record: Record {
        let tax = taxID?.trimmingCharacters(in: .whitespaces)
        return Record([
            "id": .int(id), "name": .text(name.trimmingCharacters(in: .whitespaces)),
            "tax_id": Record.optional(tax?.isEmpty == true ? nil : tax),
            "industry": Record.optional(industry), "segment": Record.optional(segment),
            "annual_revenue": Record.optional(annualRevenue), "currency": .text(currency),
            "headcount": Record.optional(headcount), "custom": .json(.object(custom)),
            "owner_id": Record.optional(ownerID), "source": Record.optional(source),
            "tags": Record.list(tags), "notes": Record.optional(notes),
        ])
    }

    public func validate() -> [FieldError] {
        var errors = Rules.nonEmpty(name, field: "name") + Rules.currency(currency)
        if let taxID, !taxID.isEmpty, !taxID.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            errors.append(FieldError("tax_id", .taxIDCharacters))
        }
        return errors
    }
}
