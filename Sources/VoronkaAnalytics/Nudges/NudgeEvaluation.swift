import Foundation
import VoronkaCore

/// Who may be told: the active users, and the heads of sales that escalations and ownerless records go to.
public struct NudgePeople: Sendable {
    public var active: Set<Int64>
    /// Active heads of sales (the installation's admins when it has none).
    public var heads: [Int64]
    /// Active sales reps: a lead nobody owns is offered to each, and the first to take it owns it.
    public var reps: [Int64]

    public init(active: Set<Int64>, heads: [Int64], reps: [Int64] = []) {
        self.active = active; self.heads = heads.sorted(); self.reps = reps.sorted()
    }
}

/// The records one evaluation looks at: everything, or only some (after one record was acted on). Nil: every record
/// of the kind; an empty set: none.
public struct NudgeScope: Sendable {
    public var deals: Set<Int64>?
    public var leads: Set<Int64>?
    public var companies: Set<Int64>?

    public static let everything = NudgeScope(deals: nil, leads: nil, companies: nil)

    public init(deals: Set<Int64>?, leads: Set<Int64>?, companies: Set<Int64>?) {
        self.deals = deals; self.leads = leads; self.companies = companies
    }

    /// Whether a nudge about this record belongs to the scope.
    public func contains(_ entity: EntityKind, _ id: Int64) -> Bool {
        switch entity {
        case .deal: deals?.contains(id) ?? true
        case .lead: leads?.contains(id) ?? true
        case .company: companies?.contains(id) ?? true
        // The rules make nudges about deals, leads and companies only; others (a webhook switched off) are not theirs to close.
        default: false
        }
    }
}

/// Each stage's stall limit at a moment (its expected days, else the 80th percentile of its past visits): the one part
/// of an evaluation that reads every visit, worth keeping between a whole evaluation and the one-record ones after it.
public struct NudgeNorms: Sendable {
    let limits: [Double]
    let basis: [String]

    /// The stages' limits as of `now`.
    public init(_ s: Snapshot, now: Date) {
        (limits, basis) = Metrics.stallLimits(s, asOf: now.timeIntervalSince1970)
    }

    /// Whether they cover every stage of the snapshot (a stage added since has none).
    func covers(_ s: Snapshot) -> Bool { limits.count == s.stages.kind.count }
}

/// The nudge rules as pure functions of the funnel's state at a moment. Nothing here remembers what was found before:
/// every evaluation recomputes what is due now, so a server that was down catches up and a changed threshold applies
/// to old records at once. Each candidate's key names the rule, the record, the person and the due period; storing
/// candidates by key makes a second evaluation add nothing.
public enum NudgeEngine {
    /// Every nudge due at `now`, in a stable order (rule, record, level, person).
    /// `norms`: the stages' limits when computed recently (else they are computed now).
    /// `qualification`: the open deals that break a qualification rule (the control report's findings).
    public static func evaluate(_ s: Snapshot, settings: NudgeSettings, people: NudgePeople, now: Date,
                                scope: NudgeScope = .everything, norms: NudgeNorms? = nil,
                                qualification: [Int64: QualificationFlags] = [:]) -> [NudgeCandidate] {
        var out: [NudgeCandidate] = []
        let t = now.timeIntervalSince1970
        var stalledDeals = Set<Int>()
        if settings.stalled.enabled {
            let limits = norms.flatMap { $0.covers(s) ? $0 : nil } ?? NudgeNorms(s, now: now)
            stalled(s, settings.stalled, people, t, scope, limits, &out, &stalledDeals)
        }
        if settings.postponed.enabled { postponed(s, settings.postponed, people, t, scope, &out) }
        if settings.stale.enabled { stale(s, settings.stale, people, t, scope, skipping: stalledDeals, &out) }
        if settings.leadResponse.enabled { leadResponse(s, settings.leadResponse, people, t, scope, &out) }
        if settings.yearlyBuyer.enabled { yearlyBuyers(s, settings.yearlyBuyer, people, t, scope, &out) }
        if settings.qualification.enabled { qualificationRule(s, qualification, people, t, scope, &out) }
        return out
    }

    // MARK: qualification

    /// One nudge per flagged open deal to its owner; its key holds the flags, so a deal that is fixed in part is told
    /// again with what is left, and one fixed in full closes.
    static func qualificationRule(_ s: Snapshot, _ flagged: [Int64: QualificationFlags], _ people: NudgePeople, _ t: Double,
                                  _ scope: NudgeScope, _ out: inout [NudgeCandidate]) {
        for (id, flags) in flagged.sorted(by: { $0.key < $1.key }) where !flags.isEmpty {
            if let only = scope.deals, !only.contains(id) { continue }
            guard let slot = s.deals.index[id] else { continue }
            let d = Int(slot)
            let v = Int(s.deals.lastVisit[d])
            guard live(s, d, t), v >= 0, s.stages.kind[Int(s.visits.stage[v])] == Kind.open else { continue }
            let since = s.visits.enteredAt[v]
            for user in firstInLine(s, owner: s.deals.owner[d], people) {
                out.append(NudgeCandidate(key: "qualification:deal:\(id):\(flags.rawValue):\(user)", rule: .qualification, entity: .deal,
                                          entityID: id, userID: user, level: 0, dueAt: Date(timeIntervalSince1970: since),
                                          urgency: NudgeCandidate.urgency(level: 0, amount: s.deals.amount[d]),
                                          reason: NudgeTexts.qualification(flags)))
            }
        }
    }

    // MARK: recipients

    /// The owner when active; else the first active manager above them; else the heads of sales.
    static func firstInLine(_ s: Snapshot, owner: Int32, _ people: NudgePeople) -> [Int64] {
        var u = owner, steps = 0
        while u >= 0, steps <= s.users.manager.count {
            let id = s.users.id[Int(u)]
            if people.active.contains(id) { return [id] }
            u = s.users.manager[Int(u)]
            steps += 1
        }
        return people.heads
    }

    /// The active manager above the owner (skipping inactive ones), if any.
    static func manager(_ s: Snapshot, of owner: Int32, _ people: NudgePeople) -> Int64? {
        guard owner >= 0 else { return nil }
        var u = s.users.manager[Int(owner)], steps = 0
        while u >= 0, steps <= s.users.manager.count {
            let id = s.users.id[Int(u)]
            if people.active.contains(id) { return id }
            u = s.users.manager[Int(u)]
            steps += 1
        }
        return nil
    }

    /// The deal slots of the scope, in slot order.
    static func dealSlots(_ s: Snapshot, _ scope: NudgeScope) -> [Int] {
        scope.deals.map { $0.compactMap { s.deals.index[$0].map(Int.init) }.sorted() } ?? Array(0..<s.deals.createdAt.count)
    }

    static func live(_ s: Snapshot, _ d: Int, _ t: Double) -> Bool {
        !s.deals.has(d, DealFacts.deleted) && s.deals.closedAt[d] > t && s.deals.createdAt[d] <= t
    }

    // MARK: stalled

    static func stalled(_ s: Snapshot, _ rule: NudgeSettings.Stalled, _ people: NudgePeople, _ t: Double, _ scope: NudgeScope,
                        _ norms: NudgeNorms, _ out: inout [NudgeCandidate], _ found: inout Set<Int>) {
        let limits = norms.limits, basis = norms.basis
        for d in dealSlots(s, scope) where live(s, d, t) {
            let v = Int(s.deals.lastVisit[d])
            guard v >= 0 else { continue }
            let st = Int(s.visits.stage[v])
            guard s.stages.kind[st] == Kind.open, limits[st].isFinite else { continue }
            let id = s.deals.id[d]
            // The clock starts when the deal entered its stage, and again at every call, meeting or e-mail logged since.
            let contact = s.deals.lastContact[d]
            let start = contact <= t ? max(s.visits.enteredAt[v], contact) : s.visits.enteredAt[v]
            let due = start + limits[st] * 86_400
            guard t > due else { continue }
            found.insert(d)
            let days = Int(((t - start) / 86_400).rounded(.down))
            let limit = Int(limits[st].rounded())
            let sinceContact = contact <= t && contact >= s.visits.enteredAt[v]
            let amount = s.deals.amount[d]
            func add(_ user: Int64, _ level: Int, _ at: Double) {
                out.append(NudgeCandidate(key: "stalled:deal:\(id):\(Int64(start.rounded(.down))):\(level):\(user)", rule: .stalled,
                                          entity: .deal, entityID: id, userID: user, level: level, dueAt: Date(timeIntervalSince1970: at),
                                          urgency: NudgeCandidate.urgency(level: level, amount: amount),
                                          reason: NudgeTexts.stalled(days: days, limit: limit, basis: basis[st], sinceContact: sinceContact, level: level)))
            }
            let owner = s.deals.owner[d]
            let first = firstInLine(s, owner: owner, people)
            for user in first { add(user, 0, due) }
            var told = Set(first)
            if let after = rule.managerAfterDays, t > due + Double(after) * 86_400, let m = manager(s, of: owner, people), !told.contains(m) {
                add(m, 1, due + Double(after) * 86_400)
                told.insert(m)
            }
            if let after = rule.headAfterDays, t > due + Double(after) * 86_400 {
                for head in people.heads where !told.contains(head) { add(head, 2, due + Double(after) * 86_400) }
            }
        }
    }

    // MARK: postponed

    static func postponed(_ s: Snapshot, _ rule: NudgeSettings.Postponed, _ people: NudgePeople, _ t: Double, _ scope: NudgeScope,
                          _ out: inout [NudgeCandidate]) {
        let period = Double(rule.everyDays) * 86_400
        for d in dealSlots(s, scope) where live(s, d, t) {
            let v = Int(s.deals.lastVisit[d])
            guard v >= 0, s.stages.kind[Int(s.visits.stage[v])] == Kind.postponed else { continue }
            let id = s.deals.id[d]
            // The first check-in is the day the deal was postponed until, else one period after it was postponed;
            // then one every period.
            let until = s.deals.postponedUntil[d]
            let anchor = until != noDay ? Double(until) * 86_400 : s.visits.enteredAt[v] + period
            guard t >= anchor else { continue }
            let k = ((t - anchor) / period).rounded(.down)
            let due = anchor + k * period
            // A call, meeting or e-mail logged since it came due is the check-in.
            if s.deals.lastContact[d] >= due, s.deals.lastContact[d] <= t { continue }
            let text = NudgeTexts.postponed(untilDay: until != noDay ? Int(until) : nil, days: Int(((t - s.visits.enteredAt[v]) / 86_400).rounded(.down)))
            for user in firstInLine(s, owner: s.deals.owner[d], people) {
                out.append(NudgeCandidate(key: "postponed:deal:\(id):\(Int64(anchor)):\(Int64(k)):\(user)", rule: .postponed, entity: .deal,
                                          entityID: id, userID: user, level: 0, dueAt: Date(timeIntervalSince1970: due),
                                          urgency: NudgeCandidate.urgency(level: 0, amount: s.deals.amount[d]), reason: text))
            }
        }
    }

    // MARK: stale

    static func stale(_ s: Snapshot, _ rule: NudgeSettings.Stale, _ people: NudgePeople, _ t: Double, _ scope: NudgeScope,
                      skipping stalled: Set<Int>, _ out: inout [NudgeCandidate]) {
        let limit = Double(rule.days) * 86_400
        for d in dealSlots(s, scope) where live(s, d, t) && !stalled.contains(d) {
            let v = Int(s.deals.lastVisit[d])
            guard v >= 0, s.stages.kind[Int(s.visits.stage[v])] == Kind.open else { continue }
            let id = s.deals.id[d]
            let contact = s.deals.lastContact[d]
            let touched = max(s.deals.updatedAt[d], contact <= t ? contact : -.infinity)
            guard t > touched + limit else { continue }
            let days = Int(((t - touched) / 86_400).rounded(.down))
            for user in firstInLine(s, owner: s.deals.owner[d], people) {
                out.append(NudgeCandidate(key: "stale:deal:\(id):\(Int64(touched.rounded(.down))):\(user)", rule: .stale, entity: .deal,
                                          entityID: id, userID: user, level: 0, dueAt: Date(timeIntervalSince1970: touched + limit),
                                          urgency: NudgeCandidate.urgency(level: 0, amount: s.deals.amount[d]),
                                          reason: NudgeTexts.stale(days: days, limit: rule.days)))
            }
        }
    }

    // MARK: lead response

    static func leadResponse(_ s: Snapshot, _ rule: NudgeSettings.LeadResponse, _ people: NudgePeople, _ t: Double, _ scope: NudgeScope,
                             _ out: inout [NudgeCandidate]) {
        let target = Double(rule.targetHours) * 3600
        // A lead older than this many targets is history, not a lead to answer now.
        let oldest = t - max(30 * 86_400, 10 * target)
        let slots = scope.leads.map { $0.compactMap { s.leads.index[$0].map(Int.init) }.sorted() } ?? Array(0..<s.leads.receivedAt.count)
        for l in slots where !s.leads.deleted[l] {
            let received = s.leads.receivedAt[l]
            guard received > oldest, s.leads.firstResponseAt[l] == .infinity, s.leads.closedAt[l] > t,
                  s.leads.outcome[l] == Outcome.none, t > received + target else { continue }
            let id = s.leads.id[l]
            let hours = Int(((t - received) / 3600).rounded(.down))
            let owner = s.leads.owner[l]
            let first = owner < 0 && !people.reps.isEmpty ? people.reps : firstInLine(s, owner: owner, people)
            func add(_ user: Int64, _ level: Int, _ at: Double) {
                out.append(NudgeCandidate(key: "lead_response:lead:\(id):\(level):\(user)", rule: .leadResponse, entity: .lead, entityID: id,
                                          userID: user, level: level, dueAt: Date(timeIntervalSince1970: at),
                                          urgency: NudgeCandidate.urgency(level: level + 1, amount: 0),
                                          reason: NudgeTexts.leadResponse(hours: hours, target: rule.targetHours, owned: owner >= 0, level: level)))
            }
            for user in first { add(user, 0, received + target) }
            if let after = rule.managerAfterHours, t > received + target + Double(after) * 3600,
               let m = manager(s, of: owner, people), !first.contains(m) {
                add(m, 1, received + target + Double(after) * 3600)
            }
        }
    }

    // MARK: yearly buyers

    static func yearlyBuyers(_ s: Snapshot, _ rule: NudgeSettings.YearlyBuyer, _ people: NudgePeople, _ t: Double, _ scope: NudgeScope,
                             _ out: inout [NudgeCandidate]) {
        if let only = scope.companies, only.isEmpty { return }
        let report = Metrics.yearlyBuyers(s, .all, asOf: Date(timeIntervalSince1970: t))
        for buyer in report.companies {
            if let only = scope.companies, !only.contains(buyer.companyID) { continue }
            guard let next = Day(buyer.nextPurchase) else { continue }
            let due = Double(next.daysSinceEpoch - rule.daysBefore) * 86_400
            guard t >= due, let c = s.companies.index[buyer.companyID] else { continue }
            let text = NudgeTexts.yearlyBuyer(month: buyer.month, years: buyer.years, next: next)
            for user in firstInLine(s, owner: s.companies.owner[Int(c)], people) {
                out.append(NudgeCandidate(key: "yearly_buyer:company:\(buyer.companyID):\(buyer.nextPurchase):\(user)", rule: .yearlyBuyer,
                                          entity: .company, entityID: buyer.companyID, userID: user, level: 0,
                                          dueAt: Date(timeIntervalSince1970: due), urgency: NudgeCandidate.urgency(level: 0, amount: 0),
                                          reason: text))
            }
        }
    }
}
