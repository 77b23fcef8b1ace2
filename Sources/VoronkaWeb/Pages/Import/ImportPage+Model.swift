import Foundation
import VoronkaCore

/// Importing another system's export (admins): upload the files, review how each is read (a detected preset, or
/// columns matched to fields, which the user corrects) with a dry run's counts and problems, start, follow the
/// progress, read the report.
public enum ImportPage {
    /// Where the page's forms go (`SiteURL`).
    public struct Paths: Sendable, Hashable {
        public init() {}
        /// GET: the upload form; POST (multipart): the files.
        public var upload: String { SiteURL.imports.path }
        /// GET: the import's review, progress or report.
        public func page(_ id: String) -> String { SiteURL.importPage(id).path }
        /// POST: the corrected choices, then a dry run (`action=check`) or the start (`action=start`).
        public func choices(_ id: String) -> String { SiteURL.importPage(id).path }
    }

    /// Names of the review form's fields.
    public enum Field {
        public static func preset(_ file: Int) -> String { "file-\(file)-preset" }
        public static func kind(_ file: Int) -> String { "file-\(file)-kind" }
        /// A checkbox: the file is left out of the import.
        public static func skip(_ file: Int) -> String { "file-\(file)-skip" }
        public static func dateFormat(_ file: Int) -> String { "file-\(file)-date_format" }
        public static func column(_ file: Int, _ column: Int) -> String { "file-\(file)-col-\(column)" }
        public static let system = "system"
        public static let pipeline = "pipeline"
        public static let unknownStages = "unknown_stages"
        public static let action = "action"
        /// A stage the pipeline lacks (`stage-<n>-name`) and where its rows go (`stage-<n>`: empty for the policy).
        public static func stage(_ n: Int) -> String { "stage-\(n)" }
        public static func stageName(_ n: Int) -> String { "stage-\(n)-name" }
        /// A lead channel as written (`source-<n>-name`) and the channel it goes to (`source-<n>`: a channel's name, empty
        /// for a new channel of that name).
        public static func source(_ n: Int) -> String { "source-\(n)" }
        public static func sourceName(_ n: Int) -> String { "source-\(n)-name" }
        /// The value of `preset` that means "the columns as chosen below".
        public static let columnsChoice = "columns"
    }

    /// A choice of a select: its value and its label.
    public struct Option: Sendable, Hashable {
        public var value: String
        public var label: String
        public init(_ value: String, _ label: String) { self.value = value; self.label = label }
    }

    /// One column of a file: its name, first values, and the field it goes to (`ignore`, a field name, `custom.<key>`).
    public struct Column: Sendable, Hashable {
        public var name: String
        public var samples: [String]
        public var target: String
        /// Whether the target was guessed from a partial name or not at all, so the user should look.
        public var uncertain: Bool
        public init(name: String, samples: [String], target: String, uncertain: Bool) {
            self.name = name; self.samples = samples; self.target = target; self.uncertain = uncertain
        }
    }

    /// A file's rows in the dry run: read, to import, left out.
    public struct Rows: Sendable, Hashable {
        public var read, imported, skipped: Int
        public init(read: Int, imported: Int, skipped: Int) { self.read = read; self.imported = imported; self.skipped = skipped }
    }

    /// One uploaded file and how it is read.
    public struct File: Sendable, Hashable {
        public var name: String
        /// The preset, or nil for the columns as chosen.
        public var presetID: String?
        public var kind: String
        public var dateFormat: String
        public var columns: [Column]
        /// The fields (names) each row needs that no column fills.
        public var missing: [String]
        /// From the dry run.
        public var rows: Rows?
        /// Left out of the import by the user.
        public var skipped = false

        public init(name: String, presetID: String?, kind: String, dateFormat: String, columns: [Column], missing: [String],
                    rows: Rows?) {
            self.name = name; self.presetID = presetID; self.kind = kind; self.dateFormat = dateFormat; self.columns = columns
            self.missing = missing; self.rows = rows
        }
    }

    /// A stage the dry run found, with its rows and how many of them are won or lost.
    public struct StageRow: Sendable, Hashable {
        public var pipeline: String?
        public var stage: String
        public var rows: Int
        public var won: Int
        public var lost: Int
        /// Whether the target pipeline has the stage already.
        public var known: Bool
        /// For a stage it lacks: the existing stages the rows may go to instead of a new one, and the one chosen.
        public var targets: [String]
        public var target: String?
        public init(pipeline: String?, stage: String, rows: Int, won: Int, lost: Int, known: Bool = true, targets: [String] = [], target: String? = nil) {
            self.pipeline = pipeline; self.stage = stage; self.rows = rows; self.won = won; self.lost = lost
            self.known = known; self.targets = targets; self.target = target
        }
    }

    /// A lead channel as the files write it, that no channel has yet, or that the user matched to one.
    public struct SourceRow: Sendable, Hashable {
        public var text: String
        public var rows: Int
        /// The channel chosen for it (its name), nil while it is to become a new channel.
        public var chosen: String?
        public init(text: String, rows: Int, chosen: String? = nil) { self.text = text; self.rows = rows; self.chosen = chosen }
    }

    /// A problem of a row: where, and why.
    public struct Problem: Sendable, Hashable {
        public var file: String
        public var line: Int
        public var column: String?
        public var reason: String
        public var value: String?
        public var isError: Bool
        public init(file: String, line: Int, column: String?, reason: String, value: String?, isError: Bool) {
            self.file = file; self.line = line; self.column = column; self.reason = reason; self.value = value; self.isError = isError
        }
    }

    /// The files and choices of an import, with its dry run.
    public struct Review: Sendable, Hashable {
        public var id: String
        public var files: [File]
        public var presets: [Option]
        /// Kinds of file: value and label.
        public var kinds: [Option]
        /// The fields a column may go to, by kind.
        public var fields: [String: [String]]
        public var dateFormats: [String]
        public var system: String
        public var pipeline: String
        public var pipelines: [String]
        public var unknownStages: String
        /// Rows by kind (companies, deals, …) the import would write.
        /// Rows read per kind of record.
        /// The kinds of file whose rows keep custom attributes: only they offer "custom field" targets.
        public var customKinds: Set<String> = ["companies", "contacts", "leads", "deals"]
        public var counts: [KindCount]
        public var stages: [StageRow]
        /// Lead channels no channel has yet (new channels unless matched), and those the user matched, most rows first.
        public var sources: [SourceRow]
        /// The channels a new one may be matched to (value: the channel's name; label: in the user's language).
        public var channels: [Option] = []
        /// Owners no user matches: they become inactive users.
        public var newOwners: [Option]
        public var problems: [Problem]
        public var problemCount: Int
        /// Why the import cannot start yet (a file without a required column), in the user's language.
        public var blocking: [String]
        /// Deals that will stay ungraded (nothing of their need, budget or deadline in the export), and whether any
        /// column is mapped to those fields (if none, mapping one is the remedy).
        public var ungradedDeals = 0
        public var gradeColumnsMapped = false

        public init(id: String, files: [File], presets: [Option], kinds: [Option], fields: [String: [String]], dateFormats: [String],
                    system: String, pipeline: String, pipelines: [String], unknownStages: String, counts: [KindCount],
                    stages: [StageRow], sources: [SourceRow] = [], newOwners: [Option], problems: [Problem], problemCount: Int,
                    blocking: [String]) {
            self.id = id; self.files = files; self.presets = presets; self.kinds = kinds; self.fields = fields
            self.dateFormats = dateFormats; self.system = system; self.pipeline = pipeline; self.pipelines = pipelines
            self.unknownStages = unknownStages; self.counts = counts; self.stages = stages; self.sources = sources
            self.newOwners = newOwners
            self.problems = problems; self.problemCount = problemCount; self.blocking = blocking
        }
    }

    /// What a finished import did for one kind of record.
    public struct Tally: Sendable, Hashable {
        public var kind: String
        public var created, updated, unchanged, skipped: Int
        public init(kind: String, created: Int, updated: Int, unchanged: Int, skipped: Int) {
            self.kind = kind; self.created = created; self.updated = updated; self.unchanged = unchanged; self.skipped = skipped
        }
    }

    /// The page's state.
    public enum Content: Sendable, Hashable {
        case upload
        case review(Review)
        case running(done: Int, total: Int, startedAt: Date)
        case finished(tallies: [Tally], rows: Int, seconds: Double, problems: [String], problemCount: Int)
        case failed(String)
    }

    /// Everything the page shows.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var paths: Paths
        public var content: Content
        /// A refusal to show above the content (an upload without files), in the user's language.
        public var error: String?
        /// Every problem as CSV, when there are more than the page lists.
        public var problemsURL: String?
        /// The channels the import made (name and group), to merge or regroup in the settings.
        public var newChannels: [String] = []
        public init(shell: Shell, paths: Paths = Paths(), content: Content, error: String? = nil) {
            self.shell = shell; self.paths = paths; self.content = content; self.error = error
        }
    }
}

extension ImportPage {
    /// How many rows of one kind of record ("deals") a dry run read.
    public struct KindCount: Sendable, Hashable {
        public var kind: String
        public var rows: Int
        public init(_ kind: String, rows: Int) { self.kind = kind; self.rows = rows }
    }
}
