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
    public var definition = Metrics.definitions["time_in_stage"]!
    public var stages: [StageTime]
}

extension Metrics {
    /// Median, 80th and 95th percentile of days in each stage ("time-in-stage v1").
    public static func timeInStage(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date) -> TimeInStageReport {
        timeInStage(Scope(snapshot, filter, asOf: asOf))
    }

    static func timeInStage(_ scope: Scope) -> TimeInStageReport {
        let s = scope.snapshot
        let stats = StageDurations(s, asOf: scope.asOf, ps: [0.5, 0.8, 0.95]) { v in
            scope.dealOK[Int(s.visits.deal[v])] && scope.inPeriod(s.visits.enteredAt[v])
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
            let sa = Int(s.stages.index[a.stageID]!), sb = Int(s.stages.index[b.stageID]!)
            return (a.pipelineID ?? 0, s.stages.position[sa], a.stageID) < (b.pipelineID ?? 0, s.stages.position[sb], b.stageID)
        }
        return TimeInStageReport(stages: rows)
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
        var closed = [Int](repeating: 0, count: stageCount)
        var open = closed
        // Hour-wide buckets over 400 days.
        var days = GroupedPercentiles(groups: stageCount, scale: 24, buckets: 24 * 400, capacity: s.visits.deal.count)
        let stage = s.visits.stage, entered = s.visits.enteredAt, left = s.visits.leftAt
        for v in 0..<stage.count {
            let st = Int(stage[v])
            guard entered[v] <= asOf, wanted?[st] ?? true, include(v) else { continue }
            if left[v] <= asOf {
                closed[st] += 1
                days.add(st, (left[v] - entered[v]) / 86_400)
            } else {
                open[st] += 1
            }
        }
        self.closed = closed
        self.open = open
        percentiles = days.percentiles(ps)
    }
}
