import Foundation

/// One entry cohort's lead → won conversion.
public struct CohortRow: Sendable, Codable, Equatable {
    /// "2025-03", "2025-Q1" or "2025".
    public var cohort: String
    /// First day of the cohort, and the first day after it.
    public var start: String
    public var end: String
    public var leads: Int
    /// Leads whose deal was won by the as-of date.
    public var won: Int
    /// Leads whose deal was won within the maturity window of their arrival.
    public var wonWithinWindow: Int
    /// False when the cohort is younger than the maturity window: it is left out of the rates.
    public var mature: Bool
    /// won / leads; nil when left out or empty.
    public var conversion: Double?
    public var conversionWithinWindow: Double?
    /// leads / won: the "N" of "N to 1"; nil when left out or without wins.
    public var leadsPerWin: Double?
    /// "12.5 to 1", "no wins of 40", or "left out: younger than 90 days".
    public var ratio: String
}

/// Lead → won conversion by entry cohort. Definition "conversion v1":
///
/// Leads are those passing the filter, received in the period and by the as-of date, grouped by the UTC month,
/// quarter or year of arrival. A lead is won when its deal is in a won stage and was closed by the as-of date.
/// Conversion = won / leads, also given as "N to 1" with N = leads / won. A cohort is mature when its last day ended at
/// least the maturity window before the as-of date; younger cohorts are listed with `mature: false` and no rates.
/// The maturity window is given, or the 80th percentile (nearest rank) of lead → win days (rounded up) over every won
/// lead passing the filter (any period), or 90 days when there are none. `wonWithinWindow` counts wins no later than
/// the window after arrival, the fair basis for comparing cohorts of different ages.
public struct ConversionReport: Sendable, Codable, Equatable {
    public var definition = Metrics.definition("conversion")
    public var grain: CohortGrain
    public var maturityDays: Int
    /// "given", "p80 of N wins" or "default: no wins yet".
    public var maturityBasis: String
    /// Every cohort from the first lead to the as-of date, oldest first.
    public var cohorts: [CohortRow]
    /// Labels of the cohorts left out as immature.
    public var leftOut: [String]
    public var matureLeads: Int
    public var matureWon: Int
    public var matureConversion: Double?
    public var matureLeadsPerWin: Double?
}

extension Metrics {
    /// Lead → won conversion by entry cohort ("conversion v1"); `maturityDays` nil means the learned default.
    public static func conversion(_ snapshot: Snapshot, _ filter: AnalyticsFilter = .all, asOf: Date,
                                  cohort grain: CohortGrain = .month, maturityDays: Int? = nil) -> ConversionReport {
        conversion(Scope(snapshot, filter, asOf: asOf), grain: grain, maturityDays: maturityDays).report
    }

    /// The report and each row's cohort number.
    static func conversion(_ scope: Scope, grain: CohortGrain, maturityDays given: Int?) -> (report: ConversionReport, keys: [Int]) {
        let received = scope.snapshot.leads.receivedAt, ok = scope.leadOK, wonAt = scope.leadWon
        let n = received.count
        let (window, basis) = maturityWindow(scope, given: given)

        var first = Double.infinity
        for l in 0..<n where ok[l] && scope.inPeriod(received[l]) { first = min(first, received[l]) }
        guard first.isFinite else {
            return (ConversionReport(grain: grain, maturityDays: window, maturityBasis: basis, cohorts: [], leftOut: [],
                                     matureLeads: 0, matureWon: 0), [])
        }
        let table = MonthTable(from: first, to: scope.asOf)
        let firstKey = grain.key(month: table.month(first)), lastKey = grain.key(month: table.month(scope.asOf))
        let count = lastKey - firstKey + 1
        let total = Scratch(repeating: 0, count: count), won = Scratch(repeating: 0, count: count)
        let within = Scratch(repeating: 0, count: count)
        let windowSeconds = Double(window) * 86_400
        for l in 0..<n where ok[l] {
            let r = received[l]
            guard scope.inPeriod(r) else { continue }
            let c = grain.key(month: table.month(r)) - firstKey
            total[c] += 1
            let w = wonAt[l]
            if w.isFinite {
                won[c] += 1
                if w - r <= windowSeconds { within[c] += 1 }
            }
        }

        var rows: [CohortRow] = []
        var keys: [Int] = []
        var report = ConversionReport(grain: grain, maturityDays: window, maturityBasis: basis, cohorts: [], leftOut: [],
                                      matureLeads: 0, matureWon: 0)
        for c in 0..<count where total[c] > 0 {
            let key = firstKey + c
            let startDay = Months.firstDay(grain.firstMonth(key)), endDay = Months.firstDay(grain.firstMonth(key + 1))
            let mature = Double(endDay) * 86_400 + windowSeconds <= scope.asOf
            var row = CohortRow(cohort: grain.label(key), start: Months.dayLabel(startDay), end: Months.dayLabel(endDay),
                                leads: total[c], won: won[c], wonWithinWindow: within[c], mature: mature,
                                ratio: "left out: younger than \(window) days")
            if mature {
                row.conversion = Round.ratio(won[c], total[c])
                row.conversionWithinWindow = Round.ratio(within[c], total[c])
                row.leadsPerWin = won[c] > 0 ? Round.share(Double(total[c]) / Double(won[c])) : nil
                row.ratio = Metrics.ratioText(leads: total[c], won: won[c])
                report.matureLeads += total[c]
                report.matureWon += won[c]
            } else {
                report.leftOut.append(row.cohort)
            }
            rows.append(row)
            keys.append(key)
        }
        report.cohorts = rows
        report.matureConversion = Round.ratio(report.matureWon, report.matureLeads)
        report.matureLeadsPerWin = report.matureWon > 0 ? Round.share(Double(report.matureLeads) / Double(report.matureWon)) : nil
        return (report, keys)
    }

    /// The maturity window in days and how it was found: given, or the 80th percentile (nearest rank, rounded up) of
    /// lead → win days over every won lead passing the filter (any period), or 90 days without wins.
    static func maturityWindow(_ scope: Scope, given: Int?) -> (days: Int, basis: String) {
        if let given { return (max(0, given), "given") }
        let received = scope.snapshot.leads.receivedAt, ok = scope.leadOK, wonAt = scope.leadWon
        let histogram = Scratch(repeating: 0, count: 3_651)
        var wins = 0
        for l in 0..<received.count where ok[l] {
            let won = wonAt[l]
            guard won.isFinite else { continue }
            let days = Int(max(0, (won - received[l]) / 86_400).rounded(.up))
            histogram[min(days, 3_650)] += 1
            wins += 1
        }
        if let p80 = Percentile.nearestRank(histogram: histogram.array, total: wins, 0.8) { return (p80, "p80 of \(wins) wins") }
        return (90, "default: no wins yet")
    }

    /// "12.5 to 1" (one decimal, whole numbers without it), or "no wins of N".
    static func ratioText(leads: Int, won: Int) -> String {
        guard won > 0 else { return "no wins of \(leads)" }
        let r = (Double(leads) / Double(won) * 10).rounded() / 10
        return r == r.rounded() ? "\(Int(r)) to 1" : String(format: "%.1f to 1", r)
    }
}
