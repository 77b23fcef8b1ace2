import Foundation
import VoronkaCore
import VoronkaStore

/// Writes every record of a kind, or the journal, as CSV or JSON, in chunks: the same for `voronka export` and the API.
public enum Exporter {
    public enum Format: String, CaseIterable, Sendable {
        case csv
        /// A JSON array, one object a line.
        case json
    }

    /// What can be exported: each kind of record, the journal and the settings.
    public static var targets: [String] { RecordRoutes.kinds.map(\.plural) + ["journal", "settings"] }

    /// The columns of the settings' export.
    public static let settingColumns = ["key", "value", "updated_at"]

    /// The file `exportAll` writes beside the data, which tells `voronka import` the folder is Voronka's own export.
    public static let manifestName = "voronka-export.json"

    /// Streams one target to `write`; returns how many rows were written.
    @discardableResult
    /// CSV cells that a spreadsheet would run as formulas are neutralised unless `raw` (see `RecordCSV`).
    public static func export(_ target: String, format: Format, raw: Bool = false, store: SQLStore, write: (String) async throws -> Void) async throws -> Int {
        var count = 0
        var first = true
        func emit(_ object: JSONValue) async throws {
            try await write((first ? "[\n" : ",\n") + object.jsonText)
            first = false
        }
        if target == "settings" {
            if format == .csv { try await write(RecordCSV.line(settingColumns)) }
            for setting in try await store.allSettings() {
                let time = Timestamp.format(setting.updatedAt)
                switch format {
                case .csv: try await write(RecordCSV.line([setting.key, setting.value, time], raw: raw))
                case .json: try await emit(["key": .string(setting.key), "value": JSONValue.parse(setting.value) ?? .string(setting.value),
                                            "updated_at": .string(time)])
                }
                count += 1
            }
        } else if target == "journal" {
            if format == .csv { try await write(RecordCSV.line(JournalExportRow.columns)) }
            try await store.exportJournal { rows in
                switch format {
                case .csv: try await write(rows.map { RecordCSV.line($0.values, raw: raw) }.joined())
                case .json: for row in rows { try await emit(row.json) }
                }
                count += rows.count
            }
        } else {
            guard let kind = RecordRoutes.kinds.first(where: { $0.plural == target }) else {
                throw DomainError.invalid("target", "cannot export \(target); one of: \(targets.joined(separator: ", "))")
            }
            let fields = kind.fields
            if format == .csv { try await write(RecordCSV.header(fields)) }
            try await store.exportPages(kind) { records in
                switch format {
                case .csv: try await write(records.map { RecordCSV.row($0, fields: fields, raw: raw) }.joined())
                case .json: for record in records { try await emit(.object(record.jsonObject(fields: fields))) }
                }
                count += records.count
            }
        }
        if format == .json { try await write(first ? "[]\n" : "\n]\n") }
        return count
    }

    /// Exports every target into a directory as `<target>.csv` or `<target>.json`; returns rows per target.
    public static func exportAll(to directory: String, format: Format, raw: Bool = false, store: SQLStore) async throws -> [(String, Int)] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var out: [(String, Int)] = []
        for target in targets {
            let path = (directory as NSString).appendingPathComponent("\(target).\(format.rawValue)")
            FileManager.default.createFile(atPath: path, contents: nil)
            guard let handle = FileHandle(forWritingAtPath: path) else { throw DomainError.invalid("out", "cannot write \(path)") }
            defer { try? handle.close() }
            var buffer = Data()
            let n = try await export(target, format: format, raw: raw, store: store) { text in
                buffer.append(contentsOf: text.utf8)
                if buffer.count > 1 << 20 { handle.write(buffer); buffer.removeAll(keepingCapacity: true) }
            }
            handle.write(buffer)
            out.append((target, n))
        }
        // What the folder is, for a restore: the format, whether cells were neutralised, the rows of each file.
        let manifest: JSONValue = ["voronka_export": 1, "format": .string(format.rawValue), "raw_cells": .bool(raw || format == .json),
                                   "rows": .object(Dictionary(uniqueKeysWithValues: out.map { ($0.0, JSONValue.number(Double($0.1))) }))]
        let path = (directory as NSString).appendingPathComponent(manifestName)
        guard FileManager.default.createFile(atPath: path, contents: Data((manifest.jsonText + "\n").utf8)) else {
            throw DomainError.invalid("out", "cannot write \(path)")
        }
        return out
    }
}
