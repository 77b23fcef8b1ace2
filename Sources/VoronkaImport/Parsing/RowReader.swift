import Foundation
import VoronkaCore

/// Reads the fields of one record through a column plan, collecting a problem for every bad cell so that the
/// report names them all; the row is left out when any was found.
struct RowReader {
    let plan: ColumnPlan
    let fields: [String]
    let location: SourceLocation
    private(set) var problems: [RowProblem] = []

    init(plan: ColumnPlan, record: CSVRecord, file: String) {
        self.plan = plan
        self.fields = record.fields
        self.location = SourceLocation(file: file, line: record.line)
    }

    /// A cell trimmed, nil when empty or one of the mapping's empty values.
    func cell(_ index: Int) -> String? {
        let value = Folding.trim(fields[index])
        if value.isEmpty { return nil }
        if !plan.emptyValues.isEmpty, value.utf8.count <= plan.emptyValueMaxLength, plan.emptyValues.contains(Folding.fold(value)) {
            return nil
        }
        return value
    }

    /// The field as written: the first filled column, or all filled columns joined for names.
    func raw(_ field: TargetField) -> (value: String, column: Int)? {
        let columns = plan.columns(field)
        if field.joinsColumns, columns.count > 1 {
            // First, middle and last name join; a column that repeats what is already there adds nothing.
            var joined: String?
            for part in columns.compactMap(cell) {
                if let text = joined {
                    if part.contains(text) { joined = part }
                    else if !text.contains(part) { joined = text + (field == .requestText ? "\n" : " ") + part }
                } else { joined = part }
            }
            return joined.map { ($0, columns[0]) }
        }
        for column in columns { if let value = cell(column) { return (value, column) } }
        return nil
    }

    /// The field after the value map.
    func text(_ field: TargetField) -> String? {
        guard let (value, _) = raw(field) else { return nil }
        return mapped(field, value)
    }

    func mapped(_ field: TargetField, _ value: String) -> String {
        guard let map = plan.valueMaps[field.ordinal] else { return value }
        return map[Folding.fold(value)] ?? value
    }

    func columnName(_ index: Int) -> String { plan.header[index] }

    /// A bound as people write it: 10000000, not 1e+07.
    static func plain(_ n: Double) -> String { n.rounded() == n && abs(n) < 1e18 ? String(Int64(n)) : String(n) }

    /// Refuses, before anything is read, the cells a stored field could not hold as written: a NUL byte (binary data
    /// in a text export, which would cut the text short) and a text longer than the field takes (the API refuses it
    /// too). Each is a problem with its column; the row is left out.
    mutating func checkCells() {
        for (index, field, max) in plan.checkedColumns where index < fields.count {
            let value = fields[index]
            if value.utf8.contains(0) {
                problem(column: index, ImportMessage("contains a NUL byte (binary data?), which would cut the text short"))
            } else if let field, let max, value.utf8.count > max, value.count > max {
                problem(column: index, ImportMessage("is {0} characters long, and {1} holds at most {2}", .text(String(value.count)), .field(field.rawValue),
                                                     .text(String(max))))
            }
        }
    }

    mutating func problem(_ field: TargetField, _ message: ImportMessage, value: String? = nil) {
        let column = plan.columns(field).first.map(columnName) ?? field.rawValue
        problems.append(RowProblem(location, column: column, message: message, value: value))
    }

    mutating func problem(column: Int?, _ message: ImportMessage, value: String? = nil) {
        problems.append(RowProblem(location, column: column.map(columnName), message: message, value: value))
    }

    /// A required text field; records a problem when it is empty.
    mutating func required(_ field: TargetField) -> String? {
        if let value = text(field) { return value }
        problem(field, ImportMessage("is empty, and every {0} row needs {1}", .kind(plan.kind.rawValue), .field(field.rawValue)))
        return nil
    }

    mutating func date(_ field: TargetField) -> Date? {
        guard let (value, column) = raw(field) else { return nil }
        return date(value, column: column)
    }

    mutating func date(_ value: String, column: Int) -> Date? {
        do { return try ValueParsers.timestamp(value, format: plan.dateFormat, utcOffset: plan.utcOffset) }
        catch { problem(column: column, error.message, value: value); return nil }
    }

    mutating func day(_ field: TargetField) -> Day? {
        guard let (value, column) = raw(field) else { return nil }
        do { return try ValueParsers.day(value, format: plan.dateFormat) }
        catch { problem(column: column, error.message, value: value); return nil }
    }

    /// An amount, multiplied by the mapping's factor for the field; negative amounts are refused.
    mutating func money(_ field: TargetField) -> ParsedMoney? {
        guard let (value, column) = raw(field) else { return nil }
        do {
            guard let parsed = try ValueParsers.money(value) else { return nil }
            guard parsed.units >= 0 else { problem(column: column, ImportMessage("is negative"), value: value); return nil }
            let factor = plan.multipliers[field.ordinal]
            let (product, overflow) = parsed.units.multipliedReportingOverflow(by: factor)
            guard !overflow, product <= 900_000_000_000_000_000 else { problem(column: column, ImportMessage("is too large for an amount"), value: value); return nil }
            if let range = plan.ranges[field.ordinal], !range.contains(Double(product) / 10_000) {
                problem(column: column, ImportMessage("is outside what {0} takes: {1} to {2}", .field(field.rawValue), .text(Self.plain(range.lowerBound)),
                                                      .text(Self.plain(range.upperBound))), value: value)
                return nil
            }
            return ParsedMoney(units: product, currency: parsed.currency)
        } catch {
            problem(column: column, error.message, value: value)
            return nil
        }
    }

    mutating func integer(_ field: TargetField) -> Int64? {
        guard let (value, column) = raw(field) else { return nil }
        let number: Int64?
        do { number = try ValueParsers.integer(value) }
        catch { problem(column: column, error.message, value: value); return nil }
        if let number, let range = plan.ranges[field.ordinal], !range.contains(Double(number)) {
            problem(column: column, ImportMessage("is outside what {0} takes: {1} to {2}", .field(field.rawValue), .text(Self.plain(range.lowerBound)),
                                                  .text(Self.plain(range.upperBound))), value: value)
            return nil
        }
        return number
    }

    /// An amount in the minor units of its currency; nil, with a problem, when it has more decimals than the
    /// currency takes (12.5 yen).
    mutating func minorUnits(_ amount: ParsedMoney?, _ field: TargetField, currency: String) -> Int64? {
        guard let amount else { return nil }
        if let minor = amount.minorUnits(in: currency) { return minor }
        let digits = Currency.digits(currency)
        problem(field, ImportMessage("has more decimals than {0} takes ({1})", .text(currency), .text(String(digits))),
                value: raw(field)?.0)
        return nil
    }

    /// The currency: a mark in the amount wins, then the currency column (after its value map), then the default.
    mutating func currency(mark: String?) -> String {
        if let mark { return mark }
        guard let (value, column) = raw(.currency) else { return plan.currency }
        let code = mapped(.currency, value).uppercased()
        guard Currency.isKnown(code) else {
            problem(column: column, ImportMessage("is not a known currency code (ISO 4217, such as RUB, USD, EUR, JPY)"), value: value)
            return plan.currency
        }
        return code
    }

    /// Custom attributes from "custom.<key>" columns, filled ones only.
    func custom() -> [String: String] {
        guard !plan.customColumns.isEmpty else { return [:] }
        var out: [String: String] = [:]
        for (key, index) in plan.customColumns { if let value = cell(index) { out[key] = value } }
        return out
    }

    func company() -> CompanyRef {
        CompanyRef(sourceID: text(.companySourceID), taxID: text(.taxID), name: text(.companyName))
    }

    /// The outcome by the mapping's rules (the first that matches, and its index), else by the stage's meaning in
    /// the default pipelines.
    func outcome(stage: String?, pipeline: String?, kind: PipelineKind) -> (OutcomeRule.Then, rule: Int?) {
        for (i, rule) in plan.mapping.outcomeRules.enumerated() {
            let raw = plan.ruleColumns[i].flatMap(cell)
            var mapped: String? = nil
            if case .field(let f) = rule.subject, let raw { mapped = self.mapped(f, raw) }
            if rule.matches(raw: raw, mapped: mapped, folded: plan.ruleValues[i]) { return (rule.then, i) }
        }
        switch stage.flatMap({ StageMeaning.kind(stage: $0, pipeline: pipeline, pipelineKind: kind) }) {
        case .won?: return (.won, nil)
        case .lost?: return (.lost, nil)
        default: return (.open, nil)
        }
    }

    /// Records that a rule left the row out, naming the column the rule read and its value.
    mutating func skipped(byRule index: Int?) {
        guard let index else { return problem(column: nil, ImportMessage("is left out by the outcome rules")) }
        let column = plan.ruleColumns[index]
        problem(column: column, ImportMessage("matches the outcome rule “{0}”", .text("\(plan.mapping.outcomeRules[index].text)")), value: column.flatMap(cell))
    }

    /// The source id, or one derived from the row's contents when the mapping has no id column.
    mutating func sourceID(_ field: TargetField = .sourceID) -> (String, derived: Bool)? {
        if plan.columns(field).isEmpty { return (Self.contentID(fields), true) }
        if let id = text(field) { return (id, false) }
        problem(field, ImportMessage("is empty; the id is what makes a repeated import update instead of duplicate"))
        return nil
    }

    /// "row-" and a 64-bit FNV-1a hash of the fields: stable across imports of the same row.
    static func contentID(_ fields: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for field in fields {
            for byte in field.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "row-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

}
