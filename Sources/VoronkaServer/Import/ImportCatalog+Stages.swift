import Foundation
import VoronkaCore
import VoronkaImport
import VoronkaStore

extension ImportCatalog {
    /// One stage name a row uses, with what tells where it belongs among new stages.
    private struct StageUse {
        var name: String
        var time: Double?
        var file: String
    }

    /// Resolves every pipeline and stage the rows name; creates the missing ones (pipelines with Won and Lost stages;
    /// stages by the file's policy: created, mapped to another stage, or rejected).
    func preparePipelines(_ plan: ImportPlan, _ eventRanges: [String: Range<Int>], _ options: ImportOptions, _ tx: StoreTransaction) async throws {
        pipelines = try await tx.records(.pipeline, fields: Pipeline.fields.map(\.name)).map(Pipeline.init(record:))
        stages = try await tx.records(.stage, fields: Stage.fields.map(\.name)).map(Stage.init(record:))
        for p in pipelines {
            pipelineByName[ImportNames.fold(p.name)] = p.id
            if let ru = p.nameRu { pipelineByName[ImportNames.fold(ru)] = p.id }
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
            let folded = ImportNames.fold(name)
            foldedNames[name] = folded
            return folded
        }
        var uses: [Int64: [StageUse]] = [:]
        var outcomes: [Int64: [String: (won: Int, lost: Int)]] = [:]
        for deal in plan.deals {
            let p = pipeline(named: deal.pipelineName)
            var names = [deal.stageName]
            uses[p, default: []].append(StageUse(name: deal.stageName, time: (deal.closedAt ?? deal.createdAt)?.timeIntervalSince1970, file: deal.location.file))
            for event in eventRanges[deal.sourceID].map({ plan.stageEvents[$0] }) ?? [] {
                uses[p, default: []].append(StageUse(name: event.stageName, time: event.enteredAt.timeIntervalSince1970, file: event.location.file))
                names.append(event.stageName)
            }
            if deal.outcome != .open {
                for name in Set(names.map(fold)) {
                    var count = outcomes[p, default: [:]][name] ?? (0, 0)
                    if deal.outcome == .won { count.won += 1 } else { count.lost += 1 }
                    outcomes[p, default: [:]][name] = count
                }
            }
        }
        for lead in plan.leads where leadPipeline != 0 {
            if let name = lead.stageName { uses[leadPipeline, default: []].append(StageUse(name: name, time: lead.receivedAt.timeIntervalSince1970, file: lead.location.file)) }
        }
        let mappings = Dictionary(plan.files.compactMap { f in f.mapping.map { (f.name, $0) } }, uniquingKeysWith: { a, _ in a })
        let order = plan.files.compactMap(\.mapping).flatMap(\.stageOrder).map(ImportNames.fold)
        for (p, list) in uses.sorted(by: { $0.key < $1.key }) {
            var missing: [String: (first: Int, time: Double, name: String)] = [:]
            var keys: [String: String] = [:]
            for (i, use) in list.enumerated() {
                let key = keys[use.name] ?? "\(p)|\(fold(use.name))"
                keys[use.name] = key
                guard stageByName[key] == nil else { continue }
                // A stage the user put into an existing one, by name.
                if let target = mappings[use.file]?.stageTargets.first(where: { ImportNames.fold($0.key) == ImportNames.fold(use.name) })?.value,
                   let existing = stageByName["\(p)|\(ImportNames.fold(target))"], existing != nil {
                    stageByName[key] = existing
                    continue
                }
                switch mappings[use.file]?.unknownStages ?? .create {
                case .create:
                    let t = use.time ?? .infinity
                    if let m = missing[key] { missing[key] = (m.first, min(m.time, t), m.name) } else { missing[key] = (i, t, use.name) }
                case .mapTo(let target):
                    if stageByName["\(p)|\(ImportNames.fold(target))"] == nil {
                        try await createStage(p, target, probability: 0, tx)
                    }
                    stageByName[key] = stageByName["\(p)|\(ImportNames.fold(target))"]!
                case .reject:
                    stageByName[key] = .some(nil)
                    problems.append("\(use.file): stage \"\(use.name)\" is not in pipeline \(pipelineName(p)); its rows are left out (unknown_stages: reject)")
                }
            }
            let sorted = missing.values.sorted { a, b in
                let ia = order.firstIndex(of: ImportNames.fold(a.name)) ?? Int.max, ib = order.firstIndex(of: ImportNames.fold(b.name)) ?? Int.max
                return (ia, a.time, a.first) < (ib, b.time, b.first)
            }
            for m in sorted {
                let count = outcomes[p]?[ImportNames.fold(m.name)] ?? (0, 0)
                let closed = count.won + count.lost
                let learned = closed == 0 ? 0 : Int64((Double(count.won) * 100 / Double(closed)).rounded())
                try await createStage(p, m.name, probability: learned, tx)
            }
        }
    }

    func pipelineName(_ id: Int64) -> String { pipelines.first { $0.id == id }?.name ?? "#\(id)" }

    private func indexStage(_ s: Stage) {
        stageByName["\(s.pipelineID)|\(ImportNames.fold(s.name))"] = s.id
        if let ru = s.nameRu { stageByName["\(s.pipelineID)|\(ImportNames.fold(ru))"] = stageByName["\(s.pipelineID)|\(ImportNames.fold(ru))"] ?? s.id }
    }

    /// A deal pipeline by name, created with Won and Lost stages when missing.
    private func pipelineID(_ name: String, _ tx: StoreTransaction) async throws -> Int64 {
        if let id = pipelineByName[ImportNames.fold(name)] { return id }
        let position = (pipelines.map(\.position).max() ?? -1) + 1
        let record = try await tx.insert(.pipeline, Pipeline(name: name, kind: .deal, position: position).record, at: tx.now)
        let pipeline = Pipeline(record: record)
        pipelines.append(pipeline)
        pipelineByName[ImportNames.fold(name)] = pipeline.id
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
        let kind = ImportNames.closedKind(stage: name, pipeline: nil, pipelineKind: .deal) ?? .open
        let inPipeline = stages.filter { $0.pipelineID == pipeline }
        let position: Int64
        if kind == .open {
            position = (inPipeline.filter { $0.kind == .open }.map(\.position).max() ?? -1) + 1
            for later in inPipeline where later.position >= position {
                var moved = later
                moved.position += 1
                try await tx.update(.stage, from: later.record, to: moved.record, action: .import)
                stages[stages.firstIndex { $0.id == later.id }!] = moved
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
