import Foundation
import VoronkaCore

/// What rows of an import are matched against and linked by: users, products, pipelines and stages (resolved or
/// created before any batch), and the ids of companies, contacts and leads as their batches write them.
public final class ImportCatalog: @unchecked Sendable {
    // Filled by the writer (`prepare`, in the server) and by the batches of one import, which run one after another.
    public var userByName: [String: Int64] = [:]
    public var userByEmail: [String: Int64] = [:]
    public var productByName: [String: Int64] = [:]
    public var pipelines: [Pipeline] = []
    public var stages: [Stage] = []
    public var dealPipeline: Int64 = 0
    public var leadPipeline: Int64 = 0
    /// "pipeline id|folded stage name" → stage id; nil value: rejected by the mapping's policy.
    public var stageByName: [String: Int64?] = [:]
    public var pipelineByName: [String: Int64] = [:]
    public var companyIDs: [String: Int64] = [:]
    public var contactIDs: [String: Int64] = [:]
    public var leadIDs: [String: Int64] = [:]
    /// Channels by their names; `channelByText` the channel of each channel text of the files (made when new).
    public var channels = ChannelDirectory()
    public var channelByText: [String: Int64] = [:]
    /// The channels this import made, by name, with their group.
    public var channelsMade: [LeadChannel] = []
    public var problems: [ImportMessage] = []

    /// The channel of each kind of source (the standard channels), filled with `channels`.
    public var channelBySource: [LeadSource: Int64] = [:]

    /// The channel of a lead: the one its text names, else that of its kind of source (or of imports).
    public func channel(_ text: String?, source: LeadSource?) -> Int64? {
        if let text, let id = channelByText[text] { return id }
        return channelBySource[source ?? .import]
    }

    public func user(_ name: String?) -> Int64? { name.flatMap { userByName[Folding.fold($0)] } }

    public func stage(_ pipeline: Int64, _ name: String) -> Int64?? { stageByName["\(pipeline)|\(Folding.fold(name))"] }

    public func stageKind(_ id: Int64) -> StageKind { stages.first { $0.id == id }?.kind ?? .open }

    /// The first stage of a kind in a pipeline (by position).
    public func firstStage(_ pipeline: Int64, _ kind: StageKind) -> Int64? {
        stages.filter { $0.pipelineID == pipeline && $0.kind == kind }.min { $0.position < $1.position }?.id
    }

    public func pipeline(named name: String?) -> Int64 {
        guard let name else { return dealPipeline }
        return pipelineByName[Folding.fold(name)] ?? dealPipeline
    }

    public func pipelineName(_ id: Int64) -> String { pipelines.first { $0.id == id }?.name ?? "#\(id)" }

    public init() {}
}
