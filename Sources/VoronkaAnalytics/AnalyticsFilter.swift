import Foundation
import VoronkaCore

/// What a metric looks at. Every set left nil means "all"; a non-nil set keeps only facts that match it.
///
/// A lead matches a pipeline when its own funnel or its (live) deal's pipeline is listed; a deal's source is its
/// (live) lead's source (a deal without one has none, so a source filter drops it); a segment is that of the record's
/// company. A channel is that of the lead (of the deal's lead for a deal), counted under the channel it was merged into:
/// choosing a channel keeps the leads of every channel merged into it, and choosing a merged channel keeps those of the
/// channel it was merged into. A channel group is that of the channel a lead counts under.
/// `team` and `ownerID` both restrict the owner: when both are set, the owner must be in the team and be `ownerID`.
/// The period `[from, to)` applies to the time named in each metric's definition (usually arrival or creation).
public struct AnalyticsFilter: Sendable, Hashable {
    public var pipelineIDs: Set<Int64>?
    /// A set of owner ids (see `Snapshot.team(of:)`).
    public var team: Set<Int64>?
    public var ownerID: Int64?
    public var sources: Set<LeadSource>?
    /// Channel ids.
    public var channelIDs: Set<Int64>?
    public var channelGroups: Set<ChannelGroup>?
    public var segments: Set<String>?
    /// Inclusive start of the period.
    public var from: Date?
    /// Exclusive end of the period.
    public var to: Date?

    public init(pipelineIDs: Set<Int64>? = nil, team: Set<Int64>? = nil, ownerID: Int64? = nil, sources: Set<LeadSource>? = nil,
                segments: Set<String>? = nil, from: Date? = nil, to: Date? = nil, channelIDs: Set<Int64>? = nil,
                channelGroups: Set<ChannelGroup>? = nil) {
        self.pipelineIDs = pipelineIDs; self.team = team; self.ownerID = ownerID; self.sources = sources
        self.segments = segments; self.from = from; self.to = to; self.channelIDs = channelIDs; self.channelGroups = channelGroups
    }

    /// No restriction.
    public static let all = AnalyticsFilter()
}

/// A filter resolved against one snapshot: which leads and deals pass (apart from the period), the period in seconds,
/// and the facts every metric needs as of the date, computed once per filter and date.
struct Scope {
    let snapshot: Snapshot
    let asOf: Double
    let from: Double
    let to: Double
    /// By user slot; nil when owners are not restricted.
    let ownerOK: [Bool]?
    let pipelineOK: [Bool]?
    let segmentOK: [Bool]?
    let sourceOK: [Bool]?
    /// By channel slot, as stored (merges already followed); nil when channels are not restricted.
    let channelOK: [Bool]?
    /// By channel slot: the slot of the channel it counts under.
    let channelRoot: [Int32]
    /// Leads passing every filter but the period, not deleted and received by the as-of date.
    private(set) var leadOK: [Bool] = []
    /// Deals passing every filter but the period, not deleted and created by the as-of date.
    private(set) var dealOK: [Bool] = []
    /// By deal: 1 won by the as-of date, 0 lost by then, -1 still open then (or deleted).
    private(set) var dealState: [Int8] = []
    /// By lead: when its deal was won, if by the as-of date; `.infinity` otherwise.
    private(set) var leadWon: [Double] = []

    init(_ s: Snapshot, _ filter: AnalyticsFilter, asOf: Date) {
        snapshot = s
        self.asOf = asOf.timeIntervalSince1970
        from = filter.from?.timeIntervalSince1970 ?? -.infinity
        to = filter.to?.timeIntervalSince1970 ?? .infinity
        var owners: Set<Int64>? = filter.team
        if let one = filter.ownerID { owners = owners.map { $0.contains(one) ? [one] : [] } ?? [one] }
        ownerOK = owners.map { set in s.users.id.map { set.contains($0) } }
        pipelineOK = filter.pipelineIDs.map { set in s.pipelines.ids.map { set.contains($0) } }
        segmentOK = filter.segments.map { set in s.segments.names.map { set.contains($0) } }
        sourceOK = filter.sources.map { set in Source.all.map { set.contains($0) } }
        let roots = s.channels.roots
        channelRoot = roots
        if filter.channelIDs != nil || filter.channelGroups != nil {
            let chosenRoots = filter.channelIDs.map { ids in Set(ids.compactMap { s.channels.index[$0] }.map { roots[Int($0)] }) }
            let groups = filter.channelGroups.map { set in Set(set.map(ChannelGroupCode.code)) }
            channelOK = roots.map { root in
                (chosenRoots?.contains(root) ?? true) && (groups?.contains(s.channels.group[Int(root)]) ?? true)
            }
        } else {
            channelOK = nil
        }
        let t = self.asOf

        let plain = ownerOK == nil && pipelineOK == nil && segmentOK == nil && sourceOK == nil && channelOK == nil
        let dealCount = s.deals.createdAt.count
        let closedAt = s.deals.closedAt, stage = s.deals.stage, kinds = s.stages.kind, flags = s.deals.flags
        let created = s.deals.createdAt
        var dealState = [Int8](repeating: -1, count: dealCount)
        var dealOK = [Bool](repeating: false, count: dealCount)
        dealState.withUnsafeMutableBufferPointer { state in
            dealOK.withUnsafeMutableBufferPointer { ok in
                for d in 0..<dealCount where flags[d] & DealFacts.deleted == 0 {
                    ok[d] = created[d] <= t
                    let st = stage[d]
                    guard closedAt[d] <= t, st >= 0 else { continue }
                    let k = kinds[Int(st)]
                    state[d] = k == Kind.won ? 1 : k == Kind.lost ? 0 : -1
                }
            }
        }
        let leadCount = s.leads.receivedAt.count
        let received = s.leads.receivedAt, deleted = s.leads.deleted, leadDeal = s.leads.deal
        var leadOK = [Bool](repeating: false, count: leadCount)
        var leadWon = [Double](repeating: .infinity, count: leadCount)
        leadOK.withUnsafeMutableBufferPointer { ok in
            leadWon.withUnsafeMutableBufferPointer { won in
                for l in 0..<leadCount where !deleted[l] {
                    ok[l] = received[l] <= t
                    let d = leadDeal[l]
                    if d >= 0, dealState[Int(d)] == 1 { won[l] = closedAt[Int(d)] }
                }
            }
        }
        self.dealState = dealState
        self.leadWon = leadWon
        self.dealOK = dealOK
        self.leadOK = leadOK
        if !plain {
            for d in 0..<dealCount where dealOK[d] { self.dealOK[d] = deal(d) }
            for l in 0..<leadCount where leadOK[l] { self.leadOK[l] = lead(l, checkOwner: true) }
        }
    }

    func inPeriod(_ t: Double) -> Bool { t >= from && t < to }

    /// No filter and no period: every live fact counts.
    var isUnrestricted: Bool {
        ownerOK == nil && pipelineOK == nil && segmentOK == nil && sourceOK == nil && channelOK == nil && from == -.infinity && to == .infinity
    }

    /// Whether a lead's channel (a slot, -1 for none) passes the channel filter.
    func channel(_ c: Int32) -> Bool {
        guard let channelOK else { return true }
        return c >= 0 && channelOK[Int(c)]
    }

    /// The channel slot a lead counts under (-1: none).
    func channelOf(lead l: Int) -> Int32 {
        let c = snapshot.leads.channel[l]
        return c >= 0 ? channelRoot[Int(c)] : -1
    }

    func owner(_ u: Int32) -> Bool {
        guard let ownerOK else { return true }
        return u >= 0 && ownerOK[Int(u)]
    }

    private func segment(ofCompany c: Int32) -> Bool {
        guard let segmentOK else { return true }
        guard c >= 0 else { return false }
        let code = snapshot.companies.segment[Int(c)]
        return code >= 0 && segmentOK[Int(code)]
    }

    private func pipeline(_ p: Int32) -> Bool {
        guard let pipelineOK else { return true }
        return p >= 0 && pipelineOK[Int(p)]
    }

    /// Whether a lead passes every filter but the period (and, when asked, the owner).
    func lead(_ l: Int, checkOwner: Bool) -> Bool {
        guard !snapshot.leads.deleted[l], snapshot.leads.receivedAt[l] <= asOf else { return false }
        if checkOwner, !owner(snapshot.leads.owner[l]) { return false }
        if let sourceOK, !sourceOK[Int(snapshot.leads.source[l])] { return false }
        if !channel(snapshot.leads.channel[l]) { return false }
        if !segment(ofCompany: snapshot.leads.company[l]) { return false }
        if pipelineOK != nil {
            let d = snapshot.leads.deal[l]
            let dealMatches = d >= 0 && !snapshot.deals.has(Int(d), DealFacts.deleted) && pipeline(snapshot.deals.pipeline[Int(d)])
            if !pipeline(snapshot.leads.pipeline[l]), !dealMatches { return false }
        }
        return true
    }

    /// Whether a deal passes every filter but the period.
    func deal(_ d: Int) -> Bool {
        guard !snapshot.deals.has(d, DealFacts.deleted), snapshot.deals.createdAt[d] <= asOf else { return false }
        if !owner(snapshot.deals.owner[d]) { return false }
        if let sourceOK {
            let l = snapshot.deals.lead[d]
            if l < 0 || snapshot.leads.deleted[Int(l)] || !sourceOK[Int(snapshot.leads.source[Int(l)])] { return false }
        }
        if channelOK != nil {
            let l = snapshot.deals.lead[d]
            if l < 0 || snapshot.leads.deleted[Int(l)] || !channel(snapshot.leads.channel[Int(l)]) { return false }
        }
        if !segment(ofCompany: snapshot.deals.company[d]) { return false }
        if pipelineOK != nil, !pipeline(snapshot.deals.pipeline[d]) { return false }
        return true
    }
}
