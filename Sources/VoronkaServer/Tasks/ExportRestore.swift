import Foundation
import VoronkaCore
import VoronkaImport
import VoronkaStore

/// Restores Voronka's own export (`voronka export`: a file per kind of record, the journal and the settings, as CSV
/// or JSON) into an empty database, on either engine: the same records with the same ids (deleted ones too), the
/// journal with its numbers, the settings, and so the same analytics. This is how an installation moves from SQLite to
/// PostgreSQL. Every value is checked before anything is written, and everything is written in one transaction.
public enum ExportRestore {
    /// One file of an export.
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) { self.name = name; self.bytes = bytes }
    }

    /// What a restore did (or, dry, would do).
    public struct Result: Sendable {
        /// Rows per file's target, in the order written.
        public var rows: [(target: String, rows: Int)] = []
        /// Users restored: none has a password (the export leaves the hashes out).
        public var users = 0
        public var written = false

        public var text: String {
            var lines = [(written ? "Restored" : "Would restore") + " Voronka's export:"]
            lines += rows.map { "  \($0.target): \($0.rows)" }
            if users > 0 {
                lines.append("Users have no passwords (an export leaves them out): set one with `voronka user reset-password --email …`.")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// The export's target a file holds ("deals", "journal", "settings"), when its name and its columns are those
    /// `voronka export` writes; nil for any other file.
    public static func target(of file: File) -> String? {
        let name = file.name as NSString
        let target = name.deletingPathExtension, ext = name.pathExtension.lowercased()
        guard Exporter.targets.contains(target), let expected = columns(of: target) else { return nil }
        let found: [String]
        switch ext {
        case "csv": found = CSVReader(delimiter: .comma).header(of: file.bytes)
        case "json":
            guard let first = firstJSONObject(file.bytes) else { return nil }
            found = first.keys.sorted()
        default: return nil
        }
        // An export of an older version may lack fields added since; it never has one Voronka does not know.
        guard !found.isEmpty, Set(found).isSubset(of: expected), found.contains(expected[0]) else { return nil }
        return target
    }

    /// The columns `voronka export` writes for a target, the key column first.
    static func columns(of target: String) -> [String]? {
        if target == "journal" { return JournalExportRow.columns }
        if target == "settings" { return Exporter.settingColumns }
        return RecordRoutes.kinds.first { $0.plural == target }.map { $0.fields.map(\.name) }
    }

    /// The keys of a JSON export's first object (`[\n{…},\n…]`), read from its first line.
    static func firstJSONObject(_ bytes: [UInt8]) -> [String: JSONValue]? {
        let lines = bytes.prefix(1 << 20).split(separator: UInt8(ascii: "\n"), maxSplits: 2)
        guard lines.count >= 2, String(decoding: lines[0], as: UTF8.self).trimmingCharacters(in: .whitespaces) == "[" else {
            // An empty export: "[]".
            return nil
        }
        var line = String(decoding: lines[1], as: UTF8.self)
        if line.hasSuffix(",") { line.removeLast() }
        if case .object(let o)? = JSONValue.parse(line) { return o }
        return nil
    }

    /// A problem of the export: where, and why. Any problem stops the restore before it writes.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int
        public var column: String?
        public var reason: String
        public var description: String { "\(file):\(line)" + (column.map { " \($0)" } ?? "") + ": \(reason)" }
    }

    /// The problems that stopped a restore, with nothing written.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public var problems: [Problem]
        public var description: String {
            (["Voronka's export was not restored (nothing was written):"] + problems.prefix(50).map { "  \($0)" }
             + (problems.count > 50 ? ["  … and \(problems.count - 50) more"] : [])).joined(separator: "\n")
        }
    }

    /// Reads every file, then (unless `dryRun`) writes them into `store`, which must be empty. `rawCells`: the CSV
    /// cells are as stored (the manifest says so); otherwise the `'` the export put before formula-like texts is taken
    /// off again.
    public static func restore(_ files: [File], rawCells: Bool, into store: SQLStore, dryRun: Bool = false) async throws -> Result {
        var records: [EntityKind: [[FieldValue]]] = [:]
        var journal: [JournalExportRow]?
        var settings: [(key: String, value: String, updatedAt: Date)]?
        var problems: [Problem] = []
        for file in files {
            guard let target = target(of: file) else {
                problems.append(Problem(file: file.name, line: 1, reason: "is not a file of Voronka's export (its name and columns are not those `voronka export` writes)"))
                continue
            }
            let table = read(file, rawCells: rawCells, problems: &problems)
            switch target {
            case "journal": journal = journalRows(table, file: file.name, problems: &problems)
            case "settings": settings = settingRows(table, file: file.name, problems: &problems)
            default:
                guard let kind = RecordRoutes.kinds.first(where: { $0.plural == target }) else { continue }
                records[kind] = recordRows(kind, table, file: file.name, problems: &problems)
            }
        }
        if !problems.isEmpty { throw Refusal(problems: problems) }
        if let refusal = try await store.restoreRefusal() { throw DomainError.conflict(field: "data", reason: refusal) }

        var result = Result()
        let kinds = RecordRoutes.kinds.filter { records[$0] != nil }
        for kind in kinds { result.rows.append((kind.plural, records[kind]?.count ?? 0)) }
        if let journal { result.rows.append(("journal", journal.count)) }
        if let settings { result.rows.append(("settings", settings.count)) }
        result.users = records[.user]?.count ?? 0
        guard !dryRun else { return result }
        try await store.write(actor: nil, origin: "restore") { [records, journal, settings] tx in
            try await tx.clearSeeded(SQLStore.seededKinds.filter { records[$0] != nil }, journal: journal != nil)
            for kind in kinds { try await tx.bulkInsert(kind, values: records[kind] ?? []) }
            if let journal { try await tx.insertJournalRows(journal) }
            if let settings { try await tx.insertSettings(settings) }
        }
        try await store.syncIDSequences()
        result.written = true
        return result
    }

    /// A file's rows by column name, with their lines; CSV or JSON.
    struct Table {
        var columns: [String] = []
        var rows: [(line: Int, cells: [String: Cell])] = []
    }

    /// A value as the file holds it: CSV text, or a JSON value.
    enum Cell {
        case text(String)
        case json(JSONValue)
    }

    static func read(_ file: File, rawCells: Bool, problems: inout [Problem]) -> Table {
        var table = Table()
        if (file.name as NSString).pathExtension.lowercased() == "json" {
            guard case .array(let items)? = JSONValue.parse(String(decoding: file.bytes, as: UTF8.self)) else {
                problems.append(Problem(file: file.name, line: 1, reason: "is not a JSON array"))
                return table
            }
            for (i, item) in items.enumerated() {
                guard case .object(let o) = item else {
                    problems.append(Problem(file: file.name, line: i + 2, reason: "is not a JSON object"))
                    continue
                }
                table.rows.append((i + 2, o.mapValues(Cell.json)))
            }
            return table
        }
        let info = CSVReader(delimiter: .comma).forEachRecord(in: file.bytes, onHeader: { table.columns = $0 }) { record in
            var cells: [String: Cell] = [:]
            for (i, name) in table.columns.enumerated() where i < record.fields.count {
                let value = record.fields[i]
                cells[name] = .text(rawCells ? value : unneutralized(value))
            }
            table.rows.append((record.line, cells))
        }
        for p in info.problems { problems.append(Problem(file: file.name, line: p.line, reason: p.reason)) }
        return table
    }

    /// A cell without the `'` the export put before a text a spreadsheet would run as a formula.
    static func unneutralized(_ value: String) -> String {
        guard value.hasPrefix("'"), value.count > 1, RecordCSV.neutralized(String(value.dropFirst())) == value else { return value }
        return String(value.dropFirst())
    }

    /// The rows of one kind, each with a value for every field of the kind in order (a field the file lacks takes its
    /// default): what `bulkInsert` takes.
    static func recordRows(_ kind: EntityKind, _ table: Table, file: String, problems: inout [Problem]) -> [[FieldValue]] {
        let fields = kind.fields
        var out: [[FieldValue]] = []
        out.reserveCapacity(table.rows.count)
        var ids: Set<Int64> = []
        for (line, cells) in table.rows {
            var values: [FieldValue] = []
            values.reserveCapacity(fields.count)
            var ok = true
            // Amounts are written in the record's currency.
            var currency: String?
            switch cells["currency"] {
            case .text(let c)?: currency = c
            case .json(.string(let c))?: currency = c
            default: break
            }
            if let c = currency, !Currency.isKnown(c) { currency = nil }
            for spec in fields {
                guard let cell = cells[spec.name] else { values.append(spec.defaultValue); continue }
                switch value(cell, spec, currency: currency) {
                case .success(let v):
                    if v.isNull, spec.required, spec.name != "id" {
                        problems.append(Problem(file: file, line: line, column: spec.name, reason: "is empty, and every \(kind.rawValue) has one"))
                        ok = false
                    }
                    values.append(v)
                case .failure(let reason):
                    problems.append(Problem(file: file, line: line, column: spec.name, reason: reason.text))
                    ok = false
                    values.append(.null)
                }
            }
            guard ok else { continue }
            guard case .int(let id) = values[0], id > 0 else {
                problems.append(Problem(file: file, line: line, column: "id", reason: "is not a positive id"))
                continue
            }
            guard ids.insert(id).inserted else {
                problems.append(Problem(file: file, line: line, column: "id", reason: "repeats \(kind.rawValue) \(id)"))
                continue
            }
            out.append(values)
        }
        return out
    }

    /// Why a value does not read as its field's type.
    struct Reason: Error { var text: String }

    /// A cell as the stored value of its field, read as the export wrote it (the API's form).
    static func value(_ cell: Cell, _ spec: FieldSpec, currency: String? = nil) -> Swift.Result<FieldValue, Reason> {
        let json: JSONValue
        switch cell {
        case .json(let v): json = v
        case .text(let s):
            if s.isEmpty { return .success(.null) }
            switch spec.type {
            case .id, .int, .money, .double:
                guard let n = Double(s) else { return .failure(Reason(text: "is not a number: \(s.prefix(40))")) }
                json = .number(n)
            case .bool:
                guard s == "true" || s == "false" else { return .failure(Reason(text: "is not true or false: \(s.prefix(40))")) }
                json = .bool(s == "true")
            case .json:
                guard let parsed = JSONValue.parse(s) else { return .failure(Reason(text: "is not JSON: \(s.prefix(40))")) }
                json = parsed
            default:
                json = .string(s)
            }
        }
        if case .null = json { return .success(.null) }
        switch spec.type {
        case .id, .int:
            guard case .number(let n) = json, let i = Int64(exactly: n) else { return .failure(Reason(text: "is not a whole number")) }
            return .success(.int(i))
        case .money:
            guard case .number(let n) = json, let minor = Money.minorUnits(n, currency: currency) else {
                return .failure(Reason(text: "is not an amount in \(currency ?? "two decimals")"))
            }
            return .success(.int(minor))
        case .double:
            guard case .number(let n) = json else { return .failure(Reason(text: "is not a number")) }
            return .success(.double(n))
        case .bool:
            guard case .bool(let b) = json else { return .failure(Reason(text: "is not true or false")) }
            return .success(.bool(b))
        case .text:
            guard case .string(let s) = json else { return .failure(Reason(text: "is not a text")) }
            return .success(.text(s))
        case .timestamp:
            guard case .string(let s) = json, let t = Timestamp.parse(s) else { return .failure(Reason(text: "is not a time (2026-01-31T09:30:00Z)")) }
            return .success(.time(t))
        case .day:
            guard case .string(let s) = json, let d = Day(s) else { return .failure(Reason(text: "is not a date (2026-01-31)")) }
            return .success(.day(d))
        case .json:
            return .success(.json(json))
        }
    }

    static func journalRows(_ table: Table, file: String, problems: inout [Problem]) -> [JournalExportRow] {
        var out: [JournalExportRow] = []
        var seqs: Set<Int64> = []
        for (line, cells) in table.rows {
            func text(_ name: String) -> String? {
                switch cells[name] {
                case .text(let s)?: s.isEmpty ? nil : s
                case .json(.string(let s))?: s
                case .json(.number(let n))?: Int64(exactly: n).map(String.init)
                case .json(let v)? where name == "changes": v.jsonText
                default: nil
                }
            }
            func number(_ name: String) -> Int64? { text(name).flatMap { Int64($0) ?? Double($0).flatMap { Int64(exactly: $0) } } }
            guard let seq = number("seq"), seq > 0, seqs.insert(seq).inserted else {
                problems.append(Problem(file: file, line: line, column: "seq", reason: "is not a new positive number"))
                continue
            }
            guard let at = text("at").flatMap(Timestamp.parse), let recorded = text("recorded_at").flatMap(Timestamp.parse),
                  let entity = text("entity"), EntityKind(rawValue: entity) != nil, let entityID = number("entity_id"),
                  let action = text("action"), let origin = text("origin"), let changes = text("changes"), JSONValue.parse(changes) != nil else {
                problems.append(Problem(file: file, line: line, reason: "is not a journal entry as `voronka export` writes it"))
                continue
            }
            out.append(JournalExportRow(seq: seq, at: at, recordedAt: recorded, actorID: number("actor_id"), entity: entity, entityID: entityID,
                                        action: action, stageID: number("stage_id"), origin: origin, changes: changes))
        }
        return out
    }

    static func settingRows(_ table: Table, file: String, problems: inout [Problem]) -> [(key: String, value: String, updatedAt: Date)] {
        var out: [(key: String, value: String, updatedAt: Date)] = []
        for (line, cells) in table.rows {
            var key: String?, value: String?, at: Date?
            if case .text(let k)? = cells["key"] { key = k } else if case .json(.string(let k))? = cells["key"] { key = k }
            switch cells["value"] {
            case .text(let v)?: value = JSONValue.parse(v) != nil ? v : nil
            case .json(let v)?: value = v.jsonText
            default: break
            }
            if case .text(let t)? = cells["updated_at"] { at = Timestamp.parse(t) } else if case .json(.string(let t))? = cells["updated_at"] { at = Timestamp.parse(t) }
            guard let key, !key.isEmpty, let value, let at else {
                problems.append(Problem(file: file, line: line, reason: "is not a setting as `voronka export` writes it (key, JSON value, time)"))
                continue
            }
            out.append((key, value, at))
        }
        return out
    }
}
