import Foundation

/// One record whose times contradict each other: kept as the data says, counted where a duration is measured.
public struct DataQualityIssue: Sendable, Codable, Equatable {
    /// "won_before_received" (a lead's deal won before the lead arrived), "closed_before_created" (a deal closed
    /// before it was created) or "answered_before_received" (a lead answered before it arrived).
    public var kind: String
    public var leadID: Int64?
    public var dealID: Int64?
    /// How far the later time lies before the earlier one, in days (positive).
    public var daysEarly: Double
}

/// Times that contradict each other. Definition "data-quality v1":
///
/// Live leads and deals passing the filter (any period), by the as-of date. A lead's deal won before the lead was
/// received; a deal closed (won or lost) before it was created; a lead whose first response is before it was received.
/// Nothing is changed: the metrics that measure these durations count such a record as taking no time (day 0, hour 0)
/// and this report lists every one, the furthest off first, at most `limit`; the counts are totals.
public struct DataQualityReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("data_quality")
    public var wonBeforeReceived: Int
    public var closedBeforeCreated: Int
    public var answeredBeforeReceived: Int
    public var issues: [DataQualityIssue]

    public var total: Int { wonBeforeReceived + closedBeforeCreated + answeredBeforeReceived }
}

extension Metrics {
    /// Contradicting times ("data-quality v1").
    public static func dataQuality(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date, limit: Int = 100) -> DataQualityReport {
        dataQuality(Scope(snapshot, filter, asOf: asOf), limit: limit)
    }

    static func dataQuality(_ scope: Scope, limit: Int) -> DataQualityReport {
        let s = scope.snapshot
        var report = DataQualityReport(wonBeforeReceived: 0, closedBeforeCreated: 0, answeredBeforeReceived: 0, issues: [])
        var found = TopK<DataQualityIssue>(limit) { a, b in
            (a.daysEarly, -(a.dealID ?? a.leadID ?? 0)) > (b.daysEarly, -(b.dealID ?? b.leadID ?? 0))
        }
        let received = s.leads.receivedAt, firstResponse = s.leads.firstResponseAt
        for l in 0..<received.count where scope.leadOK[l] {
            let won = scope.leadWonAt(l)
            if won.isFinite, won < received[l] {
                report.wonBeforeReceived += 1
                let d = Int(s.leads.deal[l])
                found.offer(DataQualityIssue(kind: "won_before_received", leadID: s.leads.id[l], dealID: d >= 0 ? s.deals.id[d] : nil,
                                             daysEarly: Round.money((received[l] - won) / 86_400)))
            }
            let first = firstResponse[l]
            if first.isFinite, first <= scope.asOf, first < received[l] {
                report.answeredBeforeReceived += 1
                found.offer(DataQualityIssue(kind: "answered_before_received", leadID: s.leads.id[l], dealID: nil,
                                             daysEarly: Round.money((received[l] - first) / 86_400)))
            }
        }
        let created = s.deals.createdAt, closed = s.deals.closedAt
        for d in 0..<created.count where scope.dealOK[d] && closed[d] <= scope.asOf && closed[d] < created[d] {
            report.closedBeforeCreated += 1
            found.offer(DataQualityIssue(kind: "closed_before_created", leadID: nil, dealID: s.deals.id[d],
                                         daysEarly: Round.money((created[d] - closed[d]) / 86_400)))
        }
        report.issues = found.items
        return report
    }
}
