import Foundation
import VoronkaCore

extension DemoGenerator {
    static let sourceWeights = cumulativeWeights([0.34, 0.20, 0.15, 0.10, 0.07, 0.08, 0.05, 0.01])
    static let sources: [LeadSource] = [.webForm, .phone, .email, .referral, .event, .outbound, .reactivation, .import]

    /// Lead `index`: it comes in, is answered and triaged; a converted lead makes its deal. Returns when it came in.
    mutating func makeLead(_ index: Int, leads: inout [BulkRow], deals: inout [BulkRow], activities: inout [BulkRow],
                           journal: inout [JournalEntry]) -> Double {
        let received = calendar.leadTime(index, of: leadTotal, &rng)
        let converts = rng.unit() * Double(leadTotal - index) < Double(conversionsLeft)
        if converts { conversionsLeft -= 1 }
        let outcome: LeadOutcome = converts ? .deal : rng.chance(25.0 / 60) ? .nurture : .junk
        let source = DemoGenerator.sources[rng.weighted(DemoGenerator.sourceWeights)]
        let existing = max(1, companies.existing(at: received - DemoTime.day))

        // What they ask for.
        let item = rng.chance(0.3) ? rng.pick(DemoTexts.services) : rng.pick(DemoTexts.equipment)
        var products: [Int64] = []
        let p = rng.unit()
        if p < 0.9 { products.append(productIDs[item]) }
        if p < 0.2 {
            let other = rng.below(productIDs.count)
            if other != item { products.append(productIDs[other]) }
        }
        let request: String
        if outcome == .junk, rng.chance(0.6) {
            request = rng.pick(DemoTexts.junkRequests)
            products = []
        } else {
            request = rng.pick(DemoTexts.requestOpenings) + DemoTexts.catalog[item].request + rng.pick(DemoTexts.requestEndings)
        }

        // Who asks.
        var company: Int?
        var contactIndex = 0
        var contactID: Int64?
        var contactName: String, contactEmail: String?, contactPhone: String?, companyName: String?
        let owner: Int64
        if outcome != .junk || rng.chance(0.5) {
            let c = rng.below(existing)
            let k = rng.below(Int(companies.contactCount[c]))
            let naming = companies.naming(c)
            let contact = companies.contact(c, k, domain: naming.domain)
            company = c
            contactIndex = k
            contactID = companies.contactID(c, k)
            contactName = contact.name; contactEmail = contact.email; contactPhone = contact.phone; companyName = naming.name
            owner = companies.owner[c]
        } else {
            let person = DemoVocabulary.person(&rng)
            contactName = person.name
            contactEmail = rng.chance(0.6) ? person.last + DemoVocabulary.digits(rng.below(100), width: 2) + "@" + rng.pick(DemoVocabulary.mailDomains) : nil
            contactPhone = rng.chance(0.6) ? DemoVocabulary.phone(&rng) : nil
            companyName = rng.chance(0.4) ? "ИП " + person.name : nil
            owner = team.repIDs[index % team.repIDs.count]
        }
        var referrer: Int?
        var referrerContact: Int64?
        if source == .referral {
            var r = rng.below(existing)
            if r == company, existing > 1 { r = (r + 1) % existing }
            referrer = r
            if rng.chance(0.5) { referrerContact = companies.contactID(r, 0) }
        }

        // When it is answered and triaged.
        let d = rng.unit()
        let response = d < 0.55 ? rng.uniform(5, 120) * DemoTime.minute : d < 0.85 ? rng.uniform(2, 8) * DemoTime.hour
            : d < 0.95 ? rng.uniform(1, 3) * DemoTime.day : rng.uniform(3, 7) * DemoTime.day
        let triage: Double
        switch outcome {
        case .deal: triage = DemoTime.hour + rng.exponential(mean: 3) * DemoTime.day
        case .nurture: triage = DemoTime.hour + rng.exponential(mean: 5) * DemoTime.day
        case .junk: triage = 20 * DemoTime.minute + rng.exponential(mean: 0.7) * DemoTime.day
        }
        var answered = received + response
        // The last few leads that do not convert wait for their first answer: the demo's inbox has leads to answer
        // (and the lead-response nudge something to say).
        if !converts, index >= leadTotal - 3 { answered = now + 30 * DemoTime.day }
        var triaged = answered + triage
        if converts, triaged > now {
            // A lead converted by now was answered and triaged sooner.
            answered = received + (now - received) * 0.25
            triaged = received + (now - received) * 0.6
        }
        answered = DemoTime.whole(answered)
        triaged = DemoTime.whole(triaged)

        var history: DemoHistory?
        if let plan = leadPlan {
            var lead = Lead(
                id: nextLeadID, receivedAt: DemoTime.date(received), source: source,
                referrerCompanyID: referrer.map(companies.id), referrerContactID: referrerContact,
                requestText: request, requestedProductIDs: products, contactName: contactName, contactEmail: contactEmail,
                contactPhone: contactPhone, companyName: companyName, companyID: company.map(companies.id), contactID: contactID,
                ownerID: owner, pipelineID: plan.pipelineID, stageID: plan.new)
            lead.channelID = context.channels[source]
            nextLeadID += 1
            history = DemoHistory(RecordLayout.lead, DemoRecords.lead(lead), at: received, actor: owner, journal: &journal)
            if answered <= now {
                history?.change(at: answered, [("first_response_at", DemoTime.value(answered)), ("stage_id", .int(plan.inWork))], journal: &journal)
            }
        }
        if answered <= now, triaged <= now {
            // In field order: stage_id, outcome, outcome_reason, fire, deal_id.
            let changes: [(String, FieldValue)]
            switch outcome {
            case .deal:
                let c = company!
                var contacts = [contactIndex]
                let count = Int(companies.contactCount[c])
                if count > 1, rng.chance(0.4) {
                    let other = rng.below(count)
                    if other != contactIndex { contacts.append(other) }
                }
                let dealID = nextDealID
                nextDealID += 1
                var start = DealStart(company: c, item: item, created: triaged - DemoTime.minute, contacts: contacts)
                start.leadID = history?.id
                start.referral = source == .referral
                makeDeal(start, id: dealID, deals: &deals, activities: &activities, journal: &journal)
                changes = [("stage_id", .int(leadPlan?.qualified ?? 0)), ("outcome", .text(outcome.rawValue)), ("fire", .bool(rng.chance(0.15))),
                           ("deal_id", .int(dealID))]
            case .nurture:
                changes = [("stage_id", .int(leadPlan?.nurture ?? 0)), ("outcome", .text(outcome.rawValue)),
                           ("outcome_reason", .text(rng.pick(DemoTexts.nurtureReasons)))]
            case .junk:
                changes = [("stage_id", .int(leadPlan?.junk ?? 0)), ("outcome", .text(outcome.rawValue)),
                           ("outcome_reason", .text(rng.pick(DemoTexts.junkReasons)))]
            }
            history?.change(at: triaged, changes, journal: &journal)
        }
        if let history { leads.append(history.row) }
        return received
    }

    /// A yearly buyer's purchase in its month: quick, and usually won.
    mutating func makeRepeat(_ purchase: RepeatDeal, deals: inout [BulkRow], activities: inout [BulkRow], journal: inout [JournalEntry]) {
        let c = Int(purchase.company)
        var own = SplitMix64(seed: seed, salt: 0xAE, index: c)
        let item = own.chance(0.5) ? own.pick(DemoTexts.services) : own.pick(DemoTexts.equipment)
        var contacts = [0]
        if companies.contactCount[c] > 1, rng.chance(0.5) { contacts.append(1) }
        var start = DealStart(company: c, item: item, created: purchase.at, contacts: contacts)
        start.repeatYear = purchase.year
        let dealID = nextDealID
        nextDealID += 1
        makeDeal(start, id: dealID, deals: &deals, activities: &activities, journal: &journal)
    }

    /// Every yearly buyer's purchases from the start of the window to `now`, by time; at most `limit` of them.
    static func repeatPurchases(_ companies: DemoCompanies, seed: UInt64, from start: Double, now: Double, limit: Int) -> [RepeatDeal] {
        var out: [RepeatDeal] = []
        let firstYear = DemoTime.dayOf(start).year, lastYear = DemoTime.dayOf(now).year
        for c in 0..<companies.count where companies.yearlyMonth[c] != 0 {
            var rng = SplitMix64(seed: seed, salt: 0xAD, index: c)
            let month = Int(companies.yearlyMonth[c])
            for year in firstYear...lastYear {
                guard out.count < limit else { break }
                guard let day = Day(year: year, month: month, day: 2 + rng.below(7)) else { continue }
                let t = DemoCalendar.workingTime(onDayOf: day.startDate.timeIntervalSince1970, &rng)
                if t >= start, t <= now - 6 * DemoTime.hour, t > companies.created[c] + DemoTime.day {
                    out.append(RepeatDeal(company: Int32(c), at: t, year: year))
                }
            }
        }
        return out.sorted { ($0.at, $0.company) < ($1.at, $1.company) }
    }
}
