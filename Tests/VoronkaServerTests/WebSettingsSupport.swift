import Foundation
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// Shorthands for the settings pages' tests.
extension WebClient {
    /// A team member signed in, on a settings section (so that the next POST carries that page's CSRF token).
    static func onSettings(_ app: TestApp, _ section: String, as user: String = "admin") async throws -> WebClient {
        let client = try await signedIn(app, as: user)
        _ = try await client.get("/settings/\(section)")
        return client
    }
}

extension TestApp {
    /// The first deal pipeline of a new installation ("Complex products").
    func dealPipeline() async throws -> Pipeline {
        let pipelines = try await services.store.all(.pipeline).map(Pipeline.init(record:))
        return pipelines.first { $0.name == DefaultPipelines.complexProducts }!
    }

    /// The stages of a pipeline, in order.
    func stages(of pipelineID: Int64) async throws -> [Stage] {
        try await services.store.all(.stage).map(Stage.init(record:)).filter { $0.pipelineID == pipelineID }
            .sorted { ($0.position, $0.id) < ($1.position, $1.id) }
    }

    /// The journal entries written after `seq`.
    func journal(after seq: Int64) async throws -> [JournalEntry] {
        try await services.store.journal(after: seq)
    }
}
