import Foundation

/// The stored form of an entity: field name to value. Missing fields read as null.
public struct Record: Hashable, Sendable {
    public var values: [String: FieldValue]

    public init(_ values: [String: FieldValue] = [:]) { self.values = values }

    public subscript(_ name: String) -> FieldValue {
        get { values[name] ?? .null }
        set { values[name] = newValue }
    }

    public func int(_ name: String) -> Int64? { if case .int(let v) = self[name] { v } else { nil } }
    public func double(_ name: String) -> Double? {
        switch self[name] { case .double(let v): v; case .int(let v): Double(v); default: nil }
    }
    public func text(_ name: String) -> String? { if case .text(let v) = self[name] { v } else { nil } }
    public func bool(_ name: String) -> Bool? { if case .bool(let v) = self[name] { v } else { nil } }
    public func time(_ name: String) -> Date? { if case .time(let v) = self[name] { v } else { nil } }
    public func day(_ name: String) -> Day? { if case .day(let v) = self[name] { v } else { nil } }
    public func json(_ name: String) -> JSONValue? { if case .json(let v) = self[name] { v } else { nil } }

    public func strings(_ name: String) -> [String] {
        guard case .array(let items)? = json(name) else { return [] }
        return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }
    public func ids(_ name: String) -> [Int64] {
        guard case .array(let items)? = json(name) else { return [] }
        return items.compactMap { if case .number(let n) = $0 { Int64(exactly: n) } else { nil } }
    }

    public func enumValue<E: RawRepresentable>(_ name: String, _ type: E.Type) -> E? where E.RawValue == String {
        text(name).flatMap(E.init(rawValue:))
    }

    /// The API's JSON object of this record.
    /// Amounts are in the minor units of the record's `currency`.
    public func jsonObject(fields: [FieldSpec]) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        let currency = text("currency")
        for f in fields where f.name != "deleted_at" || !self[f.name].isNull {
            out[f.name] = self[f.name].json(as: f.type, currency: currency)
        }
        return out
    }

    /// The same object as `jsonObject(fields:)`, written straight to JSON text in field order (no dictionary, no key sort):
    /// the hot path of every list answer.
    public func jsonText(fields: [FieldSpec]) -> String {
        var writer = JSONWriter(capacity: 512)
        write(fields: fields, to: &writer)
        return writer.text
    }

    /// Writes the text of `jsonText(fields:)`.
    public func write(fields: [FieldSpec], to writer: inout JSONWriter) {
        Self.write(fields: fields, to: &writer) { self[fields[$0].name] }
    }

    /// Writes the text of `jsonText(fields:)` of a record given as its values in the order of `fields`.
    public static func write(_ values: [FieldValue], fields: [FieldSpec], to writer: inout JSONWriter) {
        write(fields: fields, to: &writer) { values[$0] }
    }

    private static func write(fields: [FieldSpec], to writer: inout JSONWriter, value: (Int) -> FieldValue) {
        // Amounts are in the minor units of the record's currency.
        var currency: String?
        if fields.contains(where: { $0.type == .money }), let i = fields.firstIndex(where: { $0.name == "currency" }), case .text(let c) = value(i) {
            currency = c
        }
        writer.raw("{")
        var first = true
        // By index: binding each FieldSpec to a variable copied it, retains and all.
        for i in fields.indices {
            let value = value(i)
            if value.isNull, fields[i].name == "deleted_at" { continue }
            if !first { writer.raw(",") }
            first = false
            writer.string(fields[i].name)
            writer.raw(":")
            writer.value(value, as: fields[i].type, currency: currency)
        }
        writer.raw("}")
    }

    @inlinable public static func list(_ strings: [String]) -> FieldValue { .json(.array(strings.map(JSONValue.string))) }
    @inlinable public static func idList(_ ids: [Int64]) -> FieldValue { .json(.array(ids.map { .number(Double($0)) })) }
    @inlinable public static func optional(_ v: Int64?) -> FieldValue { v.map(FieldValue.int) ?? .null }
    @inlinable public static func optional(_ v: String?) -> FieldValue { v.map(FieldValue.text) ?? .null }
    @inlinable public static func optional(_ v: Date?) -> FieldValue { v.map(FieldValue.time) ?? .null }
    @inlinable public static func optional(_ v: Day?) -> FieldValue { v.map(FieldValue.day) ?? .null }
    @inlinable public static func optional(_ v: Bool?) -> FieldValue { v.map(FieldValue.bool) ?? .null }
    @inlinable public static func optional(_ v: Double?) -> FieldValue { v.map(FieldValue.double) ?? .null }
}
