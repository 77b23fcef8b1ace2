import Foundation

/// How long deals stay in one stage.
public struct StageTime: Sendable, Codable, Equatable {
    public var stageID: Int64
    public var pipelineID: Int64?
    /// Visits that ended by the as-of date (the ones measured).
    public var closedVisits: Int
    /// Visits still going on at the as-of date (not measured).
    public var openVisits: Int
    public var medianDays: Double?
    public var p80Days: Double?
    public var p95Days: Double?
    /// The stage's configured duration, if any.
    public var expectedDays: Int?
}

/// Time in stage. Definition "time-in-stage v1":
///
/// Stage visits of deals passing the filter, entered in the period and by the as-of date. Only visits that ended by
/// the as-of date are measured (days from entering to leaving); visits still going on are counted in `openVisits`
/// and left out, which understates the time of stages where deals are stuck (the stalled-deals list shows those).
/// Percentiles are nearest-rank. Every stage with a visit is listed, ordered by pipeline and position.
public struct TimeInStageReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("time_in_stage")
    public var stages: [StageTime]
}

extension Metrics {
    /// Median, 80th and 95th percentile of days in each stage ("time-in-stage v1").
    public static func timeInStage(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date) -> TimeInStageReport {
        timeInStage(Scope(snapshot, filter, asOf: asOf)).report
    }

    /// The report, and each stage's unrounded 80th percentile (by stage slot).
    static func timeInStage(_ scope: Scope) -> (report: TimeInStageReport, p80: [Double?]) {
        let s = scope.snapshot
        let ok = scope.dealOK, visitDeal = s.visits.deal, entered = s.visits.enteredAt
        let stats = StageDurations(s, asOf: scope.asOf, ps: [0.5, 0.8, 0.95]) { v in
            ok[Int(visitDeal[v])] && scope.inPeriod(entered[v])
        }
        var rows: [StageTime] = []
        for st in 0..<s.stages.kind.count where stats.closed[st] + stats.open[st] > 0 {
            let p = stats.percentiles[st]
            let pipeline = s.stages.pipeline[st]
            let expected = s.stages.expectedDays[st]
            rows.append(StageTime(stageID: s.stages.id[st], pipelineID: pipeline >= 0 ? s.pipelines.ids[Int(pipeline)] : nil,
                                  closedVisits: stats.closed[st], openVisits: stats.open[st],
                                  medianDays: p.map { Round.money($0[0]) }, p80Days: p.map { Round.money($0[1]) },
                                  p95Days: p.map { Round.money($0[2]) }, expectedDays: expected >= 0 ? Int(expected) : nil))
        }
        rows.sort { a, b in
            let pa = s.stages.index[a.stageID].map { s.stages.position[Int($0)] } ?? 0
            let pb = s.stages.index[b.stageID].map { s.stages.position[Int($0)] } ?? 0
            return (a.pipelineID ?? 0, pa, a.stageID) < (b.pipelineID ?? 0, pb, b.stageID)
        }
        return (TimeInStageReport(stages: rows), stats.percentiles.map { $0?[1] })
    }
}

/// Per-stage percentiles of the days of visits that ended by the as-of date, for the visits `include` accepts.
struct StageDurations {
    var closed: [Int]
    var open: [Int]
    /// Nearest-rank percentiles in days, by stage slot; nil for a stage without ended visits.
    var percentiles: [[Double]?]

    init(_ s: Snapshot, asOf: Double, ps: [Double], stages wanted: [Bool]? = nil, include: (Int) -> Bool) {
        let stageCount = s.stages.kind.count
        let closed = Scratch(repeating: 0, count: stageCount), open = Scratch(repeating: 0, count: stageCount)
        // Hour-wide buckets over 400 days.
        var days = GroupedPercentiles(groups: stageCount, scale: 24, buckets: 24 * 400, ps: ps)
        let stage = s.visits.stage, entered = s.visits.enteredAt, left = s.visits.leftAt
        let wanted = wanted ?? [Bool](repeating: true, count: stageCount)
        for v in 0..<stage.count where entered[v] <= asOf {
            let st = Int(stage[v])
            guard wanted[st], include(v) else { continue }
            if left[v] <= asOf {
                closed[st] += 1
                days.count(st, (left[v] - entered[v]) * (1 / 86_400.0))
            } else {
                open[st] += 1
            }
        }
        days.plan()
        for v in 0..<stage.count where left[v] <= asOf {
            let st = Int(stage[v])
            guard wanted[st], include(v) else { continue }
            days.offer(st, (left[v] - entered[v]) * (1 / 86_400.0))
        }
        self.closed = closed.array
        self.open = open.array
        percentiles = days.result()
    }
}
