import Foundation
import SQLKit
import VoronkaCore

/// Converts between field values and what the engines store.
enum RowCoding {
    /// The bind (or NULL literal) of a value.
    static func bind(_ value: FieldValue) -> any SQLExpression {
        switch value {
        case .null: SQLLiteral.null
        case .int(let v): SQLBind(v)
        case .double(let v): SQLBind(v)
        case .text(let v): SQLBind(v)
        case .bool(let v): SQLBind(v)
        case .time(let v): SQLBind(v)
        case .day(let v): SQLBind(v.description)
        case .json(let v): SQLBind(v.jsonText)
        }
    }

    /// Reads the named fields of a row into a record.
    static func record(_ row: any SQLRow, fields: [FieldSpec]) throws -> Record {
        var values: [String: FieldValue] = [:]
        values.reserveCapacity(fields.count)
        for f in fields {
            values[f.name] = try value(row, f.name, f.type)
        }
        return Record(values)
    }

    static func value(_ row: any SQLRow, _ column: String, _ type: FieldType) throws -> FieldValue {
        if try row.decodeNil(column: column) { return .null }
        switch type {
        case .id, .int, .money: return .int(try row.decode(column: column, as: Int64.self))
        case .double: return .double(try row.decode(column: column, as: Double.self))
        case .text: return .text(try row.decode(column: column, as: String.self))
        case .bool: return .bool(try row.decode(column: column, as: Bool.self))
        case .timestamp: return .time(try row.decode(column: column, as: Date.self))
        case .day:
            let text = try row.decode(column: column, as: String.self)
            return Day(text).map(FieldValue.day) ?? .null
        case .json:
            let text = try row.decode(column: column, as: String.self)
            return .json(JSONValue.parse(text) ?? .null)
        }
    }
}
