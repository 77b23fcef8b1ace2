import Foundation
import VoronkaCore

/// An in-memory copy of the funnel's facts, laid out as parallel arrays for fast scans.
///
/// Times are seconds since 1970 (`.infinity` when absent), calendar days are days since 1970 (`noDay` when absent)
/// and references between facts are slots, positions in the other fact's arrays (`-1` when absent).
/// Build one with `SnapshotBuilder`; every metric in `Metrics` is a pure function of a snapshot and an as-of date.
public struct Snapshot: Sendable {
    /// The sequence number of the last journal entry applied.
    public internal(set) var lastSeq: Int64 = 0
    var users = UserFacts()
    var companies = CompanyFacts()
    var pipelines = IDIndex()
    var stages = StageFacts()
    var channels = ChannelFacts()
    var leads = LeadFacts()
    var deals = DealFacts()
    var visits = VisitFacts()
    var segments = Interner()
    var currencies = Interner()

    public init() {}

    /// Live leads, deals and stage visits held (deleted records are kept but not counted).
    public var counts: (leads: Int, deals: Int, visits: Int) {
        (leads.id.count - leads.deletedCount, deals.id.count - deals.deletedCount, visits.deal.count)
    }

    /// The user and everyone who reports to them, directly or through other managers: a team for `AnalyticsFilter.team`.
    public func team(of managerID: Int64) -> Set<Int64> {
        var team: Set<Int64> = [managerID]
        var grew = true
        while grew {
            grew = false
            for u in users.id.indices {
                let m = users.manager[u]
                if m >= 0, team.contains(users.id[Int(m)]), team.insert(users.id[u]).inserted { grew = true }
            }
        }
        return team
    }

    /// Approximate bytes held by the fact arrays and their id indexes.
    public var approximateBytes: Int {
        let leadBytes = leads.id.count * (8 + 8 + 1 + 4 + 4 + 4 + 4 + 4 + 4 + 1 + 8 + 4 + 8 + 8 + 1) + leads.index.bytes
        let dealBytes = deals.id.count * (8 + 8 + 8 + 4 + 4 + 4 + 8 + 1 + 8 + 4 + 4 + 1 + 4 + 4 + 1 + 4 + 4 + 8) + deals.index.bytes
        let visitBytes = visits.deal.count * (4 + 4 + 8 + 8 + 4 + 1)
        let rest = (users.id.count + companies.id.count + stages.id.count) * 40
        return leadBytes + dealBytes + visitBytes + rest
    }
}

/// Ids to slots for one kind of fact. Ids are mostly dense (a table's own sequence), so those below a bound that grows
/// with the count live in an array indexed by id; the rest in a dictionary. A lookup is then an array read, which
/// made building a million-deal snapshot several seconds faster than hashing every reference.
struct IDIndex: Sendable {
    /// Slot by id for ids in `0..<dense.count` (-1: none).
    private var dense: [Int32] = []
    private var sparse: [Int64: Int32] = [:]
    var ids: [Int64] = []

    /// Ids below this go to the dense array (at most four entries per id held, and never less than 2^16).
    private var denseLimit: Int64 { Int64(max(1 << 16, 4 * (ids.count + 1))) }

    @inline(__always)
    subscript(_ id: Int64) -> Int32? {
        if id >= 0, id < Int64(dense.count) {
            let s = dense[Int(id)]
            if s >= 0 { return s }
        }
        return sparse.isEmpty ? nil : sparse[id]
    }

    /// The slot of an id, adding it when new.
    @inline(__always)
    mutating func slot(_ id: Int64) -> Int32 {
        if let s = self[id] { return s }
        let s = Int32(ids.count)
        ids.append(id)
        if id >= 0, id < denseLimit {
            if id >= Int64(dense.count) {
                dense.append(contentsOf: repeatElement(-1, count: max(Int(id) + 1, dense.count * 2) - dense.count))
            }
            dense[Int(id)] = s
        } else {
            sparse[id] = s
        }
        return s
    }

    /// Room for this many ids.
    mutating func reserve(_ n: Int) { ids.reserveCapacity(n) }

    /// Approximate bytes held.
    var bytes: Int { dense.capacity * 4 + sparse.capacity * 13 + ids.capacity * 8 }
}

/// Strings (segments, currencies) to small codes.
struct Interner: Sendable {
    var names: [String] = []
    var codes: [String: Int32] = [:]

    mutating func code(_ name: String) -> Int32 {
        if let c = codes[name] { return c }
        let c = Int32(names.count)
        names.append(name)
        codes[name] = c
        return c
    }
}

/// A calendar day that is absent.
let noDay = Int32.min

/// Stage kinds as stored: positions in `StageKind.allCases`.
enum Kind {
    static let open: UInt8 = 0, won: UInt8 = 1, lost: UInt8 = 2, postponed: UInt8 = 3

    static func code(_ kind: StageKind) -> UInt8 {
        switch kind { case .open: open; case .won: won; case .lost: lost; case .postponed: postponed }
    }
}

/// Lead outcomes as stored.
enum Outcome {
    static let none: UInt8 = 0, deal: UInt8 = 1, nurture: UInt8 = 2, junk: UInt8 = 3

    static func code(_ outcome: LeadOutcome?) -> UInt8 {
        switch outcome { case nil: none; case .deal?: deal; case .nurture?: nurture; case .junk?: junk }
    }
}

/// Lead sources as stored: positions in `LeadSource.allCases`.
enum Source {
    static let all = LeadSource.allCases
    static let referral = code(.referral)
    static let reactivation = code(.reactivation)

    static func code(_ source: LeadSource) -> UInt8 { UInt8(all.firstIndex(of: source) ?? 0) }
}
