import Foundation

/// The state changes shared by the bulk build and the journal: a deal or lead entering a stage, links between
/// leads and deals. Each is O(1) apart from a walk over one deal's few earlier visits.
extension Snapshot {
    /// The deal enters a stage at `t`: its open visit ends and a new one begins (nothing happens if it is already there).
    mutating func dealEnters(_ d: Int, stage st: Int32, at t: Double) {
        let last = deals.lastVisit[d]
        if last >= 0 {
            let v = Int(last)
            if visits.stage[v] == st, visits.leftAt[v] == .infinity { deals.stage[d] = st; return }
            if visits.leftAt[v] == .infinity { visits.leftAt[v] = max(t, visits.enteredAt[v]) }
        }
        var repeated = false
        var v = last
        while v >= 0 {
            if visits.stage[Int(v)] == st { repeated = true; break }
            v = visits.previous[Int(v)]
        }
        let slot = Int32(visits.deal.count)
        visits.deal.append(Int32(d)); visits.stage.append(st); visits.enteredAt.append(t); visits.leftAt.append(.infinity)
        visits.previous.append(last); visits.repeated.append(repeated)
        deals.lastVisit[d] = slot
        deals.stage[d] = st
    }

    /// The lead enters a stage of its funnel at `t`: a won stage qualifies it, a lost or postponed one parks it
    /// (junk, nurture), and leaving a parked stage reopens it.
    mutating func leadEnters(_ l: Int, stage st: Int32, at t: Double) {
        let previous = leads.stage[l]
        guard previous != st else { return }
        let wasParked = previous >= 0 && Snapshot.parks(stages.kind[Int(previous)])
        leads.stage[l] = st
        let kind = st >= 0 ? stages.kind[Int(st)] : Kind.open
        switch kind {
        case Kind.won:
            leads.closedAt[l] = t
            if wasParked { leads.reopened[l] = true }
        case Kind.lost, Kind.postponed:
            leads.closedAt[l] = t
            leads.parkedAt[l] = min(leads.parkedAt[l], t)
        default:
            if wasParked { leads.reopened[l] = true }
            leads.closedAt[l] = .infinity
        }
    }

    /// The lead's outcome changes at `t`; junk and nurture park it, and a parked lead that becomes a deal is reopened.
    mutating func leadOutcome(_ l: Int, _ code: UInt8, at t: Double) {
        let old = leads.outcome[l]
        leads.outcome[l] = code
        if code == Outcome.nurture || code == Outcome.junk {
            leads.parkedAt[l] = min(leads.parkedAt[l], t)
            if leads.closedAt[l] == .infinity { leads.closedAt[l] = t }
        } else if code == Outcome.deal, old == Outcome.nurture || old == Outcome.junk {
            leads.reopened[l] = true
        }
    }

    static func parks(_ kind: UInt8) -> Bool { kind == Kind.lost || kind == Kind.postponed }
}

/// Links between leads and deals whose other end has not arrived yet.
struct PendingLinks: Sendable {
    /// Deal id → leads naming it in `deal_id`.
    var leadsWaiting: [Int64: [Int32]] = [:]
    /// Lead id → deals naming it in `lead_id`.
    var dealsWaiting: [Int64: [Int32]] = [:]

    /// Sets the lead's deal; the lead's own `deal_id` wins over a deal's `lead_id`.
    mutating func setLeadDeal(_ l: Int, _ dealID: Int64?, in s: inout Snapshot) {
        guard let dealID else { s.leads.deal[l] = -1; return }
        if let d = s.deals.index[dealID] {
            s.leads.deal[l] = d
            if s.deals.lead[Int(d)] < 0 { s.deals.lead[Int(d)] = Int32(l) }
        } else {
            s.leads.deal[l] = -1
            leadsWaiting[dealID, default: []].append(Int32(l))
        }
    }

    /// Sets the deal's lead, and the lead's deal when the lead has none.
    mutating func setDealLead(_ d: Int, _ leadID: Int64?, in s: inout Snapshot) {
        guard let leadID else { s.deals.lead[d] = -1; return }
        if let l = s.leads.index[leadID] {
            s.deals.lead[d] = l
            if s.leads.deal[Int(l)] < 0 { s.leads.deal[Int(l)] = Int32(d) }
        } else {
            s.deals.lead[d] = -1
            dealsWaiting[leadID, default: []].append(Int32(d))
        }
    }

    /// A new lead arrived: deals waiting for it get it.
    mutating func leadArrived(_ l: Int, id: Int64, in s: inout Snapshot) {
        guard let waiting = dealsWaiting.removeValue(forKey: id) else { return }
        for d in waiting {
            s.deals.lead[Int(d)] = Int32(l)
            if s.leads.deal[l] < 0 { s.leads.deal[l] = d }
        }
    }

    /// A new deal arrived: leads waiting for it get it.
    mutating func dealArrived(_ d: Int, id: Int64, in s: inout Snapshot) {
        guard let waiting = leadsWaiting.removeValue(forKey: id) else { return }
        for l in waiting {
            s.leads.deal[Int(l)] = Int32(d)
            if s.deals.lead[d] < 0 { s.deals.lead[d] = l }
        }
    }
}
