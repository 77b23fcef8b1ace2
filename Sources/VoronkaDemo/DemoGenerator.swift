import Foundation
import VoronkaCore

/// Generates a deterministic demo company: an industrial B2B seller of steam boilers, heat exchangers, pumps, automation
/// and engineering services, with its sales team, clients, about two and a half years of leads and deals, and the journal
/// that tells their history. The same seed, deal count and `now` give the same data, byte for byte.
///
/// Data comes in batches, so that a million deals never sit in memory at once: first the reference data (users, products,
/// attribute definitions), then companies and contacts, then leads, deals and activities in chunks of about 2,000 deals.
public struct DemoGenerator: Sendable {
    /// The users the demo creates (so the caller can give them a password).
    public let users: [User]
    /// How many deals the batches hold in all: the `deals` asked for, or 0 when the context has no usable deal pipeline.
    public let totalDeals: Int

    let seed: UInt64
    let now: Double
    let context: DemoContext
    /// When the team and the catalog were set up, before the first lead.
    let referenceTime: Double
    let productIDs: [Int64]
    let attributeIDs: [Int64]
    let team: DemoTeam
    let companies: DemoCompanies
    let calendar: DemoCalendar
    let leadPlan: LeadPlan?
    let dealPlans: [DealPlan]
    let repeats: [RepeatDeal]
    let leadTotal: Int

    var rng: SplitMix64
    var nextLeadID: Int64
    var nextDealID: Int64
    var nextActivityID: Int64
    /// Leads still to be converted, so that exactly `totalDeals` deals come out.
    var conversionsLeft: Int
    var leadCursor = 0
    var repeatCursor = 0
    var companyCursor = 0
    var phase = Phase.reference
    /// Grades by contacts' positions and qualification fields (see `grade`).
    var gradeCache: [UInt8] = []

    enum Phase: Sendable { case reference, companies, deals, done }

    static let companiesPerBatch = 5000
    /// About 40% of leads become deals: 5,000 leads make about 2,000 deals.
    static let leadsPerBatch = 5000
    static let dealsPerBatch = 2000

    public init(seed: UInt64, deals: Int, now: Date, context: DemoContext) {
        let nowT = now.timeIntervalSince1970.rounded(.down)
        func first(_ kind: EntityKind) -> Int64 { max(1, context.nextID[kind] ?? 1) }
        self.seed = seed
        self.now = nowT
        self.context = context
        calendar = DemoCalendar(now: nowT)
        referenceTime = calendar.start - 60 * DemoTime.day
        team = DemoTeam(seed: seed, deals: deals, firstID: first(.user), createdAt: referenceTime)
        users = team.users
        productIDs = DemoTexts.catalog.indices.map { first(.product) + Int64($0) }
        attributeIDs = [first(.attribute), first(.attribute) + 1]
        leadPlan = LeadPlan(context)
        dealPlans = DealPlan.all(context)
        let wanted = dealPlans.isEmpty ? 0 : max(0, deals)
        totalDeals = wanted
        companies = DemoCompanies(seed: seed, count: max(40, deals / 8), firstID: first(.company), firstContactID: first(.contact),
                                  reps: team.repIDs, windowStart: calendar.start, now: nowT)
        repeats = wanted > 0 ? DemoGenerator.repeatPurchases(companies, seed: seed, from: calendar.start, now: nowT, limit: wanted / 4) : []
        let fromLeads = wanted - repeats.count
        leadTotal = fromLeads > 0 ? max(fromLeads, Int((Double(fromLeads) * 2.5).rounded())) : 0
        conversionsLeft = fromLeads
        rng = SplitMix64(seed: seed, salt: 0xDEA1, index: 0)
        nextLeadID = first(.lead)
        nextDealID = first(.deal)
        nextActivityID = first(.activity)
    }

    /// The next slice of data, or nil when all `deals` deals were produced. Batches are produced in order: first reference data
    /// (users, products, attribute definitions), then companies and contacts, then leads/deals/activities in chunks of about 2,000 deals.
    public mutating func next() -> DemoBatch? {
        switch phase {
        case .reference:
            phase = .companies
            return referenceBatch()
        case .companies:
            let end = min(companies.count, companyCursor + DemoGenerator.companiesPerBatch)
            let batch = companyBatch(companyCursor..<end)
            companyCursor = end
            if companyCursor >= companies.count { phase = .deals }
            return batch
        case .deals:
            if let batch = dealBatch() { return batch }
            phase = .done
            return nil
        case .done:
            return nil
        }
    }

    /// The next chunk of leads with the deals they made, the yearly purchases of the same period, and activities.
    private mutating func dealBatch() -> DemoBatch? {
        guard leadCursor < leadTotal || repeatCursor < repeats.count else { return nil }
        var journal: [JournalEntry] = []
        var leads: [BulkRow] = [], deals: [BulkRow] = [], activities: [BulkRow] = []
        journal.reserveCapacity(DemoGenerator.leadsPerBatch * 6)
        leads.reserveCapacity(DemoGenerator.leadsPerBatch)
        deals.reserveCapacity(DemoGenerator.dealsPerBatch + 100)
        let start = leadCursor
        let end = min(leadTotal, leadCursor + DemoGenerator.leadsPerBatch)
        var latest = -Double.infinity
        for i in start..<end {
            latest = max(latest, makeLead(i, leads: &leads, deals: &deals, activities: &activities, journal: &journal))
        }
        leadCursor = end
        let lastLeads = leadCursor >= leadTotal
        while repeatCursor < repeats.count {
            let purchase = repeats[repeatCursor]
            let due = end > start ? purchase.at <= latest || lastLeads : deals.count < DemoGenerator.dealsPerBatch
            guard due else { break }
            makeRepeat(purchase, deals: &deals, activities: &activities, journal: &journal)
            repeatCursor += 1
        }
        var batch = DemoBatch()
        batch.rows = leads + deals + activities
        DemoGenerator.sortJournal(&journal)
        batch.journal = journal
        batch.dealCount = deals.count
        return batch
    }
}
