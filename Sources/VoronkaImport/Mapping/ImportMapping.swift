/// What to do with a stage name the target pipeline does not have.
public enum UnknownStagePolicy: Hashable, Sendable {
    /// Create the stage in the target pipeline (the default).
    case create
    /// Put the deal in this stage instead.
    case mapTo(String)
    /// Report the row as a problem and leave it out.
    case reject
}

/// How one file becomes rows: its kind, which column fills which field, value maps, the date format and time zone,
/// the default currency and pipeline, and the rules that tell won from lost. Built in code (the presets) or from
/// JSON (`init(json:)`, a mapping file or an API request).
public struct ImportMapping: Hashable, Sendable {
    public var kind: ImportFileKind
    /// Header column → target. Columns are matched ignoring case and surrounding spaces; unmapped columns are ignored.
    public var columns: [String: ColumnTarget]
    /// Per field: value as written → value to use (a stage name → a canonical stage, "Сайт" → "web_form").
    /// Matched ignoring case; values without an entry pass through.
    public var valueMaps: [TargetField: [String: String]]
    /// Cell values that mean "empty" besides an empty cell, such as "-" or amoCRM's "не закрыта".
    public var emptyValues: [String]
    public var dateFormat: DateFormat
    /// The offset from UTC, in seconds, of times written without one (Moscow: 10,800).
    public var utcOffset: Int
    /// The currency of amounts without a currency column or mark.
    public var currency: String
    /// The pipeline of rows without a pipeline column; nil leaves the choice to the import.
    public var pipelineName: String?
    /// The stage of every row when no column names one ("stage": "Won" for a file of won deals); nil: the column's,
    /// or, without one, the row's outcome (won, lost, or the first open stage).
    public var stageName: String? = nil
    public var unknownStages: UnknownStagePolicy
    public var outcomeRules: [OutcomeRule]
    /// Columns named `<prefix>"<stage> (<pipeline>)"` hold the time a deal entered that stage (HubSpot's
    /// `Date entered "Closed Won (Sales Pipeline)"`); each filled one becomes a stage event.
    public var stageEnteredPrefix: String?
    /// Column → stage: the column holds the time the deal entered that stage (Maven's engage_date → "Engaging").
    public var stageDateColumns: [String: String]
    /// A closed deal's closed_at is also the time it entered its current (won or lost) stage.
    public var closedAtEntersStage: Bool
    /// How to title rows without a title, with fields in braces: "{product_name} — {company_name}".
    public var titleTemplate: String?
    /// Per field: a factor for amounts given in larger units (Maven's revenue is in millions: 1,000,000).
    public var multipliers: [TargetField: Int64]
    /// The delimiter and encoding, when they must not be detected.
    public var delimiter: CSVDelimiter?
    public var encoding: TextEncoding?
    /// The order of the stages an import creates in a pipeline (those it names; the others follow in the order they
    /// first occur in time).
    public var stageOrder: [String] = []
    /// Stage names the target pipeline lacks → the existing stage to put their rows in, chosen one by one (matched
    /// ignoring case); a name not listed follows `unknownStages`.
    public var stageTargets: [String: String] = [:]

    public init(kind: ImportFileKind, columns: [String: ColumnTarget], valueMaps: [TargetField: [String: String]] = [:],
                emptyValues: [String] = ["-"], dateFormat: DateFormat = .auto, utcOffset: Int = 0, currency: String = "RUB",
                pipelineName: String? = nil, unknownStages: UnknownStagePolicy = .create, outcomeRules: [OutcomeRule] = [],
                stageEnteredPrefix: String? = nil, stageDateColumns: [String: String] = [:], closedAtEntersStage: Bool = false,
                titleTemplate: String? = nil, multipliers: [TargetField: Int64] = [:],
                delimiter: CSVDelimiter? = nil, encoding: TextEncoding? = nil) {
        self.kind = kind; self.columns = columns; self.valueMaps = valueMaps; self.emptyValues = emptyValues
        self.dateFormat = dateFormat; self.utcOffset = utcOffset; self.currency = currency; self.pipelineName = pipelineName
        self.unknownStages = unknownStages; self.outcomeRules = outcomeRules; self.stageEnteredPrefix = stageEnteredPrefix
        self.stageDateColumns = stageDateColumns; self.closedAtEntersStage = closedAtEntersStage
        self.titleTemplate = titleTemplate; self.multipliers = multipliers; self.delimiter = delimiter; self.encoding = encoding
    }

    /// Shorthand for presets: column → field name, "custom.key" or "ignore" (a bad name stops at once: presets are ours).
    static func columns(_ pairs: KeyValuePairs<String, String>) -> [String: ColumnTarget] {
        var out: [String: ColumnTarget] = [:]
        for (column, target) in pairs {
            guard let t = ColumnTarget(text: target) else { preconditionFailure("preset maps \(column) to unknown \(target)") }
            out[column] = t
        }
        return out
    }
}
