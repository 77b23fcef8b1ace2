import Foundation

/// One step of a pipeline's funnel: an open stage, or the final "won" step.
public struct StageStep: Sendable, Codable, Equatable {
    /// The stage; nil for the won step (any won stage).
    public var stageID: Int64?
    /// 0, 1, … in stage order (position, then id); the won step comes last.
    public var step: Int
    /// Deals that reached this step or a later one.
    public var reached: Int
    /// Deals that reached the next step or a later one.
    public var advanced: Int
    /// Deals lost with this as their furthest step.
    public var lostHere: Int
    /// Deals with this as their furthest step that are neither lost nor further: still open here, or postponed.
    public var stillHere: Int
    /// advanced / reached.
    public var conversion: Double?
    /// advanced / (advanced + lostHere): conversion among the deals whose fate at this step is decided.
    public var decidedConversion: Double?
    /// 1 − conversion.
    public var dropOff: Double?
}

/// The funnel of one pipeline.
public struct PipelineFunnel: Sendable, Codable, Equatable {
    public var pipelineID: Int64
    public var deals: Int
    public var steps: [StageStep]
}

/// Stage-to-stage conversion and drop-off. Definition "stage-conversion v1":
///
/// Deals passing the filter, created in the period and by the as-of date. A pipeline's steps are its open stages in
/// order (position, then id) followed by one "won" step for all its won stages; lost and postponed stages are not
/// steps. A deal's furthest step is the highest step among the stages it entered by the as-of date; it reached every
/// step up to its furthest (a skipped stage counts as passed). Conversion of a step = deals that reached the next
/// step / deals that reached this one; drop-off = 1 − conversion. Lost deals are counted at their furthest step.
public struct StageConversionReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("stage_conversion")
    public var pipelines: [PipelineFunnel]
}

extension Metrics {
    /// Stage-to-stage conversion and drop-off per pipeline ("stage-conversion v1").
    public static func stageConversion(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date) -> StageConversionReport {
        stageConversion(Scope(snapshot, filter, asOf: asOf))
    }

    static func stageConversion(_ scope: Scope) -> StageConversionReport {
        let s = scope.snapshot
        let steps = StageSteps(s)
        let dealCount = s.deals.createdAt.count
        let furthest = Scratch<Int16>(repeating: -1, count: dealCount)
        let ok = scope.dealOK, created = s.deals.createdAt, step = steps.step
        let visitDeal = s.visits.deal, entered = s.visits.enteredAt, visitStage = s.visits.stage
        for v in 0..<visitDeal.count {
            let d = Int(visitDeal[v])
            guard ok[d], entered[v] <= scope.asOf else { continue }
            let r = step[Int(visitStage[v])]
            if r > furthest[d] { furthest[d] = r }
        }
        // Per pipeline, deals by furthest step (steps 0...k at offset[p] + r) and the lost ones among them.
        let pipelineCount = s.pipelines.ids.count
        var offset = [Int](repeating: 0, count: pipelineCount + 1)
        for p in 0..<pipelineCount { offset[p + 1] = offset[p] + steps.count[p] + 1 }
        var deals = [Int](repeating: 0, count: pipelineCount)
        let ending = Scratch(repeating: 0, count: offset[pipelineCount]), lost = Scratch(repeating: 0, count: offset[pipelineCount])
        let pipeline = s.deals.pipeline, state = scope.dealState
        for d in 0..<dealCount where ok[d] && scope.inPeriod(created[d]) {
            let p = Int(pipeline[d])
            guard p >= 0 else { continue }
            deals[p] += 1
            let r = Int(furthest[d])
            guard r >= 0, r <= steps.count[p] else { continue }
            ending[offset[p] + r] += 1
            if state[d] == 0 { lost[offset[p] + r] += 1 }
        }
        var report = StageConversionReport(pipelines: [])
        for p in 0..<pipelineCount where deals[p] > 0 {
            let k = steps.count[p]
            var reached = [Int](repeating: 0, count: k + 2)
            for r in stride(from: k, through: 0, by: -1) { reached[r] = reached[r + 1] + ending[offset[p] + r] }
            var funnel = PipelineFunnel(pipelineID: s.pipelines.ids[p], deals: deals[p], steps: [])
            for r in 0...k {
                let isWon = r == k
                let advanced = isWon ? 0 : reached[r + 1]
                let lostHere = lost[offset[p] + r]
                let decided = advanced + lostHere
                let conversion = isWon ? nil : Round.ratio(advanced, reached[r])
                funnel.steps.append(StageStep(
                    stageID: isWon ? nil : s.stages.id[steps.stages[p][r]], step: r, reached: reached[r], advanced: advanced,
                    lostHere: lostHere, stillHere: isWon ? 0 : reached[r] - advanced - lostHere, conversion: conversion,
                    decidedConversion: isWon ? nil : Round.ratio(advanced, decided), dropOff: conversion.map { Round.share(1 - $0) }))
            }
            report.pipelines.append(funnel)
        }
        report.pipelines.sort { $0.pipelineID < $1.pipelineID }
        return report
    }
}

/// Each pipeline's steps: its open stages in order, then won. `step[stage]` is -1 for lost and postponed stages.
struct StageSteps {
    var step: [Int16]
    /// Stage slots of each pipeline's open steps.
    var stages: [[Int]]
    /// Open steps per pipeline (the won step is `count[p]`).
    var count: [Int]

    init(_ s: Snapshot) {
        let pipelines = s.pipelines.ids.count
        stages = [[Int]](repeating: [], count: pipelines)
        for st in 0..<s.stages.kind.count where !s.stages.deleted[st] && s.stages.kind[st] == Kind.open && s.stages.pipeline[st] >= 0 {
            stages[Int(s.stages.pipeline[st])].append(st)
        }
        for p in 0..<pipelines {
            stages[p].sort { (s.stages.position[$0], s.stages.id[$0]) < (s.stages.position[$1], s.stages.id[$1]) }
        }
        count = stages.map(\.count)
        step = [Int16](repeating: -1, count: s.stages.kind.count)
        for p in 0..<pipelines { for (r, st) in stages[p].enumerated() { step[st] = Int16(r) } }
        for st in 0..<s.stages.kind.count where s.stages.kind[st] == Kind.won && s.stages.pipeline[st] >= 0 {
            step[st] = Int16(count[Int(s.stages.pipeline[st])])
        }
    }
}
