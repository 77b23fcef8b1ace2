/// The byte that separates fields.
public enum CSVDelimiter: UInt8, Sendable, CaseIterable {
    case comma = 0x2C
    case semicolon = 0x3B
    case tab = 0x09

    /// The delimiter as a mapping file writes it: ",", ";" or "\t" (also "tab").
    public init?(text: String) {
        switch text {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "tab": self = .tab
        default: return nil
        }
    }

    public var text: String {
        switch self {
        case .comma: ","
        case .semicolon: ";"
        case .tab: "tab"
        }
    }
}

/// One record of a CSV file: its fields and the physical line (1-based) on which it starts.
public struct CSVRecord: Sendable, Hashable {
    public var fields: [String]
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields; self.line = line
    }
}

/// A record the reader could not pass on, with the line it starts on and why.
public struct CSVProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A record with more or fewer fields than the header; it is left out.
        case wrongWidth
        /// A quoted field still open at the end of the file; the record and the rest of the file are left out.
        case unclosedQuote
        /// A quoted field that swallowed lines shaped like rows (a quote left open, closed by chance later); left out.
        case swallowedRows
    }

    public let kind: Kind
    public let line: Int
    public let message: ImportMessage
    /// The message in English.
    public var reason: String { message.english }

    public init(_ kind: Kind, line: Int, message: ImportMessage) {
        self.kind = kind; self.line = line; self.message = message
    }
}

/// What reading a file found besides its records.
public struct CSVFileInfo: Sendable, Hashable {
    /// The header's fields, trimmed.
    public var header: [String]
    public var delimiter: CSVDelimiter
    public var encoding: TextEncoding
    /// Data records passed on (the header and blank lines not counted).
    public var records: Int
    public var problems: [CSVProblem]
}

/// A whole file read at once: header, records and problems.
public struct CSVTable: Sendable, Hashable {
    public var info: CSVFileInfo
    public var records: [CSVRecord]

    public var header: [String] { info.header }
    public var problems: [CSVProblem] { info.problems }
}
