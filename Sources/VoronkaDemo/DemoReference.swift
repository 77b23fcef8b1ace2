import Foundation
import VoronkaCore

/// The demo's sales team: a head of sales, team managers reporting to the head, and reps reporting to the managers.
struct DemoTeam: Sendable {
    let users: [User]
    let repIDs: [Int64]

    init(seed: UInt64, deals: Int, firstID: Int64, createdAt: Double) {
        var rng = SplitMix64(seed: seed, salt: 0x05E5, index: 0)
        let repCount = max(6, min(200, deals / 5000))
        let managerCount = max(2, (repCount + 7) / 8)
        var users: [User] = []
        var emails: Set<String> = []
        var id = firstID
        func add(_ role: Role, manager: Int64?, locale: Language) -> Int64 {
            var person = DemoVocabulary.person(&rng)
            var email = person.first + "." + person.last + "@demo.voronka.local"
            while emails.contains(email) {
                person = DemoVocabulary.person(&rng)
                email = person.first + "." + person.last + "@demo.voronka.local"
            }
            emails.insert(email)
            let userID = id
            let at = DemoTime.date(createdAt + Double(users.count) * 10 * DemoTime.minute)
            users.append(User(id: userID, name: person.name, email: email, role: role, managerID: manager, active: true,
                              locale: locale, createdAt: at))
            id += 1
            return userID
        }
        let head = add(.headOfSales, manager: nil, locale: .ru)
        var managers: [Int64] = []
        for m in 0..<managerCount {
            managers.append(add(m % 2 == 0 ? .accountManager : .projectManager, manager: head, locale: rng.chance(0.5) ? .ru : .en))
        }
        var reps: [Int64] = []
        for r in 0..<repCount {
            reps.append(add(.salesRep, manager: managers[r % managerCount], locale: rng.chance(0.6) ? .ru : .en))
        }
        self.users = users
        repIDs = reps
    }
}

extension DemoGenerator {
    /// Users, the catalog and the company attribute definitions, as created before the first lead.
    func referenceBatch() -> DemoBatch {
        var batch = DemoBatch()
        let actor = context.adminID
        for user in users {
            let history = DemoHistory(.user, user.record, at: user.createdAt?.timeIntervalSince1970 ?? referenceTime, actor: actor, journal: &batch.journal)
            batch.rows.append(history.row)
        }
        let catalogAt = referenceTime + DemoTime.day
        for (i, item) in DemoTexts.catalog.enumerated() {
            let product = Product(id: productIDs[i], name: item.name, category: item.category, keywords: item.keywords,
                                  price: item.price * 100, unitCost: item.unitCost * 100, currency: "RUB", active: true)
            let history = DemoHistory(.product, product.record, at: catalogAt + Double(i) * DemoTime.minute, actor: actor, journal: &batch.journal)
            batch.rows.append(history.row)
        }
        let definitions = [
            AttributeDefinition(id: attributeIDs[0], entity: "company", key: "steam_tph", type: .number,
                                label: "Steam output, t/h", labelRu: "Паропроизводительность, т/ч", unit: "t/h"),
            AttributeDefinition(id: attributeIDs[1], entity: "company", key: "has_boiler_house", type: .flag,
                                label: "Has a boiler house", labelRu: "Есть собственная котельная"),
        ]
        for (i, definition) in definitions.enumerated() {
            let history = DemoHistory(.attribute, definition.record, at: catalogAt + DemoTime.hour + Double(i) * DemoTime.minute,
                                      actor: actor, journal: &batch.journal)
            batch.rows.append(history.row)
        }
        return batch
    }

    /// Companies `range` with their contacts.
    func companyBatch(_ range: Range<Int>) -> DemoBatch {
        var batch = DemoBatch()
        var contacts: [BulkRow] = []
        for i in range {
            let record = companies.record(i)
            let at = companies.created[i]
            let owner = companies.owner[i]
            let company = DemoHistory(.company, record, at: at, actor: owner, journal: &batch.journal)
            batch.rows.append(company.row)
            let domain = companies.naming(i).domain
            for k in 0..<Int(companies.contactCount[i]) {
                let contact = DemoHistory(.contact, companies.contactRecord(i, k, domain: domain), at: at + Double(k + 1) * 3 * DemoTime.minute,
                                          actor: owner, journal: &batch.journal)
                contacts.append(contact.row)
            }
        }
        batch.rows += contacts
        DemoGenerator.sortJournal(&batch.journal)
        return batch
    }

    /// Orders a batch's journal by time (entries of one record are already in order; ties keep their order).
    static func sortJournal(_ journal: inout [JournalEntry]) {
        let times = journal.map(\.at.timeIntervalSince1970)
        if !zip(times, times.dropFirst()).contains(where: { $0 > $1 }) { return }
        let order = times.indices.sorted { a, b in times[a] != times[b] ? times[a] < times[b] : a < b }
        // Permute in place, cycle by cycle: position k takes the entry at order[k]; entries move, never copy.
        var done = [Bool](repeating: false, count: order.count)
        journal.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for start in order.indices where !done[start] {
                let first = (base + start).move()
                var k = start
                while true {
                    done[k] = true
                    let source = order[k]
                    if source == start { (base + k).initialize(to: first); break }
                    (base + k).initialize(to: (base + source).move())
                    k = source
                }
            }
        }
    }
}
