import Vapor
import VoronkaCore

/// Moving a deal or lead to another stage: the journal records it as a stage change.
enum StageMoveRoutes {
    static var all: [APIRoute] {
        [EntityKind.deal, .lead].map { kind in
            APIRoute(.POST, "\(kind.plural)/:id/move", "move_\(kind.rawValue)",
                     "Move a \(kind.rawValue) to a stage (with lost_reason or postponed_until where the stage needs them)",
                     tag: kind.plural, request: .named("StageMove"), response: .record(kind)) { req, s in
                let id = try req.id()
                let input = try req.jsonObject()
                guard case .number? = input["stage_id"] else { throw DomainError.invalid("stage_id", "is required: the id of the stage to move to") }
                let allowed: Set<String> = kind == .deal ? ["stage_id", "pipeline_id", "lost_reason", "postponed_until"] : ["stage_id", "pipeline_id", "outcome", "outcome_reason"]
                let extra = input.keys.filter { !allowed.contains($0) }.sorted()
                if !extra.isEmpty { throw DomainError.invalid(extra.map { FieldError($0, "cannot be set by a move; allowed: \(allowed.sorted().joined(separator: ", "))") }) }
                // The update puts the record in the stage's pipeline when the move names none (`RecordRules.fillDefaults`).
                return JSONResponse.record(try await s.records.update(kind, id, input, viewer: try req.caller().viewer), kind: kind)
            }
        }
    }
}
