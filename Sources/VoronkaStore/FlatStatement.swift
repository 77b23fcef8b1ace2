import Foundation
import SQLiteNIO
import SQLKit
import VoronkaCore

/// Statements whose text is written once per shape, with placeholders, and whose values are bound from one flat
/// array: the bulk paths (imports, the demo loader). Building an SQLKit expression per value (`SQLBind` in `SQLList`)
/// and serialising it, then encoding each bind through `Encodable`, cost more than SQLite's own work on those rows.
enum FlatStatement {
    /// The most values one statement binds: SQLite's historic default limit (32,766; SQLiteNIO compiles in more) and
    /// under PostgreSQL's 65,535.
    static let maxBinds = 32_766

    /// How many rows of `width` values one statement takes: at most `maxRows`, and within `maxBinds`.
    static func rowsPerStatement(width: Int, maxRows: Int) -> Int {
        max(1, min(maxRows, maxBinds / max(1, width)))
    }

    /// `(?, ?), (?, ?)` on SQLite, `($1, $2), ($3, $4)` on PostgreSQL: `rows` groups of `width` placeholders,
    /// numbered from `first`. On PostgreSQL this is for values none of which is null (see `valueGroups(_:width:)`).
    static func valueGroups(rows: Int, width: Int, first: Int = 1, backend: Backend) -> String {
        var text = ""
        text.reserveCapacity(rows * width * (backend == .sqlite ? 3 : 8))
        var n = first
        // No spaces: SQLite's parser reads each as a token, and statements of 30,000 values made parsing a cost.
        for row in 0..<rows {
            text += row == 0 ? "(" : ",("
            for column in 0..<width {
                if column > 0 { text += "," }
                text += placeholder(n, backend)
                n += 1
            }
            text += ")"
        }
        return text
    }

    /// PostgreSQL's value groups for these values, `width` to a group: `$n` for each value and a NULL literal for each
    /// null, which `run` binds nothing for. A NULL parameter would be typed text in a multi-row VALUES list, where the
    /// literal takes the column's type, as SQLKit's `SQLLiteral.null` did.
    static func postgresValueGroups(_ values: [FieldValue], width: Int) -> String {
        var text = ""
        text.reserveCapacity(values.count * 5)
        var n = 1
        for (i, value) in values.enumerated() {
            text += i == 0 ? "(" : i % width == 0 ? "), (" : ", "
            if value.isNull { text += "NULL" } else { text += "$\(n)"; n += 1 }
        }
        if !values.isEmpty { text += ")" }
        return text
    }

    /// The placeholder of the `n`th (1-based) bound value.
    static func placeholder(_ n: Int, _ backend: Backend) -> String {
        backend == .sqlite ? "?" : "$\(n)"
    }

    /// A value as SQLite stores it: what SQLiteKit's encoder makes of the value `RowCoding.bind` binds.
    static func sqliteData(_ value: FieldValue) -> SQLiteData {
        switch value {
        case .null: .null
        case .int(let v): .integer(Int(v))
        case .double(let v): .float(v)
        case .text(let v): .text(v)
        case .bool(let v): .integer(v ? 1 : 0)
        case .time(let v): .float(v.timeIntervalSince1970)
        case .day(let v): .text(v.description)
        case .json(let v): .text(v.jsonText)
        }
    }

    /// A value as SQLKit binds it (`RowCoding.bind`); a null is written as a literal instead.
    static func bind(_ value: FieldValue) -> any Encodable & Sendable {
        switch value {
        case .null: String?.none
        case .int(let v): v
        case .double(let v): v
        case .text(let v): v
        case .bool(let v): v
        case .time(let v): v
        case .day(let v): v.description
        case .json(let v): v.jsonText
        }
    }
}

/// SQL text with its placeholders already written, and the values they take.
struct FlatQuery: SQLExpression {
    let text: String
    let binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(text)
        serializer.binds.append(contentsOf: binds)
    }
}

extension StoreTransaction {
    /// Runs SQL text whose placeholders (`FlatStatement.placeholder`) take `values` in order; on PostgreSQL the text
    /// has a NULL literal for each null value (`FlatStatement.postgresValueGroups`). SQLite gets its own values
    /// straight, without SQLKit.
    func run(_ text: String, _ values: [FieldValue]) async throws {
        if backend == .sqlite, let lite = sql as? any SQLiteDatabase {
            try await lite.query(text, values.map(FlatStatement.sqliteData)) { _ in }
        } else {
            try await sql.execute(sql: FlatQuery(text: text, binds: values.filter { !$0.isNull }.map(FlatStatement.bind))) { _ in }
        }
    }

    /// Runs a query as `run` does and reads the named columns of every row, typed as given.
    func rows(_ text: String, _ values: [FieldValue], columns: [(name: String, type: FieldType)]) async throws -> [[FieldValue]] {
        if backend == .sqlite, let lite = sql as? any SQLiteDatabase {
            return try await lite.query(text, values.map(FlatStatement.sqliteData)).map { row in
                columns.map { RowCoding.sqliteValue(row.column($0.name) ?? .null, $0.type) }
            }
        }
        return try await sql.raw("\(FlatQuery(text: text, binds: values.filter { !$0.isNull }.map(FlatStatement.bind)))").all().map { row in
            try columns.map { try RowCoding.value(row, $0.name, $0.type) }
        }
    }
}
