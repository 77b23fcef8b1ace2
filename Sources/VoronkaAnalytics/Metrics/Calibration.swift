import Foundation

/// Predictions whose probability fell in [lower, upper) (the last bin includes 1).
public struct ReliabilityBin: Sendable, Codable, Equatable {
    public var lower: Double
    public var upper: Double
    public var predictions: Int
    public var meanPredicted: Double?
    /// The share of these predictions whose deal was won.
    public var observedWinShare: Double?
}

/// How well one source of probabilities predicted the outcomes.
public struct CalibrationSide: Sendable, Codable, Equatable {
    /// Mean of (probability − outcome)², outcome 1 for won and 0 for lost; 0 is perfect, 0.25 is a coin's 50 %.
    public var brier: Double?
    public var bins: [ReliabilityBin]
}

/// Calibration of configured and learned stage probabilities. Definition "calibration v1":
///
/// One prediction per stage a closed deal was in: deals passing the filter, won or lost by the as-of date (and in the
/// period, when one is set, by the close), each open stage they entered counted once. The outcome is 1 if the deal
/// was won, else 0. Configured probability = the stage's probability (overrides are not kept over time, so they are
/// not used). Learned probability = the stage's share of won deals among these, leaving the deal itself out
/// (leave-one-out, so that a deal never predicts itself); with no other deal, the configured value. Brier score =
/// mean squared difference; reliability table = ten bins of width 0.1 by predicted probability.
public struct CalibrationReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("calibration")
    public var predictions: Int
    public var deals: Int
    public var configured: CalibrationSide
    public var learned: CalibrationSide
}

extension Metrics {
    /// Brier score and reliability table, configured vs learned ("calibration v1").
    public static func calibration(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date) -> CalibrationReport {
        calibration(Scope(snapshot, filter, asOf: asOf))
    }

    static func calibration(_ scope: Scope) -> CalibrationReport {
        calibration(scope, rates: LearnedRates(scope, closedIn: true))
    }

    /// Every prediction of a stage shares its probability, so the counts per stage are enough: a won deal's
    /// leave-one-out rate is (won − 1) / (closed − 1), a lost one's won / (closed − 1).
    static func calibration(_ scope: Scope, rates: LearnedRates) -> CalibrationReport {
        let s = scope.snapshot
        var configured = CalibrationAccumulator(), learned = CalibrationAccumulator()
        for st in 0..<s.stages.kind.count where s.stages.kind[st] == Kind.open && rates.closed[st] > 0 {
            let c = rates.closed[st], w = rates.won[st]
            let pc = s.stages.probability[st]
            configured.add(pc, outcome: 1, times: w)
            configured.add(pc, outcome: 0, times: c - w)
            learned.add(c > 1 ? Double(w - 1) / Double(c - 1) : pc, outcome: 1, times: w)
            learned.add(c > 1 ? Double(w) / Double(c - 1) : pc, outcome: 0, times: c - w)
        }
        return CalibrationReport(predictions: configured.count, deals: rates.deals, configured: configured.side, learned: learned.side)
    }
}

struct CalibrationAccumulator {
    var count = 0
    var squared = 0.0
    var binCount = [Int](repeating: 0, count: 10)
    var binPredicted = [Double](repeating: 0, count: 10)
    var binWon = [Int](repeating: 0, count: 10)

    /// Adds `times` predictions of probability p with the same outcome (1 won, 0 lost).
    mutating func add(_ p: Double, outcome: Int, times: Int) {
        guard times > 0 else { return }
        count += times
        squared += Double(times) * (p - Double(outcome)) * (p - Double(outcome))
        let b = min(9, max(0, Int(p * 10 + 1e-9)))
        binCount[b] += times
        binPredicted[b] += Double(times) * p
        binWon[b] += outcome * times
    }

    var side: CalibrationSide {
        CalibrationSide(brier: count > 0 ? Round.share(squared / Double(count)) : nil, bins: (0..<10).map { b in
            ReliabilityBin(lower: Double(b) / 10, upper: Double(b + 1) / 10, predictions: binCount[b],
                           meanPredicted: binCount[b] > 0 ? Round.share(binPredicted[b] / Double(binCount[b])) : nil,
                           observedWinShare: Round.ratio(binWon[b], binCount[b]))
        })
    }
}
