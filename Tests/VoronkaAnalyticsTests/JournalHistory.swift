import Foundation
import VoronkaCore
@testable import VoronkaAnalytics

/// A random but reproducible history written as the journal would hold it, and the stored state it leaves: the inputs
/// of both ways of building a snapshot (entry by entry, and in bulk).
struct JournalHistory {
    static let day = 86_400.0
    var entries: [JournalEntry] = []
    var leads: [Lead] = []
    var deals: [Deal] = []
    var dealEvents: [(dealID: Int64, stageID: Int64, at: Date)] = []
    var leadEvents: [(leadID: Int64, stageID: Int64, at: Date)] = []
    var dealUpdatedAt: [Int64: Date] = [:]
    let stages = SyntheticFunnel.standardStages()
    var companies: [Company] = []
    let users = [User(id: 5, name: "Head", email: "h@x.ru", role: .headOfSales),
                 User(id: 6, name: "Rep 6", email: "r6@x.ru", role: .salesRep, managerID: 5),
                 User(id: 7, name: "Rep 7", email: "r7@x.ru", role: .salesRep, managerID: 5)]
    var lastSeq: Int64 { entries.last?.seq ?? 0 }

    private struct Raw { let at: Double; let order: Int; let kind: EntityKind; let id: Int64; let action: JournalAction; let changes: [FieldChange] }
    private var raw: [Raw] = []
    private var rng: Seeded

    /// `leadCount` leads over the two years before `now`.
    init(seed: UInt64, leadCount: Int, now: Double) {
        rng = Seeded(seed)
        let start = now - 2 * 365 * JournalHistory.day
        for i in 1...20 {
            let segment = i % 2 == 0 ? "energy" : "food"
            let owner = Int64(6 + i % 2)
            companies.append(Company(id: Int64(100 + i), name: "C\(i)", segment: segment, ownerID: owner))
        }
        for u in users { create(.user, u.record, at: start - 10) }
        for c in companies { create(.company, c.record, at: start - 9) }
        for s in stages { create(.stage, s.record, at: start - 8) }
        var nextDeal: Int64 = 1
        for i in 0..<leadCount {
            let id = Int64(i + 1)
            let received = (start + (now - start) * Double(i) / Double(leadCount)).rounded(.down)
            let company: Int64? = rng.chance(0.85) ? Int64(101 + rng.below(20)) : nil
            let owner: Int64 = rng.chance(0.5) ? 6 : 7
            let source = LeadSource.allCases[rng.below(LeadSource.allCases.count)]
            let lead = Lead(id: id, receivedAt: Date(timeIntervalSince1970: received), source: source,
                            referrerCompanyID: source == .referral ? Int64(101 + rng.below(20)) : nil, companyName: "x",
                            companyID: company, ownerID: owner, pipelineID: 1, stageID: 1)
            create(.lead, lead.record, at: received)
            guard rng.chance(0.92) else { continue }
            let answered = (received + rng.exponential(5) * 3600).rounded(.down)
            update(.lead, id, at: answered, [("first_response_at", .time(Date(timeIntervalSince1970: answered))), ("stage_id", .int(2))])
            var t = (answered + rng.exponential(2) * JournalHistory.day).rounded(.down)
            var reopenings = 0
            while true {
                let r = rng.unit()
                if r < 0.45, let company {
                    let dealID = nextDeal
                    nextDeal += 1
                    makeDeal(dealID, lead: id, company: company, owner: owner, at: t, now: now)
                    update(.lead, id, at: t, [("stage_id", .int(3)), ("outcome", .text("deal")), ("deal_id", .int(dealID))])
                    break
                }
                let nurture = r < 0.7
                update(.lead, id, at: t, [("stage_id", .int(nurture ? 4 : 5)), ("outcome", .text(nurture ? "nurture" : "junk"))])
                guard reopenings == 0, rng.chance(0.25) else { break }
                reopenings += 1
                t = (t + (10 + rng.exponential(30)) * JournalHistory.day).rounded(.down)
                update(.lead, id, at: t, [("stage_id", .int(2)), ("outcome", .null)])
                t = (t + rng.exponential(3) * JournalHistory.day).rounded(.down)
            }
            if rng.chance(0.03) { update(.lead, id, at: received + 3 * JournalHistory.day, [("deleted_at", .time(Date(timeIntervalSince1970: received + 3 * JournalHistory.day)))], action: .delete) }
        }
        finish(now: now)
    }

    private mutating func makeDeal(_ id: Int64, lead: Int64, company: Int64, owner: Int64, at created: Double, now: Double) {
        let currencies = ["RUB", "RUB", "USD", "EUR"]
        var deal = Deal(id: id, title: "D\(id)", companyID: company, contactIDs: rng.chance(0.7) ? [1] : [], ownerID: owner, pipelineID: 2,
                        stageID: 6, amount: Int64(1 + rng.below(1000)) * 10_000, currency: currencies[rng.below(4)],
                        expectedClose: Day(Date(timeIntervalSince1970: created + rng.exponential(60) * JournalHistory.day)),
                        probabilityOverride: rng.chance(0.1) ? Int64(rng.below(101)) : nil, leadID: lead, referral: rng.chance(0.1),
                        needDescribed: rng.chance(0.5) ? true : nil, budgetStatus: rng.chance(0.5) ? .allocated : .unknown,
                        deadline: rng.chance(0.3) ? Day("2030-01-01") : nil)
        deal.createdAt = Date(timeIntervalSince1970: created)
        create(.deal, deal.record, at: created)
        var t = created
        var stage: Int64 = 6
        while true {
            t = (t + (0.2 + rng.exponential(8)) * JournalHistory.day).rounded(.down)
            guard t <= now else { return }
            let r = rng.unit()
            if r < 0.1 {
                update(.deal, id, at: t, [("amount", .int(Int64(1 + rng.below(1000)) * 10_000))])
                continue
            }
            if r < 0.25 {
                update(.deal, id, at: t, [("stage_id", .int(12)), ("lost_reason", .text("price")), ("closed_at", .time(Date(timeIntervalSince1970: t)))])
                break
            }
            if r < 0.3, stage != 13 {
                let left = stage
                update(.deal, id, at: t, [("stage_id", .int(13)), ("postponed_until", .day(Day(Date(timeIntervalSince1970: t + 30 * JournalHistory.day))))])
                stage = 13
                guard rng.chance(0.5) else { break }
                t += 30 * JournalHistory.day
                guard t <= now else { return }
                update(.deal, id, at: t, [("stage_id", .int(left)), ("postponed_until", .null)])
                stage = left
                continue
            }
            if stage == 10 {
                update(.deal, id, at: t, [("stage_id", .int(11)), ("closed_at", .time(Date(timeIntervalSince1970: t)))])
                break
            }
            stage = stage == 13 ? 6 : stage + 1
            update(.deal, id, at: t, [("stage_id", .int(stage))])
        }
        if rng.chance(0.03) { update(.deal, id, at: t + 1, [("deleted_at", .time(Date(timeIntervalSince1970: t + 1)))], action: .delete) }
    }

    private mutating func create(_ kind: EntityKind, _ record: Record, at t: Double) {
        raw.append(Raw(at: t, order: raw.count, kind: kind, id: record.int("id")!, action: .create,
                       changes: JournalEntry.diff(Record(), record, fields: kind.fields)))
    }

    private mutating func update(_ kind: EntityKind, _ id: Int64, at t: Double, _ values: [(String, FieldValue)], action: JournalAction? = nil) {
        let changes = values.map { FieldChange(field: $0.0, old: .null, new: $0.1) }
        raw.append(Raw(at: t, order: raw.count, kind: kind, id: id,
                       action: action ?? (values.contains { $0.0 == "stage_id" } ? .stage : .update), changes: changes))
    }

    /// Orders the entries by time, numbers them, and replays them into the stored state.
    private mutating func finish(now: Double) {
        raw.sort { ($0.at, $0.order) < ($1.at, $1.order) }
        var records: [EntityKind: [Int64: Record]] = [:]
        var createdSeq: [EntityKind: [Int64: Int64]] = [:]
        var deleted = Set<String>()
        for (i, r) in raw.enumerated() where r.at <= now {
            let seq = Int64(i + 1)
            let entry = JournalEntry(seq: seq, at: Date(timeIntervalSince1970: r.at), actorID: 6, entity: r.kind, entityID: r.id,
                                     action: r.action, changes: r.changes)
            entries.append(entry)
            var record = records[r.kind]?[r.id] ?? Record(["created_at": .time(entry.at)])
            if r.action == .create { createdSeq[r.kind, default: [:]][r.id] = seq }
            for c in r.changes { record[c.field] = c.new }
            records[r.kind, default: [:]][r.id] = record
            if r.changes.contains(where: { $0.field == "deleted_at" && !$0.new.isNull }) { deleted.insert("\(r.kind)\(r.id)") }
            if r.kind == .deal { dealUpdatedAt[r.id] = entry.at }
            if let stage = entry.newValue(of: "stage_id"), case .int(let s) = stage {
                if r.kind == .deal { dealEvents.append((r.id, s, entry.at)) }
                if r.kind == .lead { leadEvents.append((r.id, s, entry.at)) }
            }
        }
        func live(_ kind: EntityKind) -> [Record] {
            (records[kind] ?? [:]).filter { !deleted.contains("\(kind)\($0.key)") }
                .sorted { createdSeq[kind]![$0.key]! < createdSeq[kind]![$1.key]! }.map(\.value)
        }
        leads = live(.lead).map(Lead.init(record:))
        deals = live(.deal).map(Deal.init(record:))
    }

    func bulk() -> Snapshot {
        SnapshotBuilder(leads: leads, deals: deals, stageEvents: dealEvents, stages: stages, companies: companies, users: users,
                        lastSeq: lastSeq, leadStageEvents: leadEvents, dealUpdatedAt: dealUpdatedAt).snapshot
    }

    func replayed() -> Snapshot {
        var builder = SnapshotBuilder()
        builder.apply(entries)
        return builder.snapshot
    }
}
