import Foundation

/// Records as CSV (RFC 4180): a header of field names, values as the API writes them, JSON fields as JSON text.
///
/// Cells are safe to open in a spreadsheet by default: a text that a spreadsheet would run as a formula (it begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a plain number such as `-12.5`) is written with a `'`
/// before it, which spreadsheets show as text. Pass `raw: true` for machines that want the values exactly as stored.
public enum RecordCSV {
    /// The header line of a kind's export.
    public static func header(_ fields: [FieldSpec]) -> String {
        line(fields.map(\.name))
    }

    /// One record as a CSV line (with its line break).
    public static func row(_ record: Record, fields: [FieldSpec], raw: Bool = false) -> String {
        let currency = record.text("currency")
        return line(fields.map { f in
            switch record[f.name].json(as: f.type, currency: currency) {
            case .null: ""
            case .string(let s): s
            case .bool(let b): b ? "true" : "false"
            case let other: other.jsonText
            }
        }, raw: raw)
    }

    /// Fields joined by commas, quoted where they hold a comma, a quote or a line break; ends with CRLF.
    public static func line(_ values: [String], raw: Bool = false) -> String {
        values.map { escape(raw ? $0 : neutralized($0)) }.joined(separator: ",") + "\r\n"
    }

    /// The text with a `'` before it when a spreadsheet would take it for a formula; other texts as they are.
    public static func neutralized(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaStarts.contains(first) else { return value }
        if first != "\t", first != "\r", Double(value) != nil, value.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) {
            return value
        }
        return "'" + value
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    static func escape(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
