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
    /// Calls, meetings and e-mails on deals not yet done, by activity id: the deal whose last contact moves when one is.
    var openContacts: [Int64: Int32] = [:]

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
                leadStageEvents: [(leadID: Int64, stageID: Int64, at: Date)] = [], dealUpdatedAt: [Int64: Date] = [:],
                channels: [LeadChannel] = []) {
        var loader = SnapshotLoader(lastSeq: lastSeq)
        for channel in channels { loader.channel(id: channel.id, group: channel.group, mergedIntoID: channel.mergedIntoID) }
        for user in users { loader.user(id: user.id, managerID: user.managerID) }
        for company in companies { loader.company(id: company.id, segment: company.segment, ownerID: company.ownerID) }
        for stage in stages {
            loader.stage(id: stage.id, pipelineID: stage.pipelineID, position: stage.position, kind: stage.kind,
                         probability: stage.probability, expectedDays: stage.expectedDays)
        }
        loader.reserve(leads: leads.count, deals: deals.count)
        for lead in leads {
            loader.lead(.init(id: lead.id, receivedAt: lead.receivedAt.timeIntervalSince1970, source: lead.source, channelID: lead.channelID,
                              ownerID: lead.ownerID,
                              companyID: lead.companyID, referrerCompanyID: lead.referrerCompanyID, pipelineID: lead.pipelineID,
                              stageID: lead.stageID, outcome: lead.outcome,
                              firstResponseAt: lead.firstResponseAt?.timeIntervalSince1970, dealID: lead.dealID))
        }
        for deal in deals {
            loader.deal(.init(id: deal.id, createdAt: deal.createdAt?.timeIntervalSince1970,
                              updatedAt: dealUpdatedAt[deal.id]?.timeIntervalSince1970,
                              stageEnteredAt: deal.stageEnteredAt?.timeIntervalSince1970, closedAt: deal.closedAt?.timeIntervalSince1970,
                              ownerID: deal.ownerID, pipelineID: deal.pipelineID, stageID: deal.stageID, companyID: deal.companyID,
                              leadID: deal.leadID, amount: deal.amount, currency: deal.currency,
                              probabilityOverride: deal.probabilityOverride, expectedClose: deal.expectedClose, deadline: deal.deadline,
                              referral: deal.referral, hasContact: !deal.contactIDs.isEmpty, needDescribed: deal.needDescribed == true,
                              budgetKnown: deal.budgetStatus != .unknown, postponedUntil: deal.postponedUntil))
        }
        for e in leadStageEvents { loader.leadEntered(leadID: e.leadID, stageID: e.stageID, at: e.at.timeIntervalSince1970) }
        for e in stageEvents { loader.dealEntered(dealID: e.dealID, stageID: e.stageID, at: e.at.timeIntervalSince1970) }
        self = loader.finish()
    }

    init(snapshot: Snapshot, pending: PendingLinks, openContacts: [Int64: Int32] = [:]) {
        self.snapshot = snapshot
        self.pending = pending
        self.openContacts = openContacts
    }
}

extension Snapshot {
    /// When a lead's triage is taken to have happened when its history is unknown: its first response, or arrival.
    static func fallbackTime(_ s: Snapshot, _ l: Int) -> Double {
        let first = s.leads.firstResponseAt[l]
        return first.isFinite ? first : s.leads.receivedAt[l]
    }
}
