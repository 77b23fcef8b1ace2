import Foundation

/// Records as CSV (RFC 4180): a header of field names, values as the API writes them, JSON fields as JSON text.
public enum RecordCSV {
    /// The header line of a kind's export.
    public static func header(_ fields: [FieldSpec]) -> String {
        line(fields.map(\.name))
    }

    /// One record as a CSV line (with its line break).
    public static func row(_ record: Record, fields: [FieldSpec]) -> String {
        line(fields.map { f in
            switch record[f.name].json(as: f.type) {
            case .null: ""
            case .string(let s): s
            case .bool(let b): b ? "true" : "false"
            case let other: other.jsonText
            }
        })
    }

    /// Fields joined by commas, quoted where they hold a comma, a quote or a line break; ends with CRLF.
    public static func line(_ values: [String]) -> String {
        values.map(escape).joined(separator: ",") + "\r\n"
    }

    static func escape(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
