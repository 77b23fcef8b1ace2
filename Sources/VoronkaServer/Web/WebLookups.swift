import Foundation
import VoronkaCore
import VoronkaStore

/// Small reference tables the pages show by name: users, pipelines and stages (everyone may read them).
enum WebLookups {
    static func userNames(_ services: Services) async throws -> [Int64: String] {
        Dictionary(try await services.store.all(.user).map { (User(record: $0).id, User(record: $0).name) }, uniquingKeysWith: { a, _ in a })
    }

    static func pipelines(_ services: Services) async throws -> [Pipeline] {
        try await services.store.all(.pipeline).map(Pipeline.init(record:)).sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    }

    static func stages(_ services: Services, pipelineID: Int64? = nil) async throws -> [Stage] {
        try await services.store.all(.stage).map(Stage.init(record:))
            .filter { pipelineID == nil || $0.pipelineID == pipelineID }
            .sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    }

    /// Every lead channel, merged ones included (their names lead to the channel they were merged into).
    static func channels(_ services: Services) async throws -> ChannelDirectory {
        ChannelDirectory(try await services.store.all(.channel).map(LeadChannel.init(record:)))
    }

    static func name(_ channel: LeadChannel, _ language: Language) -> String {
        language == .ru ? (channel.nameRu ?? channel.name) : channel.name
    }

    static func name(_ pipeline: Pipeline, _ language: Language) -> String {
        language == .ru ? (pipeline.nameRu ?? pipeline.name) : pipeline.name
    }

    static func name(_ stage: Stage, _ language: Language) -> String {
        language == .ru ? (stage.nameRu ?? stage.name) : stage.name
    }
}
