import VoronkaCore

/// Where a row came from: the file's name and the physical line on which the record starts.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let file: String
    public let line: Int

    public init(file: String, line: Int) {
        self.file = file; self.line = line
    }

    public var description: String { "\(file):\(line)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { (a.file, a.line) < (b.file, b.line) }
}

/// Something wrong with a row (or a whole file, at line 1 with no column), with the column and the reason.
public struct RowProblem: Hashable, Sendable, CustomStringConvertible {
    /// An error leaves the row out whole; a warning keeps it and says what was assumed.
    public enum Severity: String, Hashable, Sendable {
        case error, warning
    }

    public let file: String
    public let line: Int
    public let column: String?
    /// What is wrong, in either language; `reason` is its English.
    public let message: ImportMessage
    public var reason: String { message.english }
    /// The cell as written, shortened to 80 characters.
    public let value: String?
    public let severity: Severity

    public init(file: String, line: Int, column: String? = nil, message: ImportMessage, value: String? = nil, severity: Severity = .error) {
        self.file = file; self.line = line; self.column = column; self.message = message
        self.value = value.map { $0.count > 80 ? String($0.prefix(79)) + "…" : $0 }
        self.severity = severity
    }

    init(_ location: SourceLocation, column: String? = nil, message: ImportMessage, value: String? = nil, severity: Severity = .error) {
        self.init(file: location.file, line: location.line, column: column, message: message, value: value, severity: severity)
    }

    /// "deals.csv:12, column Сумма: “12,3,4” has digit groups that are not of three digits (row left out)".
    public var description: String { description(in: .en) }

    /// The same in a language: "deals.csv:12, столбец Сумма: «12,3,4» группы цифр не по три (строка не импортирована)".
    public func description(in language: Language) -> String {
        let ru = language == .ru
        var text = "\(file):\(line)"
        if let column { text += (ru ? ", столбец " : ", column ") + column }
        text += ": "
        if let value { text += ru ? "«\(value)» " : "“\(value)” " }
        text += message.text(language)
        if severity == .error { text += ru ? " (строка не импортирована)" : " (row left out)" }
        return text
    }
}
