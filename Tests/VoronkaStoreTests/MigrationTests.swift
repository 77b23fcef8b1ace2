import Foundation
import SQLKit
import Testing
import VoronkaCore
import VoronkaStore
import VoronkaTestDatabase

@Suite("Migrations")
struct MigrationTests {
    @Test("A new database has the lead funnel and both deal pipelines, in English and Russian", arguments: TestDatabase.backends)
    func defaultPipelines(backend: Backend) async throws {
        try await withStore(backend) { store in
            // action
            let pipelines = try await store.all(.pipeline).map(Pipeline.init(record:))
            let stages = try await store.all(.stage).map(Stage.init(record:))
            // check
            #expect(pipelines.map(\.name) == DefaultPipelines.all.map(\.pipeline.name))
            #expect(pipelines.map(\.kind) == [.lead, .deal, .deal])
            let complex = pipelines[1]
            let ladder = stages.filter { $0.pipelineID == complex.id }.sorted { $0.position < $1.position }
            #expect(ladder.map(\.probability) == [0, 10, 40, 50, 85, 100, 0, 0])
            #expect(ladder.first?.nameRu == "До квалификации")
            let services = stages.filter { $0.pipelineID == pipelines[2].id }
            #expect(services.count == 10)
            let channels = try await store.all(.channel).map(LeadChannel.init(record:))
            #expect(channels.compactMap(\.sourceKey) == LeadSource.allCases.map(\.rawValue), "a channel for every source of the old closed list")
            #expect(channels.allSatisfy { $0.nameRu != nil && $0.active && $0.mergedIntoID == nil })
            #expect(try await store.journal(after: 0, limit: 100).count == pipelines.count + stages.count + channels.count)
        }
    }

    @Test("Migrating again applies nothing", arguments: TestDatabase.backends)
    func idempotent(backend: Backend) async throws {
        try await withStore(backend) { store in
            // action
            let second = try await store.migrate()
            // check
            #expect(second.isEmpty)
            #expect(try await store.count(.pipeline) == 3)
        }
    }

    @Test("Every field of every entity has its column", arguments: TestDatabase.backends)
    func schemaMatchesEntities(backend: Backend) async throws {
        try await withStore(backend) { store in
            for kind in EntityKind.allCases where kind.entityType != nil {
                // action, check: selecting every field must not fail
                _ = try await store.list(kind, query: ListQuery(), scope: .everyone)
            }
        }
    }
}

@Suite("Indexes")
struct IndexTests {
    @Test("Every sortable field leads an index, so keyset pages never sort the whole table", arguments: TestDatabase.backends)
    func sortableFieldsAreIndexed(backend: Backend) async throws {
        try await withStore(backend) { store in
            for kind in EntityKind.allCases where kind.entityType != nil {
                // action
                let leading = try await store.indexLeadingColumns(kind.plural)
                // check
                for field in kind.sortable where field != "id" {
                    #expect(leading.contains(field), "\(kind.plural).\(field) has no index")
                }
            }
        }
    }
}
