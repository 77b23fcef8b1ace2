import Foundation
// TEMPORARY: profiling hook, to be deleted.
extension Metrics {
    public static func _profile(_ snapshot: Snapshot, asOf: Date) -> [(String, Double)] {
        var out: [(String, Double)] = []
        func t<T>(_ name: String, _ f: () -> T) -> T {
            var a = timespec(), b = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a)
            let r = f()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b)
            out.append((name, Double(b.tv_sec - a.tv_sec) * 1e3 + Double(b.tv_nsec - a.tv_nsec) / 1e6))
            return r
        }
        let scope = t("scope") { Scope(snapshot, .all, asOf: asOf) }
        let o = DashboardOptions.standard
        let (c, keys) = t("conversion") { conversion(scope, grain: o.cohort, maturityDays: o.maturityDays) }
        _ = t("km") { kaplanMeier(scope, unwon: o.unwonLeads) }
        _ = t("anomalies") { cohortAnomalies(c, keys: keys, rule: o.anomalyRule) }
        _ = t("stageConversion") { stageConversion(scope) }
        _ = t("timeInStage") { timeInStage(scope) }
        _ = t("stalled") { stalledDeals(scope, limit: 100) }
        _ = t("velocity") { velocity(scope, rates: o.rates, historyDays: 365, months: 12) }
        _ = t("response") { responseTimes(scope, targetHours: 4) }
        let lr = t("learned") { LearnedRates(scope) }
        _ = t("forecast") { forecast(scope, rates: o.rates, learned: lr) }
        _ = t("calibration") { calibration(scope, rates: lr) }
        _ = t("rescued") { rescuedLeads(scope, rates: o.rates) }
        _ = t("referrals") { referrals(scope, rates: o.rates) }
        _ = t("completeness") { completeness(scope, untouchedDays: 14, limit: 100) }
        _ = t("yearly") { yearlyBuyers(scope) }
        return out
    }
}
