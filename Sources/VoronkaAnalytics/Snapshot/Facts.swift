import Foundation
import VoronkaCore

/// Users: who manages whom.
struct UserFacts: Sendable {
    var index = IDIndex()
    var manager: [Int32] = []
    var id: [Int64] { index.ids }

    mutating func slot(_ id: Int64) -> Int32 {
        let s = index.slot(id)
        if Int(s) == manager.count { manager.append(-1) }
        return s
    }
}

/// Companies: segment code and owner slot.
struct CompanyFacts: Sendable {
    var index = IDIndex()
    var segment: [Int32] = []
    var owner: [Int32] = []
    var deleted: [Bool] = []
    var id: [Int64] { index.ids }

    mutating func slot(_ id: Int64) -> Int32 {
        let s = index.slot(id)
        if Int(s) == segment.count { segment.append(-1); owner.append(-1); deleted.append(false) }
        return s
    }
}

/// Stages: pipeline slot, position, kind, configured probability (0...1) and expected days (-1 when unset).
struct StageFacts: Sendable {
    var index = IDIndex()
    var pipeline: [Int32] = []
    var position: [Int32] = []
    var kind: [UInt8] = []
    var probability: [Double] = []
    var expectedDays: [Int32] = []
    var deleted: [Bool] = []
    var id: [Int64] { index.ids }

    mutating func slot(_ id: Int64) -> Int32 {
        let s = index.slot(id)
        if Int(s) == kind.count {
            pipeline.append(-1); position.append(0); kind.append(Kind.open); probability.append(0); expectedDays.append(-1)
            deleted.append(false)
        }
        return s
    }
}

/// Lead channels: group code (a position in `ChannelGroup.allCases`) and the slot of the channel each was merged
/// into (-1: none). `root` follows merges to the channel a lead counts under.
struct ChannelFacts: Sendable {
    var index = IDIndex()
    var group: [UInt8] = []
    var mergedInto: [Int32] = []
    var deleted: [Bool] = []
    var id: [Int64] { index.ids }

    mutating func slot(_ id: Int64) -> Int32 {
        let s = index.slot(id)
        if Int(s) == group.count { group.append(ChannelGroupCode.other); mergedInto.append(-1); deleted.append(false) }
        return s
    }

    /// The channel a merged channel counts under: the end of its merges (a loop, which the rules refuse, stops where it
    /// closes). -1 stays -1.
    func root(_ c: Int32) -> Int32 {
        var c = c, steps = 0
        while c >= 0, mergedInto[Int(c)] >= 0, steps < group.count {
            c = mergedInto[Int(c)]
            steps += 1
        }
        return c
    }

    /// Every channel's root, by slot: computed once per scope.
    var roots: [Int32] { (0..<group.count).map { root(Int32($0)) } }
}

/// Channel groups as stored: positions in `ChannelGroup.allCases`.
enum ChannelGroupCode {
    static let all = ChannelGroup.allCases
    static let other = code(.other)

    static func code(_ group: ChannelGroup) -> UInt8 { UInt8(all.firstIndex(of: group) ?? 0) }
}

/// Leads. `closedAt` is when the lead last entered a won, lost or postponed stage of its funnel (qualified, junk,
/// nurture); `parkedAt` the first time it was sent to junk or nurture; `reopened` that it later left junk or nurture.
struct LeadFacts: Sendable {
    var index = IDIndex()
    var receivedAt: [Double] = []
    var source: [UInt8] = []
    /// Channel slot (-1: none), as stored: merges are followed when a scope is made.
    var channel: [Int32] = []
    var owner: [Int32] = []
    var company: [Int32] = []
    var referrer: [Int32] = []
    var pipeline: [Int32] = []
    var stage: [Int32] = []
    var outcome: [UInt8] = []
    var firstResponseAt: [Double] = []
    var deal: [Int32] = []
    var closedAt: [Double] = []
    var parkedAt: [Double] = []
    var reopened: [Bool] = []
    var deleted: [Bool] = []
    var deletedCount = 0
    var id: [Int64] { index.ids }

    /// Appends a lead with nothing known but its id and arrival.
    mutating func append(id: Int64, receivedAt t: Double) -> Int32 {
        let s = index.slot(id)
        receivedAt.append(t); source.append(0); channel.append(-1); owner.append(-1); company.append(-1); referrer.append(-1)
        pipeline.append(-1); stage.append(-1); outcome.append(Outcome.none); firstResponseAt.append(.infinity)
        deal.append(-1); closedAt.append(.infinity); parkedAt.append(.infinity); reopened.append(false); deleted.append(false)
        return s
    }
}

/// Deals. Amounts are minor units of `currency` (a code of `Snapshot.currencies`); `closedAt` is when the deal
/// reached a won or lost stage; `lastVisit` the slot of its latest stage visit.
/// `postponedUntil` and `lastContact` are read by the nudge rules.
struct DealFacts: Sendable {
    var index = IDIndex()
    var createdAt: [Double] = []
    var updatedAt: [Double] = []
    var owner: [Int32] = []
    var pipeline: [Int32] = []
    var stage: [Int32] = []
    var amount: [Int64] = []
    var currency: [UInt8] = []
    var closedAt: [Double] = []
    var lead: [Int32] = []
    var company: [Int32] = []
    var probabilityOverride: [Int8] = []
    var expectedClose: [Int32] = []
    var deadline: [Int32] = []
    var flags: [UInt8] = []
    var lastVisit: [Int32] = []
    /// The day a postponed deal is to be looked at again (`noDay`: none).
    var postponedUntil: [Int32] = []
    /// When the latest call, meeting or e-mail on the deal was logged as done (`-.infinity`: never).
    var lastContact: [Double] = []
    var deletedCount = 0
    var id: [Int64] { index.ids }

    static let deleted: UInt8 = 1, referral: UInt8 = 2, hasContact: UInt8 = 4, needDescribed: UInt8 = 8, budgetKnown: UInt8 = 16

    mutating func append(id: Int64, createdAt t: Double) -> Int32 {
        let s = index.slot(id)
        createdAt.append(t); updatedAt.append(t); owner.append(-1); pipeline.append(-1); stage.append(-1); amount.append(0)
        currency.append(0); closedAt.append(.infinity); lead.append(-1); company.append(-1); probabilityOverride.append(-1)
        expectedClose.append(noDay); deadline.append(noDay); flags.append(0); lastVisit.append(-1)
        postponedUntil.append(noDay); lastContact.append(-.infinity)
        return s
    }

    func has(_ d: Int, _ flag: UInt8) -> Bool { flags[d] & flag != 0 }

    mutating func set(_ d: Int, _ flag: UInt8, _ on: Bool) {
        if on { flags[d] |= flag } else { flags[d] &= ~flag }
    }
}

/// Stage visits of deals: entered and left (`.infinity` while the deal is still there), the previous visit of the
/// same deal, and whether the deal had been in this stage before (`repeated`).
struct VisitFacts: Sendable {
    var deal: [Int32] = []
    var stage: [Int32] = []
    var enteredAt: [Double] = []
    var leftAt: [Double] = []
    var previous: [Int32] = []
    var repeated: [Bool] = []
}

extension VisitFacts {
    mutating func reserve(_ n: Int) {
        deal.reserveCapacity(n); stage.reserveCapacity(n); enteredAt.reserveCapacity(n); leftAt.reserveCapacity(n)
        previous.reserveCapacity(n); repeated.reserveCapacity(n)
    }
}
