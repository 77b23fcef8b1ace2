import Foundation
import VoronkaCore

/// What a new deal starts from: a converted lead or a yearly buyer's purchase.
struct DealStart {
    let company: Int
    /// An index into `DemoTexts.catalog`.
    let item: Int
    let created: Double
    /// The deal's contacts, as indices among the company's contacts.
    let contacts: [Int]
    var leadID: Int64?
    var referral = false
    /// The year of a yearly buyer's repeat purchase.
    var repeatYear: Int?
}

extension DemoGenerator {
    /// Creates a deal, walks it through its pipeline up to `now`, and logs some activities on it.
    mutating func makeDeal(_ start: DealStart, id: Int64, deals: inout [BulkRow], activities: inout [BulkRow], journal: inout [JournalEntry]) {
        let item = DemoTexts.catalog[start.item]
        let plan = item.isService ? dealPlans[dealPlans.count > 1 ? 1 : 0] : dealPlans[0]
        let naming = companies.naming(start.company)
        let owner = companies.owner[start.company]
        let isRepeat = start.repeatYear != nil

        // Amount in roubles: log-normal around the pipeline's median, a few tiny ones below minimum economics.
        var rub: Double
        if rng.chance(0.05), !isRepeat {
            rub = (rng.uniform(8_000, 49_000) / 100).rounded() * 100
        } else {
            rub = item.isService ? rng.logNormal(median: 600_000, sigma: 0.8) : rng.logNormal(median: 1_500_000, sigma: 0.9)
            rub = (min(rub, 400_000_000) / 1000).rounded() * 1000
        }
        var currency = "RUB"
        var amount = Int64(rub) * 100
        let c = rng.unit()
        if c < 0.02 { currency = "USD"; amount = Int64((rub / 90 / 10).rounded() * 10) * 100 }
        else if c < 0.03 { currency = "EUR"; amount = Int64((rub / 98 / 10).rounded() * 10) * 100 }
        let profit = Int64((Double(amount / 100) * rng.uniform(0.10, 0.35)).rounded()) * 100
        let tender = rng.chance(isRepeat ? 0.1 : 0.2)
        var tags: [String] = []
        if tender { tags.append(rng.chance(0.5) ? "223-fz" : "tender") }
        if isRepeat { tags.append("repeat") }
        if rng.chance(0.12) { tags.append(rng.pick(DemoTexts.dealTags)) }
        let override = rng.chance(0.02)
        var title = item.short + " — " + naming.short
        if let year = start.repeatYear { title += ", " + String(year) }

        var deal = Deal(
            id: id, title: title, companyID: companies.id(start.company), contactIDs: start.contacts.map { companies.contactID(start.company, $0) }, ownerID: owner,
            pipelineID: plan.pipelineID, stageID: plan.open[0].id, amount: amount, currency: currency, expectedProfit: profit,
            expectedClose: DemoTime.dayOf(start.created + plan.cycleDays * rng.uniform(0.6, 1.4) * DemoTime.day),
            probabilityOverride: override ? Int64(10 * rng.int(1...9)) : nil,
            probabilityReason: override ? rng.pick(DemoTexts.overrideReasons) : nil,
            leadID: start.leadID, referral: start.referral, tender: tender,
            tenderCost: tender ? Int64(rng.int(15...250)) * 1000 * 100 : nil, tags: tags,
            stageEnteredAt: DemoTime.date(start.created), createdAt: DemoTime.date(start.created))
        if rub < 50_000, currency == "RUB", rng.chance(0.3) {
            // Some small deals are taken anyway, with a reason.
            let trial = rng.chance(0.5)
            deal.economicsException = trial ? .trialDelivery : .largeBuyerSmallOrder
            deal.economicsExceptionReason = trial ? "Пробная поставка перед рамочным договором" : "Крупный завод, первый заказ на пробу"
        }
        // The server grades every deal it writes, from the deal and its contacts.
        (deal.grade, deal.decisionMakerReached) = grade(company: start.company, contacts: start.contacts, need: nil, budget: .unknown, deadline: nil)
        var history = DemoHistory(RecordLayout.deal, DemoRecords.deal(deal), at: start.created, actor: owner, journal: &journal)
        walk(&history, plan: plan, from: start.created, fast: isRepeat, small: rub < 50_000 && currency == "RUB",
             item: item, amount: amount, company: start.company, journal: &journal)
        deals.append(history.row)
        if rng.chance(1.0 / 3) {
            logActivities(history, company: start.company, domain: naming.domain, item: item, activities: &activities, journal: &journal)
        }
    }

    /// Moves a deal stage by stage: each step it goes on, is lost or postponed; a step that would end after `now` is not taken.
    private mutating func walk(_ h: inout DemoHistory, plan: DealPlan, from start: Double, fast: Bool, small: Bool,
                               item: DemoTexts.CatalogItem, amount: Int64, company: Int, journal: inout [JournalEntry]) {
        var t = start
        var i = 0
        while true {
            let mean = fast ? 1.5 : DealPlan.meanDays(plan.open[i])
            let dwell = min(max(0.05, rng.exponential(mean: mean)), mean * 4) * DemoTime.day + 30 * DemoTime.minute
            let next = DemoTime.whole(t + dwell)
            if next > now { return }
            let r = rng.unit()
            let lostChance = fast ? 0.03 : small && i == 0 ? 0.6 : plan.lostChance[i]
            if r < lostChance {
                let reason = small && rng.chance(0.7) ? DemoTexts.belowMinimum : rng.pick(DemoTexts.lostReasons)
                h.enter(plan.lost, at: next, [("lost_reason", .text(reason))], journal: &journal)
                return
            }
            if !fast, let postponed = plan.postponed, r < lostChance + plan.postponeChance {
                let until = DemoTime.dayOf(next + rng.uniform(30, 180) * DemoTime.day)
                h.enter(postponed, at: next, [("postponed_until", .day(until))], journal: &journal)
                // Some come back when the date comes, to the stage they left.
                let back = DemoCalendar.workingTime(onDayOf: until.startDate.timeIntervalSince1970, &rng)
                guard back > next, back <= now, rng.chance(0.35) else { return }
                h.enter(plan.open[i], at: back, [("postponed_until", .null)], journal: &journal)
                t = back
                continue
            }
            if i == 0, rng.chance(fast ? 1 : 0.85) {
                qualify(&h, at: DemoTime.whole(next - min(rng.uniform(10, 120) * DemoTime.minute, (next - t) / 2)),
                        item: item, amount: amount, company: company, journal: &journal)
            }
            i += 1
            t = next
            if i == plan.open.count { break }
            h.enter(plan.open[i], at: next, journal: &journal)
        }
        // Won on leaving the last open stage; service contracts then go on through delivery.
        h.enter(plan.won[0], at: t, journal: &journal)
        for k in plan.won.indices.dropFirst() {
            let next = DemoTime.whole(t + max(1, rng.exponential(mean: Double(plan.won[k - 1].expectedDays ?? 30))) * DemoTime.day)
            if next > now { return }
            h.enter(plan.won[k], at: next, journal: &journal)
            t = next
        }
    }

    /// What the rep learns while qualifying: the need, the budget and the deadline.
    /// The rep also reaches the company's deciding contact (its first one).
    private mutating func qualify(_ h: inout DemoHistory, at t: Double, item: DemoTexts.CatalogItem, amount: Int64, company: Int,
                                  journal: inout [JournalEntry]) {
        let need = rng.pick(DemoTexts.needOpenings) + ": " + item.request + ". Объект — " + rng.pick(DemoVocabulary.cities) + "."
        let r = rng.unit()
        let status: BudgetStatus = r < 0.62 ? .allocated : r < 0.9 ? .collecting : .unknown
        let budget: FieldValue = status == .allocated
            ? .int(max(100, Int64((Double(amount / 100) * rng.uniform(0.85, 1.3) / 1000).rounded()) * 1000) * 100) : .null
        // A quarter of the clients name no date yet: with a budget still open, such a deal grades CCC.
        let deadline: Day? = rng.chance(0.75) ? DemoTime.dayOf(t + rng.uniform(60, 300) * DemoTime.day) : nil
        var values: [(String, FieldValue)] = [
            ("need_described", .bool(true)), ("need_text", .text(need)), ("budget_status", .text(status.rawValue)),
            ("budget_amount", budget), ("deadline", deadline.map(FieldValue.day) ?? .null),
        ]
        let first = companies.contactID(company, 0)
        var contactIDs = h.record.ids("contact_ids")
        if !contactIDs.contains(first) {
            contactIDs.insert(first, at: 0)
            values.insert(("contact_ids", .json(.array(contactIDs.map { .number(Double($0)) }))), at: 0)
        }
        // The server regrades a deal whenever its need, budget, deadline or contacts change.
        let graded = grade(company: company, contacts: contactIDs.map { Int($0 - first) }, need: true, budget: status, deadline: deadline)
        values += [("grade", .text(graded.grade.rawValue)), ("decision_maker_reached", .bool(graded.decisionMakerReached))]
        h.change(at: t, values, journal: &journal)
    }

    /// A meeting with its protocol, and sometimes a call or a task, during the deal's life.
    private mutating func logActivities(_ deal: DemoHistory, company: Int, domain: String, item: DemoTexts.CatalogItem,
                                        activities: inout [BulkRow], journal: inout [JournalEntry]) {
        let from = deal.createdAt
        let until = deal.record["closed_at"].isNull ? now : deal.updatedAt
        guard until - from > 2 * DemoTime.hour else { return }
        let dealID = deal.id, owner = deal.actor, companyID = companies.id(company)
        let k = rng.below(Int(companies.contactCount[company]))
        let contact = companies.contact(company, k, domain: domain)
        func log(_ activity: Activity, at: Double, journal: inout [JournalEntry]) -> DemoHistory {
            DemoHistory(RecordLayout.activity, DemoRecords.activity(activity), at: at, actor: owner, journal: &journal)
        }

        let met = DemoTime.whole(rng.uniform(from + DemoTime.hour, until))
        let protocolText = "Участники со стороны клиента: " + contact.name + ", " + DemoVocabulary.positions[contact.position].title.lowercased()
            + ".\nОбсудили " + rng.pick(DemoTexts.meetingTopics) + ".\nДоговорились: " + rng.pick(DemoTexts.nextSteps) + "."
        let meeting = Activity(id: nextActivityID, kind: .meeting, subject: "Встреча: " + item.short, body: protocolText,
                               doneAt: DemoTime.date(met), dealID: dealID, companyID: companyID, ownerID: owner)
        nextActivityID += 1
        activities.append(log(meeting, at: DemoTime.whole(min(now, met + rng.uniform(0.5, 4) * DemoTime.hour)), journal: &journal).row)

        if rng.chance(0.5) {
            let called = DemoTime.whole(rng.uniform(from + DemoTime.hour, until))
            let call = Activity(id: nextActivityID, kind: .call, subject: rng.pick(DemoTexts.callSubjects),
                                body: rng.chance(0.5) ? "Клиент просит " + rng.pick(DemoTexts.nextSteps) + "." : nil,
                                doneAt: DemoTime.date(called), dealID: dealID, companyID: companyID, ownerID: owner)
            nextActivityID += 1
            activities.append(log(call, at: called, journal: &journal).row)
        }
        if rng.chance(0.3) {
            let created = DemoTime.whole(rng.uniform(from + DemoTime.hour, until - DemoTime.hour))
            let due = DemoTime.whole(min(now, created + rng.uniform(1, 7) * DemoTime.day))
            let task = Activity(id: nextActivityID, kind: .task, subject: rng.pick(DemoTexts.taskSubjects), dueAt: DemoTime.date(due),
                                dealID: dealID, companyID: companyID, ownerID: owner)
            nextActivityID += 1
            var h = log(task, at: created, journal: &journal)
            if rng.chance(0.75) {
                let done = DemoTime.whole(created + (due - created) * rng.uniform(0.3, 1))
                if done > created { h.change(at: done, [("done_at", DemoTime.value(done))], journal: &journal) }
            }
            activities.append(h.row)
        }
    }

    /// `Grading.grade` of a deal with these qualification fields and contacts (by their index at the company), remembered
    /// by the contacts' positions and the fields, the only things grading reads.
    mutating func grade(company: Int, contacts: [Int], need: Bool?, budget: BudgetStatus, deadline: Day?)
        -> (grade: DealGrade, decisionMakerReached: Bool) {
        var key = 0
        for k in contacts { key |= 1 << companies.position(company, k) }
        let positions = DemoVocabulary.positions.count
        key |= (need.map { $0 ? 1 : 2 } ?? 0) << positions
        key |= (BudgetStatus.allCases.firstIndex(of: budget) ?? 0) << (positions + 2)
        key |= (deadline == nil ? 0 : 1) << (positions + 4)
        if gradeCache.isEmpty { gradeCache = [UInt8](repeating: 0, count: 1 << (positions + 5)) }
        var code = gradeCache[key]
        if code == 0 {
            let deal = Deal(title: "", companyID: 0, pipelineID: 0, stageID: 0, needDescribed: need, budgetStatus: budget, deadline: deadline)
            let graded = Grading.grade(deal: deal, contacts: contacts.map { companies.gradingContact(company, $0) })
            guard let index = DealGrade.allCases.firstIndex(of: graded.grade) else { return (graded.grade, graded.authority.decisionMakerReached) }
            code = UInt8(1 + index) | (graded.authority.decisionMakerReached ? 0x80 : 0)
            gradeCache[key] = code
        }
        return (DealGrade.allCases[Int(code & 0x7F) - 1], code & 0x80 != 0)
    }
}
