import Foundation
import VoronkaCore

/// A slice of the demo company: records (with ids already assigned, parents before children)
/// and the journal entries that tell their history (seq 0; the store numbers them).
public struct DemoBatch: Sendable {
    public var rows: [BulkRow] = []
    public var journal: [JournalEntry] = []
    /// How many deals this batch holds (for progress).
    public var dealCount = 0

    public init() {}
}

/// The ids the generator may start from, and the pipelines and stages it places leads and deals in.
public struct DemoContext: Sendable {
    /// The next free id of each kind.
    public var nextID: [EntityKind: Int64]
    public var pipelines: [Pipeline]
    public var stages: [Stage]
    /// Users that already exist and may act in the journal (the admin).
    public var adminID: Int64?
    /// The lead channel of each source (the channels every installation starts with); a lead of a source without one
    /// has no channel.
    public var channels: [LeadSource: Int64]

    public init(nextID: [EntityKind: Int64], pipelines: [Pipeline], stages: [Stage], adminID: Int64?, channels: [LeadSource: Int64] = [:]) {
        self.nextID = nextID; self.pipelines = pipelines; self.stages = stages; self.adminID = adminID; self.channels = channels
    }
}
