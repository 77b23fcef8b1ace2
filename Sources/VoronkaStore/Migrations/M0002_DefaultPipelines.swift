import FluentKit
import Foundation
import SQLKit
import VoronkaCore

/// Seeds the lead funnel and the two deal pipelines of a new installation (journaled as the system's doing).
struct M0002_DefaultPipelines: AsyncMigration {
    var name: String { "M0002_DefaultPipelines" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let tx = StoreTransaction(sql: sql, backend: Backend(sql), actor: nil, origin: "migration", now: Date())
        for template in DefaultPipelines.all {
            let pipeline = try await tx.insert(.pipeline, template.pipeline.record)
            for stage in template.stages {
                var s = stage
                s.pipelineID = pipeline.int("id")!
                try await tx.insert(.stage, s.record)
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.exec("DELETE FROM stages")
        try await sql.exec("DELETE FROM pipelines")
    }
}
