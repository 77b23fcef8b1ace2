import Foundation
import VoronkaCore

/// A seeded random source (SplitMix64), so that property tests and benchmarks are reproducible.
struct Seeded: RandomNumberGenerator {
    private var state: UInt64

    init(_ seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
    mutating func exponential(_ mean: Double) -> Double { -mean * log(1 - unit()) }
}

/// A large synthetic funnel built straight from entities, for timing: leads, deals from some of them, stage events.
struct SyntheticFunnel {
    static let day = 86_400.0
    var users: [User] = []
    var companies: [Company] = []
    var stages: [Stage] = []
    var leads: [Lead] = []
    var deals: [Deal] = []
    var dealEvents: [(dealID: Int64, stageID: Int64, at: Date)] = []
    var leadEvents: [(leadID: Int64, stageID: Int64, at: Date)] = []

    /// Lead funnel stages 1…5 (new, in work, qualified, nurture, junk); deal pipeline 2: open 6…10, won 11, lost 12, postponed 13.
    static func standardStages() -> [Stage] {
        [Stage(id: 1, pipelineID: 1, name: "New", kind: .open, position: 0, probability: 0, expectedDays: 1),
         Stage(id: 2, pipelineID: 1, name: "In work", kind: .open, position: 1, probability: 0, expectedDays: 3),
         Stage(id: 3, pipelineID: 1, name: "Qualified", kind: .won, position: 2, probability: 100),
         Stage(id: 4, pipelineID: 1, name: "Nurture", kind: .postponed, position: 3, probability: 0),
         Stage(id: 5, pipelineID: 1, name: "Junk", kind: .lost, position: 4, probability: 0),
         Stage(id: 6, pipelineID: 2, name: "Before qualification", kind: .open, position: 0, probability: 0, expectedDays: 14),
         Stage(id: 7, pipelineID: 2, name: "Qualified", kind: .open, position: 1, probability: 10, expectedDays: 30),
         Stage(id: 8, pipelineID: 2, name: "Solution", kind: .open, position: 2, probability: 40),
         Stage(id: 9, pipelineID: 2, name: "Price", kind: .open, position: 3, probability: 50, expectedDays: 30),
         Stage(id: 10, pipelineID: 2, name: "Handshake", kind: .open, position: 4, probability: 85, expectedDays: 30),
         Stage(id: 11, pipelineID: 2, name: "Won", kind: .won, position: 5, probability: 100),
         Stage(id: 12, pipelineID: 2, name: "Lost", kind: .lost, position: 6, probability: 0),
         Stage(id: 13, pipelineID: 2, name: "Postponed", kind: .postponed, position: 7, probability: 0, expectedDays: 90)]
    }

    /// `leadCount` leads over `years` years before `now`, about 40 % of them becoming deals.
    init(leadCount: Int, companyCount: Int, years: Double, now: Double, seed: UInt64) {
        var rng = Seeded(seed)
        let reps = 50
        for id in 1...Int64(reps + 5) {
            let manager: Int64? = id <= 5 ? nil : (id % 5) + 1
            users.append(User(id: id, name: "U\(id)", email: "u\(id)@x.ru", role: id <= 5 ? .headOfSales : .salesRep, managerID: manager))
        }
        let segments = ["energy", "chemicals", "food", "metals", "public"]
        for id in 1...Int64(companyCount) {
            let owner = Int64(6 + Int(id) % reps)
            companies.append(Company(id: id, name: "C\(id)", segment: segments[Int(id) % segments.count], ownerID: owner))
        }
        stages = SyntheticFunnel.standardStages()
        let sources = LeadSource.allCases
        let start = now - years * 365 * SyntheticFunnel.day
        leads.reserveCapacity(leadCount)
        deals.reserveCapacity(leadCount / 2)
        leadEvents.reserveCapacity(leadCount * 3)
        dealEvents.reserveCapacity(leadCount * 2)
        for i in 0..<leadCount {
            let id = Int64(i + 1)
            let received = (start + (now - start) * Double(i) / Double(leadCount)).rounded(.down)
            let company: Int64? = rng.chance(0.85) ? Int64(1 + rng.below(companyCount)) : nil
            let owner = company.map { Int64(6 + Int($0) % reps) } ?? Int64(6 + rng.below(reps))
            let source = sources[rng.below(sources.count)]
            let answered = (received + rng.exponential(4) * 3600).rounded(.down)
            var lead = Lead(id: id, receivedAt: Date(timeIntervalSince1970: received), source: source,
                            referrerCompanyID: source == .referral ? Int64(1 + rng.below(companyCount)) : nil, companyID: company,
                            ownerID: owner, firstResponseAt: answered <= now ? Date(timeIntervalSince1970: answered) : nil,
                            pipelineID: 1, stageID: 1)
            leadEvents.append((id, 1, Date(timeIntervalSince1970: received)))
            guard answered <= now else { leads.append(lead); continue }
            lead.stageID = 2
            leadEvents.append((id, 2, Date(timeIntervalSince1970: answered)))
            let triaged = (answered + rng.exponential(2) * SyntheticFunnel.day).rounded(.down)
            guard triaged <= now else { leads.append(lead); continue }
            let r = rng.unit()
            if r < 0.48, let company {
                lead.outcome = .deal
                lead.stageID = 3
                lead.dealID = Int64(deals.count + 1)
                leadEvents.append((id, 3, Date(timeIntervalSince1970: triaged)))
                makeDeal(id: Int64(deals.count + 1), lead: id, company: company, owner: owner, created: triaged,
                         referral: source == .referral, now: now, rng: &rng)
            } else {
                lead.outcome = r < 0.7 ? .nurture : .junk
                lead.stageID = r < 0.7 ? 4 : 5
                leadEvents.append((id, lead.stageID, Date(timeIntervalSince1970: triaged)))
            }
            leads.append(lead)
        }
    }

    private mutating func makeDeal(id: Int64, lead: Int64, company: Int64, owner: Int64, created: Double, referral: Bool,
                                   now: Double, rng: inout Seeded) {
        let currencies = ["RUB", "RUB", "RUB", "USD", "EUR"]
        var deal = Deal(id: id, title: "D\(id)", companyID: company, contactIDs: rng.chance(0.8) ? [id] : [], ownerID: owner,
                        pipelineID: 2, stageID: 6, amount: Int64(1 + rng.below(5_000)) * 100_000, currency: currencies[rng.below(5)],
                        expectedClose: Day(Date(timeIntervalSince1970: created + rng.exponential(90) * SyntheticFunnel.day)),
                        probabilityOverride: rng.chance(0.1) ? Int64(rng.below(101)) : nil, leadID: lead, referral: referral,
                        needDescribed: rng.chance(0.6) ? true : nil, budgetStatus: rng.chance(0.5) ? .allocated : .unknown,
                        deadline: rng.chance(0.4) ? Day(Date(timeIntervalSince1970: created + 200 * SyntheticFunnel.day)) : nil,
                        stageEnteredAt: Date(timeIntervalSince1970: created), createdAt: Date(timeIntervalSince1970: created))
        dealEvents.append((id, 6, Date(timeIntervalSince1970: created)))
        var t = created
        var stage: Int64 = 6
        while true {
            let next = (t + (0.5 + rng.exponential(12)) * SyntheticFunnel.day).rounded(.down)
            guard next <= now else { break }
            let r = rng.unit()
            if r < 0.12 {
                stage = 12
                deal.closedAt = Date(timeIntervalSince1970: next)
            } else if r < 0.14 {
                stage = 13
            } else {
                stage = stage == 10 ? 11 : stage + 1
                if stage == 11 { deal.closedAt = Date(timeIntervalSince1970: next) }
            }
            t = next
            dealEvents.append((id, stage, Date(timeIntervalSince1970: t)))
            if stage >= 11 { break }
        }
        deal.stageID = stage
        deal.stageEnteredAt = Date(timeIntervalSince1970: t)
        deals.append(deal)
    }
}
