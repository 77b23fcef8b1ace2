/// What parsing one file found: its header, encoding and delimiter, row counts, problems, and the columns that
/// did not line up with the mapping.
public struct FileReport: Hashable, Sendable {
    public var file: String
    public var kind: ImportFileKind
    public var csv: CSVFileInfo
    /// Data records in the file, including those left out for a wrong width.
    public var rowsRead: Int
    public var rowsImported: Int
    public var rowsSkipped: Int
    public var problems: [RowProblem]
    /// Mapped columns the file does not have.
    public var missingColumns: [String]
    /// Columns of the file that nothing reads.
    public var unusedColumns: [String]
    /// Whether ids were derived from row contents because no column gives them.
    public var derivedIDs: Bool
}

extension FileReport {
    static func empty(file: String, kind: ImportFileKind) -> FileReport {
        FileReport(file: file, kind: kind, csv: CSVFileInfo(header: [], delimiter: .comma, encoding: .utf8, records: 0, problems: []),
                   rowsRead: 0, rowsImported: 0, rowsSkipped: 0, problems: [], missingColumns: [], unusedColumns: [], derivedIDs: false)
    }
}

/// Every row of one file, kept in memory; `file.deals` reads `file.rows.deals`.
@dynamicMemberLookup
public struct ParsedFile: Hashable, Sendable {
    public var report: FileReport
    public var rows = RowSet()

    public subscript<T>(dynamicMember path: KeyPath<RowSet, T>) -> T { rows[keyPath: path] }
}

/// Applies a mapping to the bytes of one file and gives normalised rows. A row with any bad cell is left out whole
/// and reported with its line, column and reason; the rows around it go on.
public struct ImportParser: Sendable {
    public let mapping: ImportMapping
    /// The file's name, as problems and rows report it.
    public let file: String

    public init(mapping: ImportMapping, file: String) {
        self.mapping = mapping; self.file = file
    }

    /// Passes each good row to `body` as it is read, keeping nothing; returns the report.
    @discardableResult
    public func parse(_ bytes: [UInt8], _ body: (ImportedRow) throws -> Void) rethrows -> FileReport {
        let reader = CSVReader(delimiter: mapping.delimiter, encoding: mapping.encoding)
        var plan = ColumnPlan(mapping: mapping, header: [])
        var problems: [RowProblem] = []
        var imported = 0, skipped = 0, blocked = false
        let info = try reader.forEachRecord(in: bytes, onHeader: { header in
            plan = ColumnPlan(mapping: mapping, header: header)
            blocked = !plan.missingRequiredFields.isEmpty
            for (name, count) in plan.duplicateColumns {
                problems.append(RowProblem(file: file, line: 1, column: name, message: ImportMessage("the header has this column {0} times; the first filled one of them is read in each row (map them apart by place: “{1}”, “{1}#2”…)", .text(String(count)), .text(name)), severity: .warning))
            }
            if mapping.kind == .deals, plan.columns(.stageName).isEmpty, mapping.stageName == nil {
                problems.append(RowProblem(file: file, line: 1, message: ImportMessage("no column is mapped to {0}: each row's outcome places it (won or lost stage, else the pipeline's first open stage)", .field(TargetField.stageName.rawValue)), severity: .warning))
            }
            for field in plan.missingRequiredFields {
                problems.append(RowProblem(file: file, line: 1, message: ImportMessage("no column is mapped to {0}, which every {1} row needs; nothing was read from this file", .field(field.rawValue), .kind(mapping.kind.rawValue))))
            }
        }) { record in
            guard !blocked else { skipped += 1; return }
            var row = RowReader(plan: plan, record: record, file: file)
            row.checkCells()
            let result = self.row(&row)
            if row.problems.isEmpty, let result {
                imported += 1
                try body(result)
            } else {
                skipped += 1
                problems += row.problems
            }
        }
        problems += info.problems.map { RowProblem(file: file, line: $0.line, message: $0.message) }
        problems.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        // Each CSV problem is one record left out (an unclosed quote: the record it opened).
        let unreadable = info.problems.count
        return FileReport(file: file, kind: mapping.kind, csv: info, rowsRead: info.records + unreadable,
                          rowsImported: imported, rowsSkipped: skipped + unreadable, problems: problems,
                          missingColumns: plan.missingColumns, unusedColumns: plan.unusedColumns,
                          derivedIDs: [.deals, .leads].contains(mapping.kind) && plan.columns(.sourceID).isEmpty)
    }

    /// Reads the whole file into memory.
    public func parse(_ bytes: [UInt8]) -> ParsedFile {
        var out = ParsedFile(report: .empty(file: file, kind: mapping.kind))
        out.rows.reserve(bytes.withUnsafeBufferPointer { $0.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } }, for: mapping.kind)
        out.report = parse(bytes) { out.rows.append($0) }
        return out
    }

    private func row(_ row: inout RowReader) -> ImportedRow? {
        switch mapping.kind {
        case .companies: company(&row).map(ImportedRow.company)
        case .contacts: contact(&row).map(ImportedRow.contact)
        case .leads: lead(&row).map(ImportedRow.lead)
        case .deals: deal(&row).map { ImportedRow.deal($0.0, $0.1) }
        case .stageHistory: stageEvent(&row).map(ImportedRow.stageEvent)
        case .users: user(&row).map(ImportedRow.user)
        case .products: product(&row).map(ImportedRow.product)
        }
    }
}
