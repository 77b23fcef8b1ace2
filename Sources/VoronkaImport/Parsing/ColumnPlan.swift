import Foundation
import VoronkaCore

/// A mapping applied to one header: for each field the indexes of its columns, and the columns that feed custom
/// attributes, stage history and outcome rules. Built once per file so that rows are read by index; a class so that
/// handing it to each row costs one reference, not a copy of every table.
final class ColumnPlan {
    let mapping: ImportMapping
    // The mapping's settings that every row reads, copied out once.
    let kind: ImportFileKind
    let dateFormat: DateFormat
    let utcOffset: Int
    let currency: String
    /// By `TargetField.ordinal`: the mapping's multiplier, 1 when none.
    let multipliers: [Int64]
    let header: [String]
    /// By `TargetField.ordinal`: the columns filling the field, in header order.
    let fieldColumns: [[Int]]
    let customColumns: [(key: String, index: Int)]
    /// Columns holding the time a deal entered a stage (HubSpot's "Date entered" and the mapping's stage date columns).
    let stageColumns: [(index: Int, stage: String, pipeline: String?)]
    /// By rule: the column a column rule reads, or the first column of a field rule's field.
    let ruleColumns: [Int?]
    /// By rule: the folded values of an `equals` test.
    let ruleValues: [Set<String>]
    /// By `TargetField.ordinal`: the value map with keys folded, nil when the field has none.
    let valueMaps: [[String: String]?]
    let emptyValues: Set<String>
    let emptyValueMaxLength: Int
    /// The title template split into literal text and fields.
    let titleParts: [(text: String, field: TargetField?)]
    /// Mapped columns the header does not have.
    let missingColumns: [String]
    /// Header columns nothing reads.
    let unusedColumns: [String]
    /// Mapped columns whose name the header has more than once (case and spaces aside), with how many times.
    let duplicateColumns: [(name: String, count: Int)]
    /// Every column a field reads, with the field and the longest text its stored field takes (`ImportLimits`),
    /// then the custom attributes' columns (no length): what `RowReader.checkCells` looks at.
    let checkedColumns: [(index: Int, field: TargetField?, maxLength: Int?)]
    /// By `TargetField.ordinal`: the range a number field's stored field takes (money in major units).
    let ranges: [ClosedRange<Double>?]
    /// The kind of source each channel text suggests, guessed once per distinct text (a file has few, and guessing
    /// folds and searches the text): rows of one file are read on one thread.
    var sourceGuesses: [String: LeadSource?] = [:]

    init(mapping: ImportMapping, header: [String]) {
        self.mapping = mapping
        self.header = header
        kind = mapping.kind
        dateFormat = mapping.dateFormat
        utcOffset = mapping.utcOffset
        currency = mapping.currency
        multipliers = TargetField.allCases.map { mapping.multipliers[$0] ?? 1 }
        let folded = header.map(Folding.fold)
        var byName: [String: [Int]] = [:]
        for (i, name) in folded.enumerated() { byName[name, default: []].append(i) }
        var used = Set<Int>()
        var duplicates: [(String, Int)] = []

        var fields = Array(repeating: [Int](), count: TargetField.allCases.count)
        var custom: [(String, Int)] = []
        var missing: [String] = []
        // A repeated column named by its place ("Phone#2") is read alone; the plain name then reads the first.
        let addressed = Set(mapping.columns.keys.compactMap { ColumnAddress.split($0).map { Folding.fold($0.name) } })
        for (column, target) in mapping.columns.sorted(by: { $0.key < $1.key }) {
            var found = byName[Folding.fold(column)]
            if found == nil, let (name, place) = ColumnAddress.split(column), let all = byName[Folding.fold(name)], place <= all.count {
                found = [all[place - 1]]
            } else if let all = found, all.count > 1, addressed.contains(Folding.fold(column)) {
                found = [all[0]]
            }
            guard let indexes = found else {
                if target != .ignore { missing.append(column) }
                continue
            }
            used.formUnion(indexes)
            if indexes.count > 1, target != .ignore { duplicates.append((column, indexes.count)) }
            switch target {
            case .field(let f): fields[f.ordinal].append(contentsOf: indexes)
            case .custom(let key): custom.append(contentsOf: indexes.map { (key, $0) })
            case .ignore: break
            }
        }
        fieldColumns = fields.map { $0.sorted() }
        customColumns = custom.sorted { $0.1 < $1.1 }

        var stages: [(Int, String, String?)] = []
        if let prefix = mapping.stageEnteredPrefix.map(Folding.fold) {
            for (i, name) in header.enumerated() where folded[i].hasPrefix(prefix) {
                let rest = String(name.dropFirst(prefix.count))
                if let (stage, pipeline) = Self.stageAndPipeline(rest) { stages.append((i, stage, pipeline)); used.insert(i) }
            }
        }
        for (column, stage) in mapping.stageDateColumns.sorted(by: { $0.key < $1.key }) {
            guard let indexes = byName[Folding.fold(column)] else { missing.append(column); continue }
            for i in indexes { stages.append((i, stage, nil)); used.insert(i) }
        }
        stageColumns = stages

        ruleColumns = mapping.outcomeRules.map { rule in
            switch rule.subject {
            case .column(let name):
                let index = byName[Folding.fold(name)]?.first
                if let index { used.insert(index) } else { missing.append(name) }
                return index
            case .field(let f): return fields[f.ordinal].first
            }
        }
        ruleValues = mapping.outcomeRules.map(\.foldedValues)
        valueMaps = TargetField.allCases.map { field in
            mapping.valueMaps[field].map { map in
                Dictionary(map.map { (Folding.fold($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
            }
        }
        titleParts = mapping.titleTemplate.map(Self.templateParts) ?? []
        emptyValues = Set(mapping.emptyValues.map(Folding.fold))
        emptyValueMaxLength = mapping.emptyValues.map(\.utf8.count).max() ?? 0
        missingColumns = Array(Set(missing)).sorted()
        unusedColumns = header.indices.filter { !used.contains($0) && !header[$0].isEmpty }.map { header[$0] }
        duplicateColumns = duplicates
        var checked: [(Int, TargetField?, Int?)] = []
        for field in TargetField.allCases {
            let max = ImportLimits.maxLength(field, in: mapping.kind)
            for index in fieldColumns[field.ordinal] { checked.append((index, field, max)) }
        }
        for (_, index) in customColumns { checked.append((index, nil, nil)) }
        checkedColumns = checked
        ranges = TargetField.allCases.map { ImportLimits.range($0, in: mapping.kind) }
    }

    func columns(_ field: TargetField) -> [Int] { fieldColumns[field.ordinal] }

    /// The required fields of the file's kind that no header column fills.
    var missingRequiredFields: [TargetField] {
        mapping.kind.requiredFields.filter { fieldColumns[$0.ordinal].isEmpty }
    }

    /// "{product_name} — {company_name}" → [(product_name), " — ", (company_name)]; unknown braces stay text.
    static func templateParts(_ template: String) -> [(text: String, field: TargetField?)] {
        var parts: [(String, TargetField?)] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if let field = TargetField(rawValue: String(rest[rest.index(after: open)..<close])) {
                if open > rest.startIndex { parts.append((String(rest[..<open]), nil)) }
                parts.append(("", field))
            } else {
                parts.append((String(rest[...close]), nil))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append((String(rest), nil)) }
        return parts
    }

    /// Splits `"Closed Won (Sales Pipeline)"` (quotes optional) into the stage and the pipeline.
    static func stageAndPipeline(_ text: String) -> (String, String?)? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("\""), t.hasSuffix("\""), t.count >= 2 { t = String(t.dropFirst().dropLast()) }
        t = t.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        if t.hasSuffix(")"), let open = t.lastIndex(of: "(") {
            let stage = t[..<open].trimmingCharacters(in: .whitespaces)
            let pipeline = t[t.index(after: open)..<t.index(before: t.endIndex)].trimmingCharacters(in: .whitespaces)
            if !stage.isEmpty { return (stage, pipeline.isEmpty ? nil : pipeline) }
        }
        return (t, nil)
    }
}
