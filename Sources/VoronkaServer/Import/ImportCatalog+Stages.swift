import Foundation
import VoronkaCore
import VoronkaImport
import VoronkaStore

extension ImportCatalog {
    /// A stage name as rows of one file use it in one pipeline: where it is first used (to keep that order among new
    /// stages) and its earliest time.
    private struct StageUse {
        var first: Int
        var time: Double
        var name: String
        var file: String
    }

    /// Every stage name the rows use, per pipeline and file, gathered in one pass: millions of rows name a handful.
    private struct StageUses {
        private var uses: [Int64: [String: [String: StageUse]]] = [:]
        private var count = 0

        mutating func note(_ pipeline: Int64, _ name: String, _ time: Date?, _ file: String) {
            let t = time?.timeIntervalSince1970 ?? .infinity
            count += 1
            if var use = uses[pipeline]?[name]?[file] {
                guard t < use.time else { return }
                use.time = t
                uses[pipeline]?[name]?[file] = use
            } else {
                uses[pipeline, default: [:]][name, default: [:]][file] = StageUse(first: count, time: t, name: name, file: file)
            }
        }

        /// Pipelines by id, each with its uses in the order rows first made them.
        var byPipeline: [(pipeline: Int64, uses: [StageUse])] {
            uses.sorted { $0.key < $1.key }.map { ($0.key, $0.value.values.flatMap(\.values).sorted { $0.first < $1.first }) }
        }
    }

    /// Resolves every pipeline and stage the rows name; creates the missing ones (pipelines with Won and Lost stages;
    /// stages by the file's policy: created, mapped to another stage, or rejected).
    func preparePipelines(_ plan: ImportPlan, _ eventRanges: [String: Range<Int>], _ options: ImportOptions, _ tx: StoreTransaction) async throws {
        pipelines = try await tx.records(.pipeline, fields: Pipeline.fields.map(\.name)).map(Pipeline.init(record:))
        stages = try await tx.records(.stage, fields: Stage.fields.map(\.name)).map(Stage.init(record:))
        for p in pipelines {
            pipelineByName[Folding.fold(p.name)] = p.id
            if let ru = p.nameRu { pipelineByName[Folding.fold(ru)] = p.id }
        }
        for s in stages { indexStage(s) }
        let deals = pipelines.filter { $0.kind == .deal && $0.active }.sorted { $0.position < $1.position }
        leadPipeline = pipelines.filter { $0.kind == .lead }.min { $0.position < $1.position }?.id ?? 0
        if let name = options.pipeline {
            dealPipeline = try await pipelineID(name, tx)
        } else {
            guard let first = deals.first else { throw DomainError.invalid("pipeline", "the database has no deal pipeline to import into") }
            dealPipeline = first.id
        }
        for deal in plan.deals { if let name = deal.pipelineName { _ = try await pipelineID(name, tx) } }

        // Millions of rows name a handful of stages: fold each name once.
        var foldedNames: [String: String] = [:]
        func fold(_ name: String) -> String {
            if let folded = foldedNames[name] { return folded }
            let folded = Folding.fold(name)
            foldedNames[name] = folded
            return folded
        }
        var uses = StageUses()
        var outcomes: [Int64: [String: (won: Int, lost: Int)]] = [:]
        var visited: [String] = []
        for deal in plan.deals {
            let p = pipeline(named: deal.pipelineName)
            if !deal.stageFromOutcome { uses.note(p, deal.stageName, deal.closedAt ?? deal.createdAt, deal.location.file) }
            let events = eventRanges[deal.sourceID] ?? 0..<0
            for i in events {
                let event = plan.stageEvents[i]
                uses.note(p, event.stageName, event.enteredAt, event.location.file)
            }
            guard deal.outcome != .open else { continue }
            // Each stage the deal went through counts once toward that stage's share of wins.
            visited.removeAll(keepingCapacity: true)
            if !deal.stageFromOutcome { visited.append(fold(deal.stageName)) }
            for i in events {
                let folded = fold(plan.stageEvents[i].stageName)
                if !visited.contains(folded) { visited.append(folded) }
            }
            for name in visited {
                var count = outcomes[p, default: [:]][name] ?? (0, 0)
                if deal.outcome == .won { count.won += 1 } else { count.lost += 1 }
                outcomes[p, default: [:]][name] = count
            }
        }
        for lead in plan.leads where leadPipeline != 0 {
            if let name = lead.stageName { uses.note(leadPipeline, name, lead.receivedAt, lead.location.file) }
        }
        let mappings = Dictionary(plan.files.compactMap { f in f.mapping.map { (f.name, $0) } }, uniquingKeysWith: { a, _ in a })
        let order = plan.files.compactMap(\.mapping).flatMap(\.stageOrder).map(Folding.fold)
        for (p, list) in uses.byPipeline {
            var missing: [String: (first: Int, time: Double, name: String)] = [:]
            for use in list {
                let key = "\(p)|\(fold(use.name))"
                guard stageByName[key] == nil else { continue }
                // A stage the user put into an existing one, by name.
                if let target = mappings[use.file]?.stageTargets.first(where: { Folding.fold($0.key) == Folding.fold(use.name) })?.value,
                   let existing = stageByName["\(p)|\(Folding.fold(target))"], existing != nil {
                    stageByName[key] = existing
                    continue
                }
                switch mappings[use.file]?.unknownStages ?? .create {
                case .create:
                    if let m = missing[key] { missing[key] = (m.first, min(m.time, use.time), m.name) } else { missing[key] = (use.first, use.time, use.name) }
                case .mapTo(let target):
                    if stageByName["\(p)|\(Folding.fold(target))"] == nil {
                        try await createStage(p, target, probability: 0, tx)
                    }
                    guard let mapped = stageByName["\(p)|\(Folding.fold(target))"] else {
                        throw DomainError.invalid("pipeline", "stage \"\(target)\" cannot be created in pipeline \(pipelineName(p))")
                    }
                    stageByName[key] = mapped
                case .reject:
                    stageByName[key] = .some(nil)
                    problems.append(ImportMessage("{0}: stage “{1}” is not in pipeline {2}; its rows are left out (unknown_stages: reject)", .text(use.file), .text(use.name), .text(pipelineName(p))))
                }
            }
            let sorted = missing.values.sorted { a, b in
                let ia = order.firstIndex(of: Folding.fold(a.name)) ?? Int.max, ib = order.firstIndex(of: Folding.fold(b.name)) ?? Int.max
                return (ia, a.time, a.first) < (ib, b.time, b.first)
            }
            for m in sorted {
                let count = outcomes[p]?[Folding.fold(m.name)] ?? (0, 0)
                let closed = count.won + count.lost
                let learned = closed == 0 ? 0 : Int64((Double(count.won) * 100 / Double(closed)).rounded())
                try await createStage(p, m.name, probability: learned, tx)
            }
        }
    }


    private func indexStage(_ s: Stage) {
        stageByName["\(s.pipelineID)|\(Folding.fold(s.name))"] = s.id
        if let ru = s.nameRu { stageByName["\(s.pipelineID)|\(Folding.fold(ru))"] = stageByName["\(s.pipelineID)|\(Folding.fold(ru))"] ?? s.id }
    }

    /// A deal pipeline by name, created with Won and Lost stages when missing.
    private func pipelineID(_ name: String, _ tx: StoreTransaction) async throws -> Int64 {
        if let id = pipelineByName[Folding.fold(name)] { return id }
        let position = (pipelines.map(\.position).max() ?? -1) + 1
        let record = try await tx.insert(.pipeline, Pipeline(name: name, kind: .deal, position: position).record, at: tx.now)
        let pipeline = Pipeline(record: record)
        pipelines.append(pipeline)
        pipelineByName[Folding.fold(name)] = pipeline.id
        for (i, (en, ru, kind, probability)) in [("Won", "Выиграна", StageKind.won, Int64(100)), ("Lost", "Проиграна", .lost, 0)].enumerated() {
            let stage = Stage(record: try await tx.insert(.stage, Stage(pipelineID: pipeline.id, name: en, nameRu: ru, kind: kind,
                                                                      position: Int64(i), probability: probability).record, at: tx.now))
            stages.append(stage)
            indexStage(stage)
        }
        return pipeline.id
    }

    /// Creates a stage: a won or lost one (by its name) at the end, an open one after the pipeline's last open stage.
    private func createStage(_ pipeline: Int64, _ name: String, probability: Int64, _ tx: StoreTransaction) async throws {
        let kind = StageMeaning.kind(stage: name, pipeline: nil, pipelineKind: .deal) ?? .open
        let inPipeline = stages.filter { $0.pipelineID == pipeline }
        let position: Int64
        if kind == .open {
            position = (inPipeline.filter { $0.kind == .open }.map(\.position).max() ?? -1) + 1
            for later in inPipeline where later.position >= position {
                var moved = later
                moved.position += 1
                try await tx.update(.stage, from: later.record, to: moved.record, action: .import)
                if let i = stages.firstIndex(where: { $0.id == later.id }) { stages[i] = moved }
            }
        } else {
            position = (inPipeline.map(\.position).max() ?? -1) + 1
        }
        let stage = Stage(record: try await tx.insert(.stage, Stage(pipelineID: pipeline, name: name, kind: kind, position: position,
                                                                  probability: kind == .won ? 100 : probability).record, at: tx.now))
        stages.append(stage)
        indexStage(stage)
    }
}
