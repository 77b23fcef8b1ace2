import Foundation

/// The rules of putting a deal or a lead in a stage, in one place for every writer: the API and the web (through
/// `RecordRules`), lead triage, the import and the demo generator.
public enum StageEntry {
    /// Refusals of a placement: the stage must be one of the pipeline's, and the pipeline one of `kind`'s.
    public static func placementErrors(stage: Stage, pipeline: Pipeline, for kind: PipelineKind) -> [FieldError] {
        if stage.pipelineID != pipeline.id {
            return [FieldError("stage_id", .stageNotInPipeline(stage: stage.name, stageID: stage.id, pipeline: pipeline.name, pipelineID: pipeline.id))]
        }
        if pipeline.kind != kind {
            return [FieldError("pipeline_id", .pipelineOfOtherKind(pipeline: pipeline.name, id: pipeline.id, kind: pipeline.kind.rawValue, wanted: kind.rawValue))]
        }
        return []
    }

    /// What a deal must carry to enter a stage: the reason it was lost for a lost stage, the date to re-check it for a
    /// postponed one.
    public static func requirements(entering stage: Stage, lostReason: String?, postponedUntil: Day?) -> [FieldError] {
        switch stage.kind {
        case .lost where (lostReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            [FieldError("lost_reason", .lostReasonRequired(stage: stage.name))]
        case .postponed where postponedUntil == nil:
            [FieldError("postponed_until", .postponedUntilRequired)]
        default:
            []
        }
    }

    /// The times a deal entering a stage of `kind` at `at` carries: it entered then; a closing stage keeps the time
    /// it first closed (`closedAt`), or closes it at `closing` (the time an export states) or else `at`; an open or
    /// postponed stage reopens it.
    public static func times(entering kind: StageKind, at: Date, closedAt: Date?, closing: Date? = nil) -> (enteredAt: Date, closedAt: Date?) {
        (at, kind.isClosed ? closedAt ?? closing ?? at : nil)
    }

    /// Sets a deal record's entry and closing times for entering a stage of `kind` at `at`.
    public static func apply(entering kind: StageKind, at: Date, to record: inout Record) {
        let t = times(entering: kind, at: at, closedAt: record.time("closed_at"))
        record["stage_entered_at"] = .time(t.enteredAt)
        record["closed_at"] = t.closedAt.map(FieldValue.time) ?? .null
    }
}

extension JournalAction {
    /// The action a journal entry of these changes records: a stage move when the stage changed, else an update.
    public static func of(_ changes: some Collection<FieldChange>) -> JournalAction {
        changes.contains { $0.field == "stage_id" } ? .stage : .update
    }
}
