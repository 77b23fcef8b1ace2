import VoronkaCore

/// How the writer of an import compares names: the same folding the parser uses (case, spaces, ё), and what a stage
/// name means when no rule says so.
public enum ImportNames {
    /// The name folded for comparison.
    public static func fold(_ text: String) -> String { Folding.fold(text) }

    /// Won or lost when the name means so (in Voronka's default pipelines, or in every CRM: "Closed Won", "Проиграна").
    public static func closedKind(stage: String, pipeline: String?, pipelineKind: PipelineKind) -> StageKind? {
        StageMeaning.kind(stage: stage, pipeline: pipeline, pipelineKind: pipelineKind)
    }

    /// The source system of an export, from its presets: "maven-pipeline" and "maven-accounts" → "maven".
    public static func system(presetIDs: [String?]) -> String {
        let systems = Set(presetIDs.compactMap { $0?.split(separator: "-").first.map(String.init) })
        guard systems.count == 1, let only = systems.first else { return "import" }
        return only
    }
}
