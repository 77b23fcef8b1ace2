import VoronkaCore

/// Whether a stage name means won or lost without a rule saying so: by Voronka's default pipelines when the row's
/// pipeline is one of them, else only by names that mean the same in every CRM ("Won", "Closed Lost", "Проиграна").
public enum StageMeaning {
    private static let universal: [String: StageKind] = {
        var kinds: [String: StageKind] = [:]
        for name in ["won", "closed won", "выиграна", "выиграно", "успешно реализовано", "сделка успешна"] { kinds[name] = .won }
        for name in ["lost", "closed lost", "проиграна", "проиграно", "закрыто и не реализовано", "сделка провалена"] { kinds[name] = .lost }
        return kinds
    }()

    /// Pipeline name (English or Russian, folded) → stage name (both languages, folded) → kind.
    private static let templates: [String: (PipelineKind, [String: StageKind])] = {
        var out: [String: (PipelineKind, [String: StageKind])] = [:]
        for template in DefaultPipelines.all {
            var stages: [String: StageKind] = [:]
            for stage in template.stages {
                stages[Folding.fold(stage.name)] = stage.kind
                if let ru = stage.nameRu { stages[Folding.fold(ru)] = stage.kind }
            }
            out[Folding.fold(template.pipeline.name)] = (template.pipeline.kind, stages)
            if let ru = template.pipeline.nameRu { out[Folding.fold(ru)] = (template.pipeline.kind, stages) }
        }
        return out
    }()

    public static func kind(stage: String, pipeline: String?, pipelineKind: PipelineKind) -> StageKind? {
        let name = Folding.fold(stage)
        if let pipeline, let (kind, stages) = templates[Folding.fold(pipeline)], kind == pipelineKind {
            return stages[name]
        }
        return universal[name]
    }
}
