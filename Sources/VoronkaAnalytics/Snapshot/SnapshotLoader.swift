import Foundation
import VoronkaCore

/// Builds a snapshot in bulk from plain rows, streamed in: users, companies and stages first, then leads and deals
/// (each in id order), then the journal's stage entries in any order; `finish()` replays each record's history.
///
/// This is the one bulk path: the storage layer feeds it straight from table columns at start-up, and
/// `SnapshotBuilder.init(leads:deals:…)` feeds it from entities. Nothing but the snapshot and one compact array per
/// history is held, so building from a million deals stays well under a gigabyte.
public struct SnapshotLoader: Sendable {
    /// A lead's columns that the snapshot keeps. Times are seconds since 1970.
    public struct LeadRow: Sendable {
        public var id: Int64
        public var receivedAt: Double
        public var source: LeadSource
        public var channelID: Int64?
        public var ownerID: Int64?
        public var companyID: Int64?
        public var referrerCompanyID: Int64?
        public var pipelineID: Int64
        public var stageID: Int64
        public var outcome: LeadOutcome?
        public var firstResponseAt: Double?
        public var dealID: Int64?

        public init(id: Int64, receivedAt: Double, source: LeadSource, channelID: Int64? = nil, ownerID: Int64?, companyID: Int64?,
                    referrerCompanyID: Int64?, pipelineID: Int64, stageID: Int64, outcome: LeadOutcome?, firstResponseAt: Double?,
                    dealID: Int64?) {
            self.id = id; self.receivedAt = receivedAt; self.source = source; self.channelID = channelID; self.ownerID = ownerID; self.companyID = companyID
            self.referrerCompanyID = referrerCompanyID; self.pipelineID = pipelineID; self.stageID = stageID; self.outcome = outcome
            self.firstResponseAt = firstResponseAt; self.dealID = dealID
        }
    }

    /// A deal's columns that the snapshot keeps; `hasContact` is a non-empty `contact_ids`, `budgetKnown` a budget
    /// status other than "unknown".
    public struct DealRow: Sendable {
        public var id: Int64
        public var createdAt: Double?
        public var updatedAt: Double?
        public var stageEnteredAt: Double?
        public var closedAt: Double?
        public var ownerID: Int64?
        public var pipelineID: Int64
        public var stageID: Int64
        public var companyID: Int64
        public var leadID: Int64?
        public var amount: Int64
        public var currency: String
        public var probabilityOverride: Int64?
        public var expectedClose: Day?
        public var deadline: Day?
        public var referral: Bool
        public var hasContact: Bool
        public var needDescribed: Bool
        public var budgetKnown: Bool
        public var postponedUntil: Day?

        public init(id: Int64, createdAt: Double?, updatedAt: Double?, stageEnteredAt: Double?, closedAt: Double?, ownerID: Int64?,
                    pipelineID: Int64, stageID: Int64, companyID: Int64, leadID: Int64?, amount: Int64, currency: String,
                    probabilityOverride: Int64?, expectedClose: Day?, deadline: Day?, referral: Bool, hasContact: Bool,
                    needDescribed: Bool, budgetKnown: Bool, postponedUntil: Day? = nil) {
            self.id = id; self.createdAt = createdAt; self.updatedAt = updatedAt; self.stageEnteredAt = stageEnteredAt
            self.closedAt = closedAt; self.ownerID = ownerID; self.pipelineID = pipelineID; self.stageID = stageID
            self.companyID = companyID; self.leadID = leadID; self.amount = amount; self.currency = currency
            self.probabilityOverride = probabilityOverride; self.expectedClose = expectedClose; self.deadline = deadline
            self.referral = referral; self.hasContact = hasContact; self.needDescribed = needDescribed; self.budgetKnown = budgetKnown
            self.postponedUntil = postponedUntil
        }
    }

    private var s = Snapshot()
    private var pending = PendingLinks()
    /// What a record is now, kept until its history has been replayed.
    private var leadStage: [Int64] = [], leadOutcome: [UInt8] = []
    private var dealStage: [Int64] = [], dealStageEnteredAt: [Double] = [], dealUpdatedAt: [Double] = []
    /// The lead's `deal_id` and the deal's `lead_id` (`noID` for none), linked once everything has arrived.
    private var leadDealID: [Int64] = [], dealLeadID: [Int64] = []
    private static let noID = Int64.min
    private var leadEvents = StageEntries(), dealEvents = StageEntries()
    private var openContacts: [Int64: Int32] = [:]

    /// An empty load; `lastSeq` is the journal position the rows reflect.
    public init(lastSeq: Int64) { s.lastSeq = lastSeq }

    public mutating func user(id: Int64, managerID: Int64?) {
        let u = Int(s.users.slot(id))
        s.users.manager[u] = managerID.map { s.users.slot($0) } ?? -1
    }

    public mutating func company(id: Int64, segment: String?, ownerID: Int64?) {
        let c = Int(s.companies.slot(id))
        s.companies.segment[c] = segment.map { s.segments.code($0) } ?? -1
        s.companies.owner[c] = ownerID.map { s.users.slot($0) } ?? -1
    }

    /// A lead channel: its group and the channel it was merged into.
    public mutating func channel(id: Int64, group: ChannelGroup, mergedIntoID: Int64?) {
        let c = Int(s.channels.slot(id))
        s.channels.group[c] = ChannelGroupCode.code(group)
        s.channels.mergedInto[c] = mergedIntoID.map { s.channels.slot($0) } ?? -1
    }

    /// `probability` in percent.
    public mutating func stage(id: Int64, pipelineID: Int64, position: Int64, kind: StageKind, probability: Int64, expectedDays: Int64?) {
        let st = Int(s.stages.slot(id))
        s.stages.pipeline[st] = s.pipelines.slot(pipelineID)
        s.stages.position[st] = Int32(clamping: position)
        s.stages.kind[st] = Kind.code(kind)
        s.stages.probability[st] = Double(probability) / 100
        s.stages.expectedDays[st] = expectedDays.map { Int32(clamping: $0) } ?? -1
    }

    /// Reserves room for this many leads and deals.
    public mutating func reserve(leads: Int, deals: Int) {
        s.leads.index.reserve(leads)
        s.deals.index.reserve(deals)
    }

    public mutating func lead(_ lead: LeadRow) {
        let l = Int(s.leads.append(id: lead.id, receivedAt: lead.receivedAt))
        s.leads.source[l] = Source.code(lead.source)
        s.leads.channel[l] = lead.channelID.map { s.channels.slot($0) } ?? -1
        s.leads.owner[l] = lead.ownerID.map { s.users.slot($0) } ?? -1
        s.leads.company[l] = lead.companyID.map { s.companies.slot($0) } ?? -1
        s.leads.referrer[l] = lead.referrerCompanyID.map { s.companies.slot($0) } ?? -1
        s.leads.pipeline[l] = s.pipelines.slot(lead.pipelineID)
        s.leads.firstResponseAt[l] = lead.firstResponseAt ?? .infinity
        leadDealID.append(lead.dealID ?? Self.noID)
        leadStage.append(lead.stageID)
        leadOutcome.append(Outcome.code(lead.outcome))
    }

    /// A deal (after the leads; leads and deals are linked when the load finishes).
    public mutating func deal(_ deal: DealRow) {
        let d = Int(s.deals.append(id: deal.id, createdAt: deal.createdAt ?? deal.stageEnteredAt ?? 0))
        s.deals.owner[d] = deal.ownerID.map { s.users.slot($0) } ?? -1
        s.deals.pipeline[d] = s.pipelines.slot(deal.pipelineID)
        s.deals.amount[d] = deal.amount
        s.deals.currency[d] = UInt8(truncatingIfNeeded: s.currencies.code(deal.currency))
        s.deals.closedAt[d] = deal.closedAt ?? .infinity
        s.deals.company[d] = s.companies.slot(deal.companyID)
        s.deals.probabilityOverride[d] = deal.probabilityOverride.map { Int8(clamping: $0) } ?? -1
        s.deals.expectedClose[d] = deal.expectedClose.map { Int32($0.daysSinceEpoch) } ?? noDay
        s.deals.deadline[d] = deal.deadline.map { Int32($0.daysSinceEpoch) } ?? noDay
        s.deals.postponedUntil[d] = deal.postponedUntil.map { Int32($0.daysSinceEpoch) } ?? noDay
        s.deals.set(d, DealFacts.referral, deal.referral)
        s.deals.set(d, DealFacts.hasContact, deal.hasContact)
        s.deals.set(d, DealFacts.needDescribed, deal.needDescribed)
        s.deals.set(d, DealFacts.budgetKnown, deal.budgetKnown)
        dealLeadID.append(deal.leadID ?? Self.noID)
        dealStage.append(deal.stageID)
        dealStageEnteredAt.append(deal.stageEnteredAt ?? .nan)
        dealUpdatedAt.append(deal.updatedAt ?? .nan)
    }

    /// The latest call, meeting or e-mail logged as done on a deal given before (others are ignored).
    public mutating func contact(dealID: Int64, at: Double) {
        guard let d = s.deals.index[dealID] else { return }
        s.deals.lastContact[Int(d)] = max(s.deals.lastContact[Int(d)], at)
    }

    /// A call, meeting or e-mail on a deal given before, not yet done: when it is done, the deal's last contact moves.
    public mutating func openContact(activityID: Int64, dealID: Int64) {
        guard let d = s.deals.index[dealID] else { return }
        openContacts[activityID] = d
    }

    /// A stage entry from the journal (creation included), in any order relative to the rows; entries of records not
    /// given are dropped. Entries of one record keep their given order when their times are equal.
    public mutating func leadEntered(leadID: Int64, stageID: Int64, at: Double) { leadEvents.append(leadID, stageID, at) }

    public mutating func dealEntered(dealID: Int64, stageID: Int64, at: Double) { dealEvents.append(dealID, stageID, at) }

    /// Stage entries gathered elsewhere (say, read on another thread), as if given one by one after those so far.
    public mutating func entered(leads: consuming StageEntries, deals: consuming StageEntries) {
        if leadEvents.id.isEmpty { leadEvents = leads } else { leadEvents.append(contentsOf: leads) }
        if dealEvents.id.isEmpty { dealEvents = deals } else { dealEvents.append(contentsOf: deals) }
    }

    /// Replays each record's history and returns the builder, ready for journal entries after `lastSeq`.
    public consuming func finish() -> SnapshotBuilder {
        link()
        replayLeads()
        replayDeals()
        // A qualified lead whose qualification time is unknown was qualified when its deal was made.
        for l in 0..<s.leads.receivedAt.count where s.leads.closedAt[l] == .infinity && s.leads.outcome[l] == Outcome.deal {
            let d = s.leads.deal[l]
            s.leads.closedAt[l] = d >= 0 ? s.deals.createdAt[Int(d)] : Snapshot.fallbackTime(s, l)
        }
        return SnapshotBuilder(snapshot: s, pending: pending, openContacts: openContacts)
    }

    /// Links leads and deals as `PendingLinks` would had every lead arrived, then every deal: a lead's own `deal_id`
    /// wins, else the first deal naming it; a deal's own `lead_id` wins, else the first lead naming it. Links to
    /// records not given wait in `pending` for the journal to bring them.
    private mutating func link() {
        for d in 0..<dealLeadID.count where dealLeadID[d] != Self.noID {
            if let l = s.leads.index[dealLeadID[d]] { s.deals.lead[d] = l }
        }
        for l in 0..<leadDealID.count where leadDealID[l] != Self.noID {
            if let d = s.deals.index[leadDealID[l]] {
                s.leads.deal[l] = d
                if s.deals.lead[Int(d)] < 0 { s.deals.lead[Int(d)] = Int32(l) }
            } else {
                pending.leadsWaiting[leadDealID[l], default: []].append(Int32(l))
            }
        }
        for d in 0..<dealLeadID.count where dealLeadID[d] != Self.noID {
            if let l = s.leads.index[dealLeadID[d]] {
                if s.leads.deal[Int(l)] < 0 { s.leads.deal[Int(l)] = Int32(d) }
            } else {
                pending.dealsWaiting[dealLeadID[d], default: []].append(Int32(d))
            }
        }
        leadDealID = []; dealLeadID = []
    }

    private mutating func replayLeads() {
        let history = EventGroups(leadEvents, count: leadStage.count, slot: { [index = s.leads.index] in index[$0] })
        leadEvents = StageEntries()
        for l in 0..<leadStage.count {
            let stage = s.stages.slot(leadStage[l])
            let outcome = leadOutcome[l]
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
        leadStage = []; leadOutcome = []
    }

    private mutating func replayDeals() {
        let history = EventGroups(dealEvents, count: dealStage.count, slot: { [index = s.deals.index] in index[$0] })
        dealEvents = StageEntries()
        s.visits.reserve(history.at.count + dealStage.count / 8)
        for d in 0..<dealStage.count {
            var last = s.deals.createdAt[d]
            for e in history.start[d]..<history.start[d + 1] {
                s.dealEnters(d, stage: s.stages.slot(history.stage[e]), at: history.at[e])
                last = max(last, history.at[e])
            }
            let stage = s.stages.slot(dealStage[d])
            if s.deals.stage[d] != stage {
                let entered = dealStageEnteredAt[d]
                let at = entered.isNaN ? last : entered
                s.dealEnters(d, stage: stage, at: at)
                last = max(last, at)
            }
            let closed = s.deals.closedAt[d], updated = dealUpdatedAt[d]
            s.deals.updatedAt[d] = updated.isNaN ? max(last, closed.isFinite ? closed : last) : updated
        }
        dealStage = []; dealStageEnteredAt = []; dealUpdatedAt = []
    }
}

/// Stage entries of one kind of record in the order given: the record's id, the stage id and the time.
public struct StageEntries: Sendable {
    var id: [Int64] = []
    var stage: [Int64] = []
    var at: [Double] = []

    public init() {}

    public mutating func append(_ recordID: Int64, _ stageID: Int64, _ t: Double) { id.append(recordID); stage.append(stageID); at.append(t) }

    mutating func append(contentsOf other: StageEntries) {
        id.append(contentsOf: other.id); stage.append(contentsOf: other.stage); at.append(contentsOf: other.at)
    }
}

/// Stage events grouped by record slot (a counting sort), each group in time order.
struct EventGroups {
    /// Events of slot `i` are at `start[i]..<start[i + 1]`.
    var start: [Int]
    var stage: [Int64]
    var at: [Double]

    init(_ events: StageEntries, count: Int, slot: (Int64) -> Int32?) {
        start = [Int](repeating: 0, count: count + 1)
        var slots = [Int32](repeating: -1, count: events.id.count)
        for (i, id) in events.id.enumerated() {
            guard let s = slot(id), Int(s) < count else { continue }
            slots[i] = s
            start[Int(s) + 1] += 1
        }
        for i in 0..<count { start[i + 1] += start[i] }
        var next = start
        stage = [Int64](repeating: 0, count: start[count])
        at = [Double](repeating: 0, count: start[count])
        for i in slots.indices where slots[i] >= 0 {
            let s = Int(slots[i])
            stage[next[s]] = events.stage[i]
            at[next[s]] = events.at[i]
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
