import Foundation
import VoronkaCore

/// One channel's (or channel group's) conversion, first response and time to win.
public struct ChannelRow: Sendable, Codable, Equatable {
    /// The channel (nil on a group's row, and for leads without a channel).
    public var channelID: Int64?
    public var group: ChannelGroup?
    /// Leads received in the period by the as-of date.
    public var leads: Int
    /// Of those, leads old enough to have converted (received at least the maturity window before the as-of date).
    public var matureLeads: Int
    /// Mature leads whose deal was won by the as-of date.
    public var won: Int
    /// won / matureLeads, with its 95% Wilson score interval; nil without mature leads.
    public var conversion: Double?
    public var conversionLow: Double?
    public var conversionHigh: Double?
    /// "12.5 to 1" or "no wins of N".
    public var ratio: String
    /// Two-sided p-value of this conversion against that of every other mature lead (z-test, or Fisher's exact test
    /// for small counts); nil for the rows of leads without a channel or when there is nothing to compare.
    public var pValue: Double?
    /// Median hours from arrival to the first response, over the leads answered by the as-of date.
    public var medianResponseHours: Double?
    /// Median days from arrival to the win, over every won lead of the row (any age).
    public var medianDaysToWin: Double?
}

/// Conversion by lead channel. Definition "channels v1":
///
/// Leads passing the filter, received in the period and by the as-of date, each counted under its channel (a channel
/// merged into another counts as that one) and that channel's group. A lead is mature when it arrived at least the
/// maturity window ("conversion v1": given, or learned from the filter's wins) before the as-of date; conversion =
/// mature leads won by the as-of date / mature leads, with its 95% Wilson score interval
/// (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = 1.96. Each channel's conversion is compared with that of the
/// other mature leads (`pValue`). The median first response is over the row's answered leads, the median time to win
/// over its won leads (of any age). Rows are ordered by mature leads, then leads, then channel id.
public struct ChannelReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("channels")
    public var maturityDays: Int
    public var maturityBasis: String
    public var byChannel: [ChannelRow]
    public var byGroup: [ChannelRow]
    public var overall: ChannelRow
}

extension Metrics {
    /// Conversion, first response and time to win by lead channel and channel group ("channels v1").
    public static func channels(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date, maturityDays: Int? = nil) -> ChannelReport {
        channels(Scope(snapshot, filter, asOf: asOf), maturityDays: maturityDays)
    }

    static func channels(_ scope: Scope, maturityDays given: Int?) -> ChannelReport {
        let s = scope.snapshot
        let (window, basis) = maturityWindow(scope, given: given)
        let groupCount = ChannelGroupCode.all.count
        // Rows: 0 for no channel, 1 + slot for a channel; groups after them; the last for every lead.
        let channelRows = s.channels.group.count + 1
        let total = channelRows + groupCount + 1
        var tallies = [Tally](repeating: Tally(), count: total)
        let received = s.leads.receivedAt, firstResponse = s.leads.firstResponseAt, ok = scope.leadOK, wonAt = scope.leadWon
        let matureBy = scope.asOf - Double(window) * 86_400
        for l in 0..<received.count where ok[l] && scope.inPeriod(received[l]) {
            let c = scope.channelOf(lead: l)
            let row = Int(c) + 1
            let group = c >= 0 ? channelRows + Int(s.channels.group[Int(c)]) : -1
            let r = received[l], first = firstResponse[l], won = wonAt[l]
            for target in [row, group, total - 1] where target >= 0 {
                tallies[target].leads += 1
                if r <= matureBy {
                    tallies[target].mature += 1
                    if won.isFinite { tallies[target].won += 1 }
                }
                if first <= scope.asOf { tallies[target].responseHours.append(max(0, first - r) / 3600) }
                if won.isFinite { tallies[target].daysToWin.append(max(0, won - r) / 86_400) }
            }
        }
        let all = tallies[total - 1]
        func row(_ t: Tally, channel: Int64?, group: ChannelGroup?, compare: Bool) -> ChannelRow {
            let (low, high) = wilson(t.won, t.mature)
            let p = compare && t.mature > 0 && all.mature - t.mature > 0
                ? Round.share(Significance.compare(t.won, t.mature, all.won - t.won, all.mature - t.mature).pValue) : nil
            return ChannelRow(channelID: channel, group: group, leads: t.leads, matureLeads: t.mature, won: t.won,
                              conversion: Round.ratio(t.won, t.mature), conversionLow: low, conversionHigh: high,
                              ratio: ratioText(leads: t.mature, won: t.won), pValue: p,
                              medianResponseHours: median(t.responseHours).map(Round.money),
                              medianDaysToWin: median(t.daysToWin).map(Round.money))
        }
        func order(_ a: ChannelRow, _ b: ChannelRow) -> Bool {
            (-a.matureLeads, -a.leads, a.channelID ?? 0) < (-b.matureLeads, -b.leads, b.channelID ?? 0)
        }
        var byChannel: [ChannelRow] = []
        for r in 0..<channelRows where tallies[r].leads > 0 {
            let slot = r - 1
            byChannel.append(row(tallies[r], channel: slot >= 0 ? s.channels.id[slot] : nil,
                                 group: slot >= 0 ? ChannelGroupCode.all[Int(s.channels.group[slot])] : nil, compare: slot >= 0))
        }
        var byGroup: [ChannelRow] = []
        for g in 0..<groupCount where tallies[channelRows + g].leads > 0 {
            byGroup.append(row(tallies[channelRows + g], channel: nil, group: ChannelGroupCode.all[g], compare: true))
        }
        return ChannelReport(maturityDays: window, maturityBasis: basis, byChannel: byChannel.sorted(by: order),
                             byGroup: byGroup.sorted(by: order), overall: row(all, channel: nil, group: nil, compare: false))
    }

    /// The 95% Wilson score interval of x successes in n trials (nil, nil when n is 0).
    static func wilson(_ x: Int, _ n: Int) -> (Double?, Double?) {
        guard n > 0 else { return (nil, nil) }
        let z = 1.959964, nn = Double(n), p = Double(x) / nn
        let denominator = 1 + z * z / nn
        let center = (p + z * z / (2 * nn)) / denominator
        let half = z * (p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot() / denominator
        return (Round.share(max(0, center - half)), Round.share(min(1, center + half)))
    }

    /// The median (the mean of the two middle values for an even count); nil for none.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), m = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2
    }
}

/// What one row counts while the leads are scanned.
private struct Tally {
    var leads = 0, mature = 0, won = 0
    var responseHours: [Double] = [], daysToWin: [Double] = []
}
