import Foundation

/// First-response times of one owner's leads (or of all).
public struct ResponseRow: Sendable, Codable, Equatable {
    public var ownerID: Int64?
    /// In `byChannel`: the lead's channel (a merged channel counts as the one it was merged into); nil for none.
    public var channelID: Int64? = nil
    public var leads: Int
    /// Leads answered by the as-of date.
    public var answered: Int
    public var medianHours: Double?
    public var p90Hours: Double?
    /// Answered later than the target.
    public var lateAnswers: Int
    /// Not answered, and older than the target at the as-of date.
    public var unansweredOverdue: Int
    /// lateAnswers + unansweredOverdue.
    public var breaches: Int
}

/// First-response time. Definition "response-times v1":
///
/// Leads passing the filter, received in the period and by the as-of date. Response time = hours from arrival to the
/// first response, for leads answered by the as-of date; the median and 90th percentile (nearest rank) are over the
/// answered leads only. A breach is an answer later than `targetHours`, or no answer yet while the lead is older than
/// `targetHours`. Per owner of the lead (leads without an owner under `ownerID: nil`), per lead channel, and overall.
public struct ResponseReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("response_times")
    public var targetHours: Double
    public var overall: ResponseRow
    public var byOwner: [ResponseRow]
    /// Per lead channel, most leads first.
    public var byChannel: [ResponseRow] = []
}

extension Metrics {
    /// First-response time per owner and breaches of the target ("response-times v1").
    public static func responseTimes(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date,
                                     targetHours: Double = 4) -> ResponseReport {
        responseTimes(Scope(snapshot, filter, asOf: asOf), targetHours: targetHours)
    }

    static func responseTimes(_ scope: Scope, targetHours: Double) -> ResponseReport {
        let s = scope.snapshot
        let groups = s.users.id.count + 1
        let leads = Scratch(repeating: 0, count: groups), answered = Scratch(repeating: 0, count: groups)
        let late = Scratch(repeating: 0, count: groups), overdue = Scratch(repeating: 0, count: groups)
        let target = targetHours * 3600
        let ok = scope.leadOK, receivedAt = s.leads.receivedAt, firstResponse = s.leads.firstResponseAt, owner = s.leads.owner
        // Ten-minute buckets over 14 days: still exact (the values of the buckets holding the ranks are kept), and the
        // counts of a few hundred owners stay in cache (minute-wide ones took 18 MB at 227 owners and most of the time).
        var hours = GroupedPercentiles(groups: groups, scale: 6, buckets: 6 * 24 * 14, ps: [0.5, 0.9], combined: true)
        for l in 0..<receivedAt.count where ok[l] {
            let received = receivedAt[l]
            guard scope.inPeriod(received) else { continue }
            let g = Int(owner[l]) + 1
            leads[g] += 1
            let first = firstResponse[l]
            if first <= scope.asOf {
                answered[g] += 1
                if first - received > target { late[g] += 1 }
                hours.count(g, max(0, first - received) * (1 / 3600.0))
            } else if scope.asOf - received > target {
                overdue[g] += 1
            }
        }
        hours.plan()
        for l in 0..<receivedAt.count where ok[l] && firstResponse[l] <= scope.asOf && scope.inPeriod(receivedAt[l]) {
            hours.offer(Int(owner[l]) + 1, max(0, firstResponse[l] - receivedAt[l]) * (1 / 3600.0))
        }
        let percentiles = hours.result()
        var rows: [ResponseRow] = []
        for g in 0..<groups where leads[g] > 0 {
            let p = percentiles[g]
            rows.append(ResponseRow(ownerID: g > 0 ? s.users.id[g - 1] : nil, leads: leads[g], answered: answered[g],
                                    medianHours: p.map { Round.money($0[0]) }, p90Hours: p.map { Round.money($0[1]) },
                                    lateAnswers: late[g], unansweredOverdue: overdue[g], breaches: late[g] + overdue[g]))
        }
        rows.sort { ($0.ownerID ?? 0) < ($1.ownerID ?? 0) }
        let p = percentiles[groups]
        let sum = { (xs: Scratch<Int>) in xs.array.reduce(0, +) }
        let overall = ResponseRow(ownerID: nil, leads: sum(leads), answered: sum(answered), medianHours: p.map { Round.money($0[0]) },
                                  p90Hours: p.map { Round.money($0[1]) }, lateAnswers: sum(late), unansweredOverdue: sum(overdue),
                                  breaches: sum(late) + sum(overdue))
        return ResponseReport(targetHours: targetHours, overall: overall, byOwner: rows,
                              byChannel: responseByChannel(scope, targetHours: targetHours))
    }

    /// The same figures per lead channel (channel slot + 1; 0 for none). The answered hours are kept per channel
    /// and the percentiles read from them: imports may make hundreds of channels, too many for a histogram each.
    static func responseByChannel(_ scope: Scope, targetHours: Double) -> [ResponseRow] {
        let s = scope.snapshot
        let groups = s.channels.group.count + 1
        let leads = Scratch(repeating: 0, count: groups), answered = Scratch(repeating: 0, count: groups)
        let late = Scratch(repeating: 0, count: groups), overdue = Scratch(repeating: 0, count: groups)
        let target = targetHours * 3600
        let ok = scope.leadOK, receivedAt = s.leads.receivedAt, firstResponse = s.leads.firstResponseAt
        var hours = [[Double]](repeating: [], count: groups)
        for l in 0..<receivedAt.count where ok[l] && scope.inPeriod(receivedAt[l]) {
            let g = Int(scope.channelOf(lead: l)) + 1, received = receivedAt[l], first = firstResponse[l]
            leads[g] += 1
            if first <= scope.asOf {
                answered[g] += 1
                if first - received > target { late[g] += 1 }
                hours[g].append(max(0, first - received) * (1 / 3600.0))
            } else if scope.asOf - received > target {
                overdue[g] += 1
            }
        }
        var rows: [ResponseRow] = []
        for g in 0..<groups where leads[g] > 0 {
            let p = Percentile.nearestRank(&hours[g], [0.5, 0.9])
            var row = ResponseRow(ownerID: nil, leads: leads[g], answered: answered[g], medianHours: p.map { Round.money($0[0]) },
                                  p90Hours: p.map { Round.money($0[1]) }, lateAnswers: late[g], unansweredOverdue: overdue[g],
                                  breaches: late[g] + overdue[g])
            row.channelID = g > 0 ? s.channels.id[g - 1] : nil
            rows.append(row)
        }
        return rows.sorted { (-$0.leads, $0.channelID ?? 0) < (-$1.leads, $1.channelID ?? 0) }
    }
}
