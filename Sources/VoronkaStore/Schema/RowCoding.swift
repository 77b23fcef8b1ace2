import Foundation
import SQLiteKit
import SQLiteNIO
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

    /// Runs a query and reads its rows as records. On SQLite the rows come straight from SQLiteNIO: SQLKit wraps each
    /// in a row type of its own that decodes every cell through a generic decoder, which was most of a list's cost.
    static func records(_ sql: any SQLDatabase, _ query: SQLQueryString, fields: [FieldSpec]) async throws -> [Record] {
        if let lite = sql as? any SQLiteDatabase {
            var serializer = SQLSerializer(database: sql)
            query.serialize(to: &serializer)
            let encoder = SQLiteDataEncoder()
            let binds = try serializer.binds.map { try encoder.encode($0) }
            return try await lite.query(serializer.sql, binds).map { sqliteRecord($0, fields: fields) }
        }
        return try await sql.raw(query).all().map { try record($0, fields: fields) }
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

    /// SQLite rows read straight from their stored values: SQLKit's generic `decode(column:as:)` goes through a
    /// `Decoder` for every cell, which made decoding most of the cost of a page of records.
    static func sqliteRecord(_ row: SQLiteRow, fields: [FieldSpec]) -> Record {
        var values: [String: FieldValue] = [:]
        values.reserveCapacity(fields.count)
        for f in fields {
            values[f.name] = sqliteValue(row.column(f.name) ?? .null, f.type)
        }
        return Record(values)
    }

    static func sqliteValue(_ data: SQLiteData, _ type: FieldType) -> FieldValue {
        switch (data, type) {
        case (.null, _): return .null
        case (.integer(let v), .id), (.integer(let v), .int), (.integer(let v), .money): return .int(Int64(v))
        case (.float(let v), .id), (.float(let v), .int), (.float(let v), .money): return .int(Int64(v))
        case (.integer(let v), .double): return .double(Double(v))
        case (.float(let v), .double): return .double(v)
        case (.integer(let v), .bool): return .bool(v != 0)
        case (.text(let v), .text): return .text(v)
        case (.integer(let v), .timestamp): return .time(Date(timeIntervalSince1970: Double(v)))
        case (.float(let v), .timestamp):
            // The same microsecond rounding as sqlite-nio's own Date decoding, so both paths agree.
            let sinceReference = ((v - Date.timeIntervalBetween1970AndReferenceDate) * 1e6).rounded() / 1e6
            return .time(Date(timeIntervalSinceReferenceDate: sinceReference))
        case (.text(let v), .day): return Day(v).map(FieldValue.day) ?? .null
        case (.text(let v), .json): return .json(JSONValue.parse(v) ?? .null)
        case (.text(let v), .timestamp): return Timestamp.parse(v).map(FieldValue.time) ?? .null
        default: return .null
        }
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
