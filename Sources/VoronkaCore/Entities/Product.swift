import Foundation

/// An item of the catalog, so that a request can be matched to what the company sells.
public struct Product: Entity, Hashable {
    public static let kind = EntityKind.product
    public static let sortable = ["id", "name"]
    public static let fields: [FieldSpec] = FieldSpec.system + [
        FieldSpec("name", .text, required: true, maxLength: 300),
        FieldSpec("category", .text, maxLength: 200),
        FieldSpec("keywords", .json, required: true, default: .json(.array([])), shape: .strings(allowed: nil)),
        FieldSpec("price", .money, range: 0...9e13),
        FieldSpec("unit_cost", .money, range: 0...9e13),
        FieldSpec("currency", .text, required: true, default: .text("RUB")),
        FieldSpec("active", .bool, required: true, default: .bool(true)),
    ]

    public var id: Int64
    public var name: String
    public var category: String?
    public var keywords: [String]
    public var price: Int64?
    public var unitCost: Int64?
    public var currency: String
    public var active: Bool

    public init(id: Int64 = 0, name: String, category: String? = nil, keywords: [String] = [], price: Int64? = nil,
                unitCost: Int64? = nil, currency: String = "RUB", active: Bool = true) {
        self.id = id; self.name = name; self.category = category; self.keywords = keywords
        self.price = price; self.unitCost = unitCost; self.currency = currency; self.active = active
    }

    public init(record r: Record) {
        id = r.int("id") ?? 0
        name = r.text("name") ?? ""
        category = r.text("category")
        keywords = r.strings("keywords")
        price = r.int("price")
        unitCost = r.int("unit_cost")
        currency = r.text("currency") ?? "RUB"
        active = r.bool("active") ?? true
    }

    public var record: Record {
        Record([
            "id": .int(id), "name": .text(name), "category": Record.optional(category), "keywords": Record.list(keywords),
            "price": Record.optional(price), "unit_cost": Record.optional(unitCost), "currency": .text(currency), "active": .bool(active),
        ])
    }

    public func validate() -> [FieldError] {
        Rules.nonEmpty(name, field: "name") + Rules.currency(currency)
    }
}
