import Foundation
import VoronkaCore

/// Builds a `Snapshot` in bulk at start-up and keeps it current by applying journal entries one by one.
///
/// Applying is cheap only while the builder holds the snapshot's arrays alone: a copy of `snapshot` still in use
/// elsewhere (a dashboard being computed) makes the next `apply` copy every array it writes. Apply a batch of entries,
/// then hand out `snapshot`.
public struct SnapshotBuilder: Sendable {
    /// The facts so far.
    public internal(set) var snapshot: Snapshot
    var pending = PendingLinks()

    /// An empty snapshot, to be filled from the journal.
    public init() { snapshot = Snapshot() }

    /// Builds a snapshot from stored records in one pass; `lastSeq` is the journal position they reflect.
    ///
    /// `stageEvents` are the deals' stage entries from the journal (creation included), in any order; a deal without
    /// any gets one visit from its `stageEnteredAt` (or creation). `leadStageEvents` likewise give leads the times they
    /// were qualified, sent to nurture or junk and reopened; without them those times fall back to the first response
    /// (or arrival), and to the deal's creation for a qualified lead. `dealUpdatedAt` gives last-change times; without
    /// it a deal's last change is its latest stage entry, creation or close.
    public init(leads: [Lead], deals: [Deal], stageEvents: [(dealID: Int64, stageID: Int64, at: Date)], stages: [Stage],
                companies: [Company], users: [User], lastSeq: Int64,
                leadStageEvents: [(leadID: Int64, stageID: Int64, at: Date)] = [], dealUpdatedAt: [Int64: Date] = [:]) {
        var s = Snapshot()
        s.lastSeq = lastSeq
        for user in users {
            let u = Int(s.users.slot(user.id))
            s.users.manager[u] = user.managerID.map { s.users.slot($0) } ?? -1
        }
        for company in companies {
            let c = Int(s.companies.slot(company.id))
            s.companies.segment[c] = company.segment.map { s.segments.code($0) } ?? -1
            s.companies.owner[c] = company.ownerID.map { s.users.slot($0) } ?? -1
        }
        for stage in stages {
            let st = Int(s.stages.slot(stage.id))
            s.stages.pipeline[st] = s.pipelines.slot(stage.pipelineID)
            s.stages.position[st] = Int32(clamping: stage.position)
            s.stages.kind[st] = Kind.code(stage.kind)
            s.stages.probability[st] = Double(stage.probability) / 100
            s.stages.expectedDays[st] = stage.expectedDays.map { Int32(clamping: $0) } ?? -1
        }
        var pending = PendingLinks()
        SnapshotBuilder.loadLeads(leads, events: leadStageEvents, into: &s, pending: &pending)
        SnapshotBuilder.loadDeals(deals, events: stageEvents, updatedAt: dealUpdatedAt, into: &s, pending: &pending)
        // A qualified lead whose qualification time is unknown was qualified when its deal was made.
        for l in 0..<s.leads.receivedAt.count where s.leads.closedAt[l] == .infinity && s.leads.outcome[l] == Outcome.deal {
            let d = s.leads.deal[l]
            s.leads.closedAt[l] = d >= 0 ? s.deals.createdAt[Int(d)] : Snapshot.fallbackTime(s, l)
        }
        snapshot = s
        self.pending = pending
    }

    private static func loadLeads(_ leads: [Lead], events: [(leadID: Int64, stageID: Int64, at: Date)],
                                  into s: inout Snapshot, pending: inout PendingLinks) {
        s.leads.index.slots.reserveCapacity(leads.count)
        for lead in leads {
            let l = Int(s.leads.append(id: lead.id, receivedAt: lead.receivedAt.timeIntervalSince1970))
            s.leads.source[l] = Source.code(lead.source)
            s.leads.owner[l] = lead.ownerID.map { s.users.slot($0) } ?? -1
            s.leads.company[l] = lead.companyID.map { s.companies.slot($0) } ?? -1
            s.leads.referrer[l] = lead.referrerCompanyID.map { s.companies.slot($0) } ?? -1
            s.leads.pipeline[l] = s.pipelines.slot(lead.pipelineID)
            s.leads.firstResponseAt[l] = lead.firstResponseAt?.timeIntervalSince1970 ?? .infinity
            pending.setLeadDeal(l, lead.dealID, in: &s)
        }
        let history = EventGroups(events.map { ($0.leadID, $0.stageID, $0.at.timeIntervalSince1970) }, count: leads.count,
                                  slot: { s.leads.index[$0] })
        for (l, lead) in leads.enumerated() {
            let stage = s.stages.slot(lead.stageID)
            let outcome = Outcome.code(lead.outcome)
            if history.start[l] < history.start[l + 1] {
                for e in history.start[l]..<history.start[l + 1] {
                    s.leadEnters(l, stage: s.stages.slot(history.stage[e]), at: history.at[e])
                }
                s.leads.stage[l] = stage
                s.leads.outcome[l] = outcome
                if outcome == Outcome.nurture || outcome == Outcome.junk, s.leads.parkedAt[l] == .infinity {
                    s.leadOutcome(l, outcome, at: Snapshot.fallbackTime(s, l))
                }
            } else {
                let t = Snapshot.fallbackTime(s, l)
                s.leadEnters(l, stage: stage, at: t)
                s.leadOutcome(l, outcome, at: t)
                if s.stages.kind[Int(stage)] == Kind.won || outcome == Outcome.deal { s.leads.closedAt[l] = .infinity }
            }
        }
    }

    private static func loadDeals(_ deals: [Deal], events: [(dealID: Int64, stageID: Int64, at: Date)], updatedAt: [Int64: Date],
                                  into s: inout Snapshot, pending: inout PendingLinks) {
        s.deals.index.slots.reserveCapacity(deals.count)
        for deal in deals {
            let created = deal.createdAt?.timeIntervalSince1970 ?? deal.stageEnteredAt?.timeIntervalSince1970 ?? 0
            let d = Int(s.deals.append(id: deal.id, createdAt: created))
            s.deals.owner[d] = deal.ownerID.map { s.users.slot($0) } ?? -1
            s.deals.pipeline[d] = s.pipelines.slot(deal.pipelineID)
            s.deals.amount[d] = deal.amount
            s.deals.currency[d] = UInt8(truncatingIfNeeded: s.currencies.code(deal.currency))
            s.deals.closedAt[d] = deal.closedAt?.timeIntervalSince1970 ?? .infinity
            s.deals.company[d] = s.companies.slot(deal.companyID)
            s.deals.probabilityOverride[d] = deal.probabilityOverride.map { Int8(clamping: $0) } ?? -1
            s.deals.expectedClose[d] = deal.expectedClose.map { Int32($0.daysSinceEpoch) } ?? noDay
            s.deals.deadline[d] = deal.deadline.map { Int32($0.daysSinceEpoch) } ?? noDay
            s.deals.set(d, DealFacts.referral, deal.referral)
            s.deals.set(d, DealFacts.hasContact, !deal.contactIDs.isEmpty)
            s.deals.set(d, DealFacts.needDescribed, deal.needDescribed == true)
            s.deals.set(d, DealFacts.budgetKnown, deal.budgetStatus != .unknown)
            pending.setDealLead(d, deal.leadID, in: &s)
            pending.dealArrived(d, id: deal.id, in: &s)
        }
        let history = EventGroups(events.map { ($0.dealID, $0.stageID, $0.at.timeIntervalSince1970) }, count: deals.count,
                                  slot: { s.deals.index[$0] })
        s.visits.reserve(events.count + deals.count / 8)
        for (d, deal) in deals.enumerated() {
            var last = s.deals.createdAt[d]
            for e in history.start[d]..<history.start[d + 1] {
                s.dealEnters(d, stage: s.stages.slot(history.stage[e]), at: history.at[e])
                last = max(last, history.at[e])
            }
            let stage = s.stages.slot(deal.stageID)
            if s.deals.stage[d] != stage {
                let at = deal.stageEnteredAt?.timeIntervalSince1970 ?? last
                s.dealEnters(d, stage: stage, at: at)
                last = max(last, at)
            }
            let closed = s.deals.closedAt[d]
            s.deals.updatedAt[d] = updatedAt[deal.id]?.timeIntervalSince1970 ?? max(last, closed.isFinite ? closed : last)
        }
    }
}

/// Stage events grouped by record slot (a counting sort), each group in time order; events of unknown records are dropped.
struct EventGroups {
    /// Events of slot `i` are at `start[i]..<start[i + 1]`.
    var start: [Int]
    var stage: [Int64]
    var at: [Double]

    init(_ events: [(Int64, Int64, Double)], count: Int, slot: (Int64) -> Int32?) {
        var slots = [Int32](repeating: -1, count: events.count)
        start = [Int](repeating: 0, count: count + 1)
        for (i, e) in events.enumerated() {
            guard let s = slot(e.0), Int(s) < count else { continue }
            slots[i] = s
            start[Int(s) + 1] += 1
        }
        for i in 0..<count { start[i + 1] += start[i] }
        var next = start
        stage = [Int64](repeating: 0, count: start[count])
        at = [Double](repeating: 0, count: start[count])
        for (i, e) in events.enumerated() where slots[i] >= 0 {
            let s = Int(slots[i])
            stage[next[s]] = e.1
            at[next[s]] = e.2
            next[s] += 1
        }
        // Groups are small: an insertion sort by time keeps equal times in input order.
        for g in 0..<count where start[g + 1] - start[g] > 1 {
            for i in (start[g] + 1)..<start[g + 1] {
                let (st, t) = (stage[i], at[i])
                var j = i - 1
                while j >= start[g], at[j] > t { stage[j + 1] = stage[j]; at[j + 1] = at[j]; j -= 1 }
                stage[j + 1] = st; at[j + 1] = t
            }
        }
    }
}

extension Snapshot {
    /// When a lead's triage is taken to have happened when its history is unknown: its first response, or arrival.
    static func fallbackTime(_ s: Snapshot, _ l: Int) -> Double {
        let first = s.leads.firstResponseAt[l]
        return first.isFinite ? first : s.leads.receivedAt[l]
    }
}
