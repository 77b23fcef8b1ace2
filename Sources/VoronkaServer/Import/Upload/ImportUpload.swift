import Foundation
import VoronkaCore
import VoronkaImport

/// Files uploaded for one import (web or API), how each is to be read, the dry run of those choices, and the run once
/// started. Kept in memory by `ImportUploads` until it expires.
public struct ImportUpload: Sendable {
    /// One uploaded file with its first rows, for the preview.
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public var header: [String]
        public var sample: [[String]]
        /// How the file is read: a preset's mapping, or one proposed from the header and corrected by the user.
        public var mapping: ImportMapping
        /// The preset the mapping is, or nil for columns chosen one by one.
        public var presetID: String?
        /// Required fields no column fills (for columns chosen one by one).
        public var missing: [TargetField]
        /// How each column's target was chosen, in header order.
        public var reasons: [MappingProposal.Reason]
        /// Left out of the import by the user (a data dictionary beside the export's files).
        public var skipped = false
    }

    /// Where the import stands.
    public enum State: Sendable {
        /// Files read and a mapping proposed; nothing written.
        case draft
        /// Writing: rows written of all rows.
        case running(done: Int, total: Int, startedAt: Date)
        case finished(ImportResult)
        /// The run stopped; batches written before stay (a rerun finishes the rest).
        case failed(String, at: Date)
    }

    public let id: String
    public let userID: Int64
    public let createdAt: Date
    public var files: [File]
    /// The source system the ids belong to (nil: from the presets).
    public var system: String?
    /// The pipeline for deals that name none (nil: the mapping's, else the first).
    public var pipeline: String?
    public var unknownStages: UnknownStagePolicy = .create
    /// Stages the pipeline lacks that the user put into existing ones (stage name → existing stage name).
    public var stageTargets: [String: String] = [:]
    /// Lead channels as written that the user matched to an existing channel (text → the channel's name), for every
    /// file's source column.
    public var sourceTargets: [String: String] = [:]
    /// Rows per lead channel as written, remembered from dry runs (a matched one is listed under the channel's name).
    public var sourceRows: [String: Int] = [:]
    /// The dry run of the current choices.
    public var summary: ImportSummary?
    public var state: State = .draft

    /// Reads every file's header and first rows and proposes how to read it.
    public init(id: String, userID: Int64, createdAt: Date, files: [(name: String, bytes: [UInt8])]) {
        self.id = id; self.userID = userID; self.createdAt = createdAt
        self.files = files.map { Self.proposed(name: $0.name, bytes: $0.bytes, kind: nil) }
    }

    static func proposed(name: String, bytes: [UInt8], kind: ImportFileKind?) -> File {
        let sample = CSVReader().sample(of: bytes, rows: 5)
        let p = MappingProposal.propose(fileName: name, header: sample.header, rows: sample.rows, kind: kind)
        return File(name: name, bytes: bytes, header: sample.header, sample: sample.rows, mapping: p.mapping, presetID: p.presetID,
                    missing: p.missing, reasons: p.columns.map(\.reason))
    }

    /// Reads file `index` with a preset's mapping.
    public mutating func usePreset(_ index: Int, _ preset: Preset) {
        files[index].mapping = preset.mapping
        files[index].presetID = preset.id
        files[index].missing = []
        let known = Set(preset.mapping.columns.keys.map { $0.lowercased() })
        files[index].reasons = files[index].header.map { known.contains($0.lowercased()) ? .preset : .none }
    }

    /// Reads file `index` as `kind` with columns chosen one by one: a new kind starts from a fresh proposal, the same
    /// kind takes `targets` (by column index; absent ones keep theirs).
    public mutating func useColumns(_ index: Int, kind: ImportFileKind, targets: [Int: ColumnTarget], dateFormat: DateFormat?, currency: String?) {
        var file = files[index]
        let sameColumns = kind == file.mapping.kind && file.presetID == nil
        if !sameColumns {
            // Another kind, or leaving a preset: start from what the header proposes for this kind.
            file = Self.proposed(name: file.name, bytes: file.bytes, kind: kind)
            file.presetID = nil
        } else {
            for (column, target) in targets where file.header.indices.contains(column) {
                // A repeated column is named by its place ("Phone#2"), so that each keeps its own target.
                let name = ColumnAddress.key(file.header, column)
                for key in file.mapping.columns.keys where key.lowercased() == name.lowercased() { file.mapping.columns[key] = nil }
                if target != .ignore { file.mapping.columns[name] = target }
                file.reasons[column] = target == .ignore ? .none : .name
            }
        }
        if let dateFormat { file.mapping.dateFormat = dateFormat }
        if let currency { file.mapping.currency = currency }
        let filled = Set(file.mapping.columns.values)
        file.missing = kind.requiredFields.filter { !filled.contains(.field($0)) }
        files[index] = file
    }

    /// The target of column `index` of file `file` in the current mapping.
    public func target(file: Int, column: Int) -> ColumnTarget {
        let f = files[file]
        let name = ColumnAddress.key(f.header, column)
        if let t = f.mapping.columns[name] { return t }
        return f.mapping.columns.first { $0.key.lowercased() == name.lowercased() }?.value ?? .ignore
    }

    /// The sources to plan with: each file with its mapping and the chosen unknown-stage policy.
    public var sources: [ImportSource] {
        files.filter { !$0.skipped }.map { f in
            var mapping = f.mapping
            mapping.unknownStages = unknownStages
            mapping.stageTargets.merge(stageTargets) { _, chosen in chosen }
            if !sourceTargets.isEmpty { mapping.valueMaps[.source, default: [:]].merge(sourceTargets) { _, chosen in chosen } }
            return ImportSource(name: f.name, bytes: f.bytes, mapping: mapping)
        }
    }

    /// The options of the write.
    public var options: ImportOptions {
        ImportOptions(system: system ?? Presets.system(of: files.map(\.presetID)), pipeline: pipeline)
    }

    /// Files that cannot be read yet, with the fields they lack.
    public var unreadable: [(file: String, missing: [TargetField])] {
        files.filter { !$0.missing.isEmpty && !$0.skipped }.map { ($0.name, $0.missing) }
    }

    /// Runs the dry run of the current choices (on the import lane: it reads every file).
    public mutating func plan() async throws {
        let sources = self.sources
        let summary = try await ImportLane.run { ImportPlan(sources: sources).summary }
        self.summary = summary
        sourceRows.merge(summary.channels) { _, now in now }
    }

    public var isRunning: Bool { if case .running = state { true } else { false } }
}
