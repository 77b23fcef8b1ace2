import Foundation
import VoronkaCore
import VoronkaImport

/// How an import writes: whose ids it keeps (the source system), where deals go, and how big each all-or-nothing
/// batch is.
public struct ImportOptions: Sendable {
    /// The namespace of the source ids ("bitrix24", "hubspot", "maven"): the same id from two systems is two records.
    public var system: String
    /// The deal pipeline for rows that name none (created, with Won and Lost stages, when missing); nil: the
    /// mapping's pipeline, else the first deal pipeline.
    public var pipeline: String?
    /// Rows per transaction.
    public var batchSize: Int
    /// For tests of interruption: the run fails inside this batch (1-based), after writing part of it.
    public var failInBatch: Int?
    /// From how many incoming rows a table that holds less than a tenth of that has its secondary indexes dropped
    /// for the load and built again at the end (`SQLStore.deferIndexes`; SQLite only).
    public var rebuildIndexesFrom: Int

    public init(system: String = "import", pipeline: String? = nil, batchSize: Int = 5000, failInBatch: Int? = nil,
                rebuildIndexesFrom: Int = 100_000) {
        self.system = system; self.pipeline = pipeline; self.batchSize = max(1, batchSize); self.failInBatch = failInBatch
        self.rebuildIndexesFrom = rebuildIndexesFrom
    }
}

/// What an import did, kind by kind.
public struct ImportResult: Sendable {
    public struct Tally: Sendable, Hashable {
        public var created = 0
        public var updated = 0
        public var unchanged = 0
        /// Rows left out (a rejected stage, a missing reference); each has a problem.
        public var skipped = 0
    }

    public var system: String
    public var tallies: [(kind: String, tally: Tally)] = []
    public var journalEntries = 0
    public var batches = 0
    public var seconds = 0.0
    /// Where the time went, phase by phase in the order they ran (catalog, each kind's batches, index rebuild).
    public var phases: [(name: String, seconds: Double)] = []
    /// Rows read from the files.
    public var rows = 0
    /// What the import left out or assumed, in either language.
    public var problems: [ImportMessage] = []
    /// Links to records of earlier imports of the same system, by the kind linked to ("lead"): made, and named but
    /// found nowhere.
    public var linksMade: [String: Int] = [:]
    public var linksUnknown: [String: Int] = [:]
    /// The channels the leads named that no channel had: made by the import, each with its guessed group.
    public var channelsMade: [LeadChannel] = []

    public func tally(_ kind: String) -> Tally { tallies.first { $0.kind == kind }?.tally ?? Tally() }

    /// Closes a phase that ran from `since` until now; returns now (the next phase's start).
    mutating func phase(_ name: String, since: Date) -> Date {
        let now = Date()
        phases.append((name, now.timeIntervalSince(since)))
        return now
    }

    mutating func add(_ kind: String, _ change: (inout Tally) -> Void) {
        if let i = tallies.firstIndex(where: { $0.kind == kind }) { change(&tallies[i].tally) }
        else { var t = Tally(); change(&t); tallies.append((kind, t)) }
    }

    /// Whether the import changed nothing at all.
    public var changedNothing: Bool { tallies.allSatisfy { $0.tally.created == 0 && $0.tally.updated == 0 } }

    public var text: String {
        var lines = ["Imported (\(system)) in \(String(format: "%.1f", seconds)) s: \(rows) rows, \(Int(Double(rows) / max(seconds, 0.001))) rows/s, \(batches) batches, \(journalEntries) journal entries"]
        if !phases.isEmpty {
            lines.append("  phases: " + phases.map { "\($0.name) \(String(format: "%.1f", $0.seconds)) s" }.joined(separator: ", "))
        }
        lines.append("  kind        created   updated unchanged   skipped")
        for (kind, t) in tallies {
            lines.append("  " + kind.padding(toLength: 10, withPad: " ", startingAt: 0)
                         + [t.created, t.updated, t.unchanged, t.skipped].map { String($0).leftPadded(10) }.joined())
        }
        for kind in Set(linksMade.keys).union(linksUnknown.keys).sorted() {
            lines.append("  links to earlier imports' \(kind)s: \(linksMade[kind] ?? 0) made, \(linksUnknown[kind] ?? 0) named something unknown")
        }
        if !channelsMade.isEmpty {
            lines.append("  new channels (\(channelsMade.count); merge or regroup them in the settings): "
                         + channelsMade.map { "\($0.name) (\($0.group.rawValue))" }.joined(separator: ", "))
        }
        if !problems.isEmpty {
            lines.append("Problems (\(problems.count)):")
            lines += problems.prefix(200).map { "  " + $0.english }
            if problems.count > 200 { lines.append("  … and \(problems.count - 200) more") }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
