import VoronkaCore

/// One file of an import: its name, its bytes, and the mapping to read it with (nil: a preset detected from the header).
public struct ImportSource: Sendable {
    public var name: String
    public var bytes: [UInt8]
    public var mapping: ImportMapping?

    public init(name: String, bytes: [UInt8], mapping: ImportMapping? = nil) {
        self.name = name; self.bytes = bytes; self.mapping = mapping
    }
}

/// How one file was read: the mapping used (and the preset it came from) and what parsing found.
public struct PlannedFile: Hashable, Sendable {
    public var name: String
    /// The preset the mapping came from when it was detected; nil for a given mapping or when none matched.
    public var presetID: String?
    public var mapping: ImportMapping?
    public var report: FileReport?
}

/// Everything an import would write, read from all its files and linked across them: companies de-duplicated by
/// tax id, then normalised name; deals joined to their leads; owners and stages collected; problems listed.
/// Building it writes nothing, so it is also the dry run (`summary`). `plan.deals` reads `plan.rows.deals`.
@dynamicMemberLookup
public struct ImportPlan: Sendable {
    public var files: [PlannedFile] = []
    /// The linked rows of every file.
    public var rows = RowSet()
    /// Every file's problems, then those found linking the files.
    public var problems: [RowProblem] = []

    public subscript<T>(dynamicMember path: KeyPath<RowSet, T>) -> T { rows[keyPath: path] }

    /// Where each deal's events are in `stageEvents`, by deal source id. They are grouped by deal (see `stageEvents`),
    /// so one range per deal does; were a deal's events ever apart, its range would be its first group.
    public func stageEventRanges() -> [String: Range<Int>] {
        let stageEvents = rows.stageEvents
        var out: [String: Range<Int>] = [:]
        var start = 0
        for i in stageEvents.indices where i + 1 == stageEvents.count || stageEvents[i + 1].dealSourceID != stageEvents[i].dealSourceID {
            let deal = stageEvents[i].dealSourceID
            if out[deal] == nil { out[deal] = start..<(i + 1) }
            start = i + 1
        }
        return out
    }

    /// The preset whose header the source has (nil: a mapping must be given to read it).
    public static func detectedPreset(_ source: ImportSource) -> Preset? {
        Presets.detect(header: CSVReader().header(of: source.bytes))
    }

    /// Reads every source (the files at once, on the machine's cores) and links the rows.
    public init(sources: [ImportSource]) {
        var planned = sources.map { source in
            var file = PlannedFile(name: source.name)
            if let mapping = source.mapping {
                file.mapping = mapping
            } else if let preset = Self.detectedPreset(source) {
                file.presetID = preset.id
                file.mapping = preset.mapping
            }
            return file
        }
        let mappings = planned.map(\.mapping)
        var read = Concurrently.map(sources.count) { i in
            mappings[i].map { ImportParser(mapping: $0, file: sources[i].name).parse(sources[i].bytes) }
        }
        var parsed: [ParsedFile] = []
        for i in read.indices {
            if let file = read[i] {
                planned[i].report = file.report
                problems += file.report.problems
                parsed.append(file)
            } else {
                problems.append(RowProblem(file: sources[i].name, line: 1, message: ImportMessage("no preset matches this header; give a mapping (--preset or a mapping file)")))
            }
        }
        read = []  // `parsed` holds the only reference to each file's rows, which `link` then changes in place
        files = planned
        link(consume parsed)
    }
}
