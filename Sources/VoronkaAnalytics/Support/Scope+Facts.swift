import Foundation

/// Facts as of the scope's date: what had happened by then.
extension Scope {
    /// When the lead's deal was won, if by the as-of date; `.infinity` otherwise.
    @inline(__always)
    func leadWonAt(_ l: Int) -> Double { leadWon[l] }

    /// When the deal was won, if by the as-of date; `.infinity` otherwise.
    @inline(__always)
    func dealWonAt(_ d: Int) -> Double { dealState[d] == 1 ? snapshot.deals.closedAt[d] : .infinity }

    /// Whether the deal was won or lost by the as-of date: 1 won, 0 lost, nil still open then.
    @inline(__always)
    func outcome(_ d: Int) -> Int? {
        let state = dealState[d]
        return state < 0 ? nil : Int(state)
    }

    /// When the lead was closed without a win by the as-of date (sent to junk or nurture, or its deal lost); else `.infinity`.
    func leadClosedUnwonAt(_ l: Int) -> Double {
        let d = snapshot.leads.deal[l]
        if d >= 0, outcome(Int(d)) == 0 { return snapshot.deals.closedAt[Int(d)] }
        let st = snapshot.leads.stage[l]
        let parked = st >= 0 && Snapshot.parks(snapshot.stages.kind[Int(st)])
            || snapshot.leads.outcome[l] == Outcome.junk || snapshot.leads.outcome[l] == Outcome.nurture
        let closed = snapshot.leads.closedAt[l]
        return parked && closed <= asOf ? closed : .infinity
    }

    /// The stage visit the deal was in at the as-of date (-1 if none).
    @inline(__always)
    func visitAt(_ d: Int) -> Int {
        var v = snapshot.deals.lastVisit[d]
        while v >= 0, snapshot.visits.enteredAt[Int(v)] > asOf { v = snapshot.visits.previous[Int(v)] }
        return Int(v)
    }

    /// The lead's deal slot, -1 when it has none or it was deleted.
    @inline(__always)
    func liveDeal(_ l: Int) -> Int {
        let d = Int(snapshot.leads.deal[l])
        return d >= 0 && !snapshot.deals.has(d, DealFacts.deleted) ? d : -1
    }

    /// The owner's user id, nil for none.
    func userID(_ u: Int32) -> Int64? { u >= 0 ? snapshot.users.id[Int(u)] : nil }
}

/// Sums of money converted to the base currency, with the count of amounts that could not be converted.
struct MoneySum {
    /// In minor units of the base currency.
    var total = 0.0
    var unconverted = 0

    /// The total in units of the base currency, to two decimals.
    var major: Double { Round.money(total / 100) }

    mutating func add(_ amount: Int64, factor: Double) {
        if factor.isNaN { unconverted += 1 } else { total += Double(amount) * factor }
    }
}

/// Rounds for reports: rates and shares to 6 decimals, money and days to 2, so that reports compare and print cleanly.
enum Round {
    static func share(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
    static func money(_ x: Double) -> Double { (x * 100).rounded() / 100 }
    static func ratio(_ num: Int, _ den: Int) -> Double? { den > 0 ? share(Double(num) / Double(den)) : nil }
}
