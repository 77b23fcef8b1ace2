import Foundation
import Testing
import VoronkaCore
@testable import VoronkaDemo

@Suite("Demo company generator")
struct DemoGeneratorTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000) // 2026-05-28T20:26:40Z

    /// The default pipelines with ids assigned as a fresh database would (an admin user holds id 1).
    static func context() -> DemoContext {
        var pipelines: [Pipeline] = []
        var stages: [Stage] = []
        var stageID: Int64 = 1
        for (i, template) in DefaultPipelines.all.enumerated() {
            var pipeline = template.pipeline
            pipeline.id = Int64(i + 1)
            pipelines.append(pipeline)
            for var stage in template.stages {
                stage.id = stageID
                stage.pipelineID = pipeline.id
                stageID += 1
                stages.append(stage)
            }
        }
        return DemoContext(nextID: [.user: 2, .pipeline: Int64(pipelines.count + 1), .stage: stageID], pipelines: pipelines,
                           stages: stages, adminID: 1,
                           channels: Dictionary(uniqueKeysWithValues: LeadSource.allCases.enumerated().map { ($1, Int64($0 + 1)) }))
    }

    struct Run {
        var batches: [DemoBatch] = []
        var rows: [BulkRow] { batches.flatMap(\.rows) }
        var journal: [JournalEntry] { batches.flatMap(\.journal) }
        func rows(_ kind: EntityKind) -> [Record] { rows.filter { $0.kind == kind }.map(\.record) }
    }

    static func generate(deals: Int, seed: UInt64 = 2026) -> Run {
        var generator = DemoGenerator(seed: seed, deals: deals, now: now, context: context())
        var run = Run()
        while let batch = generator.next() { run.batches.append(batch) }
        return run
    }

    /// One run shared by the checks below.
    static let run = generate(deals: 3000)

    @Test("The same seed, deal count and time give the same data; another seed other data")
    func deterministic() {
        // setup
        let first = DemoGeneratorTests.run
        // action
        let second = DemoGeneratorTests.generate(deals: 3000)
        let other = DemoGeneratorTests.generate(deals: 3000, seed: 7)
        // check
        #expect(first.batches.count == second.batches.count)
        #expect(first.batches.map(\.rows.count) == second.batches.map(\.rows.count))
        #expect(first.rows.map(\.record) == second.rows.map(\.record))
        #expect(first.rows.map(\.createdAt) == second.rows.map(\.createdAt))
        #expect(first.journal == second.journal)
        #expect(first.rows(.deal).prefix(50) != other.rows(.deal).prefix(50))
    }

    @Test("Exactly the deals asked for", arguments: [0, 1, 10, 3000])
    func dealCount(deals: Int) {
        // action
        let run = deals == 3000 ? DemoGeneratorTests.run : DemoGeneratorTests.generate(deals: deals)
        // check
        #expect(run.rows(.deal).count == deals)
        #expect(run.batches.map(\.dealCount).reduce(0, +) == deals)
        #expect(run.batches.allSatisfy { batch in batch.dealCount == batch.rows.filter { $0.kind == .deal }.count })
        #expect(run.batches.allSatisfy { $0.dealCount <= 2500 })
    }

    @Test("Batches come in order: reference data, then companies and contacts, then leads, deals and activities")
    func order() {
        // setup
        let kinds = DemoGeneratorTests.run.batches.map { Set($0.rows.map(\.kind)) }
        // check
        #expect(kinds.first == [.user, .product, .attribute])
        #expect(kinds[1] == [.company, .contact])
        #expect(kinds.last!.isSubset(of: [.lead, .deal, .activity]))
        #expect(DemoGeneratorTests.run.batches.filter { $0.dealCount > 0 }.count >= 2)
    }

    @Test("Every record passes its entity's rules, has an id, and no time lies after now")
    func valid() {
        // setup
        let rows = DemoGeneratorTests.run.rows
        // action
        let invalid = rows.filter { !$0.kind.entityType!.init(record: $0.record).validate().isEmpty }
        // check
        #expect(invalid.isEmpty, "\(invalid.prefix(3).map { ($0.kind, $0.record.values) })")
        #expect(rows.allSatisfy { ($0.record.int("id") ?? 0) > 0 })
        // Stored as the entity itself would store it.
        let uncanonical = rows.filter { row in
            let canonical = row.kind.entityType!.init(record: row.record).record
            return row.kind.fields.contains { canonical[$0.name] != row.record[$0.name] && $0.name != "created_at" }
        }
        #expect(uncanonical.isEmpty, "\(uncanonical.prefix(2).map(\.record.values))")
        let now = DemoGeneratorTests.now
        #expect(rows.allSatisfy { $0.createdAt <= $0.updatedAt && $0.updatedAt <= now })
        let late = rows.filter { row in row.record.values.values.contains { if case .time(let t) = $0 { t > now } else { false } } }
        #expect(late.isEmpty, "\(late.prefix(2).map(\.record.values))")
        #expect(DemoGeneratorTests.run.journal.allSatisfy { $0.at <= now && $0.seq == 0 })
        for kind in [EntityKind.user, .company, .contact, .lead, .deal, .activity] {
            let ids = DemoGeneratorTests.run.rows(kind).compactMap { $0.int("id") }
            #expect(Set(ids).count == ids.count, "\(kind) ids are unique")
        }
    }

    @Test("Replaying the journal from each creation gives the final records")
    func journalReplay() {
        // setup
        let run = DemoGeneratorTests.run
        var entries: [String: [JournalEntry]] = [:]
        for entry in run.journal { entries["\(entry.entity.rawValue)/\(entry.entityID)", default: []].append(entry) }
        var problems: [String] = []
        let fieldOrder = Dictionary(uniqueKeysWithValues: EntityKind.allCases.map { kind in
            (kind, Dictionary(uniqueKeysWithValues: kind.fields.enumerated().map { ($1.name, $0) }))
        })
        // action
        for row in run.rows {
            let name = "\(row.kind.rawValue)/\(row.record.int("id")!)"
            let history = entries[name] ?? []
            guard let create = history.first else { problems.append("\(name): no journal"); continue }
            if create.action != .create || create.at != row.createdAt { problems.append("\(name): not created first at its creation time") }
            if history.dropFirst().contains(where: { $0.action == .create }) { problems.append("\(name): created twice") }
            if !zip(history, history.dropFirst()).allSatisfy({ $0.at < $1.at }) { problems.append("\(name): entries out of time order") }
            if history.last!.at != row.updatedAt { problems.append("\(name): last entry is not at updatedAt") }
            var replayed = Record()
            for entry in history {
                for change in entry.changes {
                    if replayed[change.field] != change.old { problems.append("\(name): \(change.field) old value differs") }
                    replayed[change.field] = change.new
                }
                if entry.action == .create {
                    if entry.changes != JournalEntry.diff(Record(), replayed, fields: row.kind.fields) { problems.append("\(name): creation is not a diff") }
                    if replayed.int("id") != row.record.int("id") { problems.append("\(name): creation has no id") }
                } else if (entry.action == .stage) != entry.changes.contains(where: { $0.field == "stage_id" }) {
                    problems.append("\(name): stage entry without a stage change, or the reverse")
                }
                let positions = entry.changes.map { fieldOrder[row.kind]![$0.field] ?? -1 }
                if positions.contains(-1) || positions != positions.sorted() || Set(positions).count != positions.count {
                    problems.append("\(name): changes not in field order")
                }
                if entry.actorID != history[0].actorID { problems.append("\(name): actor changed") }
            }
            for field in row.kind.fields.map(\.name) where !["created_at", "updated_at", "deleted_at"].contains(field) {
                if replayed[field] != row.record[field] { problems.append("\(name): \(field) is \(row.record[field]), replayed \(replayed[field])") }
            }
        }
        // check
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(run.batches.allSatisfy { batch in zip(batch.journal, batch.journal.dropFirst()).allSatisfy { $0.at <= $1.at } })
        #expect(run.journal.contains { $0.entity == .deal && $0.action == .update })
    }

    @Test("References point at records the demo made or the context holds")
    func references() {
        // setup
        let run = DemoGeneratorTests.run
        let context = DemoGeneratorTests.context()
        let users = Set(run.rows(.user).compactMap { $0.int("id") })
        let companies = Set(run.rows(.company).compactMap { $0.int("id") })
        let products = Set(run.rows(.product).compactMap { $0.int("id") })
        let contactCompany = Dictionary(uniqueKeysWithValues: run.rows(.contact).map { ($0.int("id")!, $0.int("company_id")!) })
        let deals = run.rows(.deal).map(Deal.init(record:))
        let leads = run.rows(.lead).map(Lead.init(record:))
        let dealByID = Dictionary(uniqueKeysWithValues: deals.map { ($0.id, $0) })
        let leadByID = Dictionary(uniqueKeysWithValues: leads.map { ($0.id, $0) })
        let stageByID = Dictionary(uniqueKeysWithValues: context.stages.map { ($0.id, $0) })
        // check
        #expect(run.rows(.user).map(User.init(record:)).allSatisfy { $0.managerID == nil || users.contains($0.managerID!) })
        #expect(run.rows(.company).allSatisfy { users.contains($0.int("owner_id")!) })
        #expect(contactCompany.values.allSatisfy { companies.contains($0) })
        for deal in deals {
            #expect(companies.contains(deal.companyID) && users.contains(deal.ownerID!))
            #expect(!deal.contactIDs.isEmpty && deal.contactIDs.allSatisfy { contactCompany[$0] == deal.companyID })
            #expect(stageByID[deal.stageID]?.pipelineID == deal.pipelineID)
            if let leadID = deal.leadID {
                #expect(leadByID[leadID]?.dealID == deal.id)
                #expect(deal.referral == (leadByID[leadID]?.source == .referral))
            }
        }
        for lead in leads {
            #expect(stageByID[lead.stageID]?.pipelineID == lead.pipelineID)
            #expect(users.contains(lead.ownerID!))
            if let dealID = lead.dealID { #expect(dealByID[dealID]?.leadID == lead.id) }
            if let company = lead.companyID { #expect(companies.contains(company)) }
            if let contact = lead.contactID { #expect(contactCompany[contact] == lead.companyID) }
            if lead.source == .referral { #expect(lead.referrerCompanyID.map(companies.contains) == true) }
            #expect(lead.requestedProductIDs.allSatisfy(products.contains))
            #expect(lead.outcome != .deal || lead.dealID != nil)
        }
        for activity in run.rows(.activity).map(Activity.init(record:)) {
            #expect(dealByID[activity.dealID!]?.ownerID == activity.ownerID)
        }
    }

    @Test("Deals carry the grade the server computes from their qualification fields and contacts")
    func grades() {
        // setup
        let run = DemoGeneratorTests.run
        let contacts = Dictionary(uniqueKeysWithValues: run.rows(.contact).map { ($0.int("id")!, Contact(record: $0)) })
        let deals = run.rows(.deal).map(Deal.init(record:))
        // action
        let wrong = deals.filter { deal in
            let graded = Grading.grade(deal: deal, contacts: deal.contactIDs.compactMap { contacts[$0] })
            return graded.grade != deal.grade || graded.authority.decisionMakerReached != deal.decisionMakerReached
        }
        // check
        #expect(wrong.isEmpty, "\(wrong.prefix(3).map(\.id))")
        #expect(Set(deals.map(\.grade)).isSuperset(of: [.aaa, .bbb, .ungraded]))
    }

    @Test("About two and a half leads per deal; four in ten converted, the rest nurtured or junk")
    func leads() {
        // setup
        let leads = DemoGeneratorTests.run.rows(.lead).map(Lead.init(record:))
        let deals = DemoGeneratorTests.run.rows(.deal).map(Deal.init(record:))
        // action
        let ratio = Double(leads.count) / Double(deals.count)
        let converted = Double(leads.filter { $0.outcome == .deal }.count) / Double(leads.count)
        let nurture = Double(leads.filter { $0.outcome == .nurture }.count) / Double(leads.count)
        // check
        #expect(ratio >= 2 && ratio <= 3)
        #expect(converted > 0.33 && converted < 0.45)
        #expect(nurture > 0.18 && nurture < 0.32)
        #expect(leads.contains { $0.outcome == nil })
        #expect(Set(leads.map(\.source)).count >= 7)
        #expect(leads.allSatisfy { lead in lead.firstResponseAt.map { $0 > lead.receivedAt } ?? true })
        // Two and a half years, fewer in January and August than in spring and autumn.
        let now = DemoGeneratorTests.now
        #expect(leads.allSatisfy { $0.receivedAt > now.addingTimeInterval(-2.6 * 365 * 86_400) && $0.receivedAt < now })
        var perMonth: [String: Int] = [:]
        for lead in leads { let d = Day(lead.receivedAt); perMonth["\(d.year)-\(d.month)", default: 0] += 1 }
        func average(_ months: [Int], years: [Int]) -> Double {
            let counts = years.flatMap { y in months.map { perMonth["\(y)-\($0)"] ?? 0 } }
            return Double(counts.reduce(0, +)) / Double(counts.count)
        }
        #expect(average([1, 8], years: [2025]) < 0.7 * average([3, 4, 9, 10, 11], years: [2025]))
    }

    @Test("Deals use both deal pipelines and end won, lost, postponed or still open; about a quarter of closed deals are won")
    func dealOutcomes() {
        // setup
        let context = DemoGeneratorTests.context()
        let kinds = Dictionary(uniqueKeysWithValues: context.stages.map { ($0.id, $0.kind) })
        let deals = DemoGeneratorTests.run.rows(.deal).map(Deal.init(record:))
        // action
        let byKind = Dictionary(grouping: deals) { kinds[$0.stageID]! }
        let won = Double(byKind[.won]?.count ?? 0), lost = Double(byKind[.lost]?.count ?? 0)
        let pipelines = Dictionary(grouping: deals, by: \.pipelineID).mapValues(\.count)
        // check
        #expect(Set(byKind.keys) == [.open, .won, .lost, .postponed])
        #expect(won / (won + lost) > 0.18 && won / (won + lost) < 0.34)
        #expect(pipelines.count == 2 && pipelines.values.allSatisfy { $0 > deals.count / 5 })
        #expect(byKind[.won]!.allSatisfy { $0.closedAt != nil && $0.lostReason == nil })
        #expect(byKind[.lost]!.allSatisfy { $0.closedAt != nil && $0.lostReason != nil })
        #expect(byKind[.postponed]!.allSatisfy { $0.postponedUntil != nil && $0.closedAt == nil })
        #expect(byKind[.open]!.allSatisfy { $0.closedAt == nil && $0.stageEnteredAt != nil })
        #expect(deals.contains { $0.amount < 5_000_000 } && deals.contains { $0.tender && $0.tenderCost != nil })
        // Some deals past the first stage are not qualified (for the qualification checks).
        let firstStages = Set(context.stages.filter { $0.kind == .open && $0.position == 0 }.map(\.id))
        let advanced = deals.filter { kinds[$0.stageID] == .open && !firstStages.contains($0.stageID) }
        #expect(advanced.contains { $0.needDescribed == true && $0.budgetStatus == .allocated })
        #expect(advanced.contains { $0.needDescribed == nil })
        #expect(DemoGeneratorTests.run.rows(.activity).contains { $0.text("kind") == "meeting" && $0.text("body") != nil })
    }

    @Test("Yearly buyers win a deal in the same month in different years")
    func yearlyBuyers() {
        // setup
        let context = DemoGeneratorTests.context()
        let won = Set(context.stages.filter { $0.kind == .won }.map(\.id))
        let deals = DemoGeneratorTests.run.rows(.deal).map(Deal.init(record:)).filter { won.contains($0.stageID) && $0.leadID == nil }
        // action
        var years: [String: Set<Int>] = [:]
        for deal in deals {
            let day = Day(deal.closedAt!)
            years["\(deal.companyID)-\(day.month)", default: []].insert(day.year)
        }
        // check
        #expect(years.values.contains { $0.count >= 2 })
    }

    @Test("Users: a head of sales, managers reporting to the head, reps to the managers, with unique demo emails")
    func team() {
        // setup
        let generator = DemoGenerator(seed: 1, deals: 3000, now: DemoGeneratorTests.now, context: DemoGeneratorTests.context())
        let users = generator.users
        // action
        let head = users.filter { $0.role == .headOfSales }
        let managers = users.filter { $0.role == .accountManager || $0.role == .projectManager }
        let reps = users.filter { $0.role == .salesRep }
        // check
        #expect(head.count == 1 && managers.allSatisfy { $0.managerID == head[0].id })
        #expect(reps.count == 6 && reps.allSatisfy { rep in managers.contains { $0.id == rep.managerID } })
        #expect(Set(users.map(\.email)).count == users.count)
        #expect(users.allSatisfy { $0.email.hasSuffix("@demo.voronka.local") && $0.email.allSatisfy { $0.isASCII && !$0.isUppercase } })
        #expect(users.first?.id == 2)
    }
}
