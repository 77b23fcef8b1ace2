import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The pipelines section's forms: add and edit a pipeline; add and edit its stages (order, win probability, expected
/// duration, entry gate). Writes go through `RecordService`, as the API's pipeline and stage endpoints do.
enum PipelineSettingsController {
    static let stageFields: [(String, WebForms.Kind)] = [
        ("name", .text), ("name_ru", .text), ("kind", .text), ("position", .number), ("probability", .number),
        ("expected_days", .number), ("requires_qualification", .flag), ("entry_rule", .text),
    ]

    static func create(_ req: Request, _ web: WebContext) async throws -> Response {
        try await SettingsForms.submit(req, web, .pipelines, form: "new-pipeline", notice: .added) { caller, form in
            var input = WebForms.input(form, [("name", .text), ("name_ru", .text), ("kind", .text)])
            // A new pipeline goes last.
            let last = try await WebLookups.pipelines(web.services).map(\.position).max() ?? 0
            input["position"] = .number(Double(last + 1))
            let pipeline = try await web.services.records.create(.pipeline, input, viewer: caller.viewer)
            return pipeline.int("id").map { "pipeline-\($0)" }
        }
    }

    static func edit(_ req: Request, _ web: WebContext) async throws -> Response {
        let id = try req.webID("pipeline")
        return try await SettingsForms.submit(req, web, .pipelines, form: "pipeline-\(id)", notice: .saved) { caller, form in
            let input = WebForms.input(form, [("name", .text), ("name_ru", .text), ("active", .flag)])
            _ = try await web.services.records.update(.pipeline, id, input, viewer: caller.viewer)
            return nil
        }
    }

    static func createStage(_ req: Request, _ web: WebContext) async throws -> Response {
        let pipelineID = try req.webID("pipeline")
        return try await SettingsForms.submit(req, web, .pipelines, form: "new-stage-\(pipelineID)", notice: .added) { caller, form in
            guard try await web.services.store.fetch(.pipeline, pipelineID) != nil else { throw WebError.notFound }
            var input = WebForms.input(form, stageFields)
            input["pipeline_id"] = .number(Double(pipelineID))
            let stage = try await web.services.records.create(.stage, input, viewer: caller.viewer)
            return stage.int("id").map { "stage-\($0)" }
        }
    }

    static func editStage(_ req: Request, _ web: WebContext) async throws -> Response {
        let pipelineID = try req.webID("pipeline")
        let id = try req.webID("stage")
        return try await SettingsForms.submit(req, web, .pipelines, form: "stage-\(id)", notice: .saved) { caller, form in
            guard try await web.services.store.fetch(.stage, id)?.int("pipeline_id") == pipelineID else { throw WebError.notFound }
            _ = try await web.services.records.update(.stage, id, WebForms.input(form, stageFields), viewer: caller.viewer)
            return nil
        }
    }

    /// The stage trades places with its neighbour above or below: it takes the neighbour's order, and the stage
    /// rules move the neighbour (both changes journaled, as any edit).
    static func moveStage(_ req: Request, _ web: WebContext) async throws -> Response {
        let pipelineID = try req.webID("pipeline")
        let id = try req.webID("stage")
        return try await SettingsForms.submit(req, web, .pipelines, form: "stage-\(id)", notice: .saved) { caller, form in
            guard let direction = form["direction"], ["up", "down"].contains(direction) else {
                throw DomainError.invalid("direction", .oneOf(["up", "down"]))
            }
            let stages = try await web.services.store.all(.stage).map(Stage.init(record:))
                .filter { $0.pipelineID == pipelineID }.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
            guard let index = stages.firstIndex(where: { $0.id == id }) else { throw WebError.notFound }
            let neighbour = direction == "up" ? index - 1 : index + 1
            guard stages.indices.contains(neighbour) else { return "stage-\(id)" }
            _ = try await web.services.records.update(.stage, id, ["position": .number(Double(stages[neighbour].position))], viewer: caller.viewer)
            return "pipeline-\(pipelineID)-heading"
        }
    }
}
