import Foundation
import VoronkaCore
import VoronkaImport
import VoronkaStore

/// Writes an `ImportPlan` to the store: users, products, pipelines and stages first, then companies, contacts, leads
/// and deals in batches of `ImportOptions.batchSize` rows, each batch one transaction (all or nothing). Every record
/// is keyed by its id in the source system, so a rerun (after an interruption, or of the same export) skips what is
/// written and unchanged, and a newer export updates what changed, journaled as an import.
public struct ImportWriter: Sendable {
    public let store: SQLStore
    public let options: ImportOptions
    /// The user the journal names as the importer (nil: the system).
    public let actor: Int64?
    public let now: Date

    /// SQLite's page cache for the load, in MiB: the command line takes 512 (the machine is its own); a server that
    /// goes on answering takes less, and gives it back afterwards (`SQLStore.endBulkLoad`).
    public var cacheMiB = 512

    public init(store: SQLStore, options: ImportOptions, actor: Int64?, now: Date) {
        self.store = store; self.options = options; self.actor = actor; self.now = now
    }

    /// Writes the plan; `progress` hears (rows written, rows in all) after every batch.
    public func write(_ plan: ImportPlan, progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws -> ImportResult {
        let started = Date()
        var result = ImportResult(system: options.system)
        result.rows = plan.files.compactMap(\.report).reduce(0) { $0 + $1.rowsRead }
        result.problems = plan.problems.map(ImportMessage.row)
        // History rows are written with their deal. Without a deals file the plan cannot tell which deals they name,
        // so each deal whose history is left out is said here (with a deals file, the plan has said it).
        if !plan.stageEvents.isEmpty, !plan.files.contains(where: { $0.report?.kind == .deals }) {
            var said = Set<String>()
            for event in plan.stageEvents where said.insert(event.dealSourceID).inserted {
                result.problems.append(ImportMessage("{0}: the stage history of deal {1} is left out: history is written with its deal, and no deals file of this import has it",
                                                     .text("\(event.location)"), .text(event.dealSourceID)))
            }
        }
        let catalog = ImportCatalog()
        let total = plan.companies.count + plan.contacts.count + plan.leads.count + plan.deals.count
        try await store.prepareBulkLoad(cacheMiB: cacheMiB)
        let eventRanges = plan.stageEventRanges()
        try await store.write(actor: actor, origin: "import", at: now) { tx in
            try await catalog.prepare(plan, eventRanges: eventRanges, options: options, tx: tx)
        }
        result.problems += catalog.problems
        result.channelsMade = catalog.channelsMade
        var mark = result.phase("catalog", since: started)
        let (kinds, journal) = try await deferrable(plan)
        let deferred = try await store.withIndexesDeferred(of: kinds, journal: journal) {
            try await writeRecords(plan, eventRanges: eventRanges, catalog: catalog, into: &result, mark: &mark, progress: progress)
        }
        if deferred { mark = result.phase("indexes", since: mark) }
        try await store.syncIDSequences()
        progress(total, total)
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// The tables whose secondary indexes this import defers (`SQLStore.withIndexesDeferred`): those it fills from
    /// (nearly) empty, that get at least `rebuildIndexesFrom` rows and hold less than a tenth of that; the journal too.
    private func deferrable(_ plan: ImportPlan) async throws -> (kinds: [EntityKind], journal: Bool) {
        let least = options.rebuildIndexesFrom
        var kinds: [EntityKind] = []
        for (kind, incoming) in [(EntityKind.company, plan.companies.count), (.contact, plan.contacts.count), (.lead, plan.leads.count),
                                 (.deal, plan.deals.count)] where incoming >= least {
            if try await store.count(kind, includeDeleted: true) * 10 < incoming { kinds.append(kind) }
        }
        let entries = plan.companies.count + plan.contacts.count + plan.leads.count + plan.deals.count + plan.stageEvents.count
        var journal = false
        if entries >= least { journal = try await store.lastJournalSeq() * 10 < entries }
        return (kinds, journal)
    }

    /// Companies, contacts, leads and deals, batch by batch.
    private func writeRecords(_ plan: ImportPlan, eventRanges: [String: Range<Int>], catalog: ImportCatalog, into result: inout ImportResult,
                              mark: inout Date, progress: @Sendable (_ done: Int, _ total: Int) -> Void) async throws {
        let total = plan.companies.count + plan.contacts.count + plan.leads.count + plan.deals.count
        var done = 0
        var batch = 0
        // Writes a feed's batches; `each` hears every record with its id. Returns the problems the batches found.
        func run(_ kind: EntityKind, _ label: String, _ feed: RecordFeed, each: (PendingRecord, Int64) -> Void = { _, _ in },
                 after: (@Sendable (StoreTransaction, [PendingRecord], [Int64]) async throws -> Int)? = nil) async throws -> [ImportMessage] {
            var problems: [ImportMessage] = []
            let batchesBefore = batch
            while case let chunk = await feed.next(), !chunk.isEmpty {
                batch += 1
                let failing = options.failInBatch == batch
                let outcome = try await store.write(actor: actor, origin: "import", at: now) { tx in
                    var outcome = try await ImportBatch.upsert(tx, kind, keyKind: label, chunk, system: options.system)
                    if let after { outcome.entries += try await after(tx, chunk, outcome.ids) }
                    if failing { throw ImportInterrupted(batch: options.failInBatch ?? 0) }
                    return outcome
                }
                for (item, id) in zip(chunk, outcome.ids) { each(item, id) }
                result.add(label) { t in
                    t.created += outcome.tally.created; t.updated += outcome.tally.updated
                    t.unchanged += outcome.tally.unchanged; t.skipped += outcome.tally.skipped
                }
                result.journalEntries += outcome.entries
                problems += outcome.problems
                result.batches += 1
                done += chunk.count
                if done < total { progress(done, total) }
            }
            if batch > batchesBefore { mark = result.phase(kind.plural, since: mark) }
            return problems
        }

        let records = ImportRecords(catalog: catalog, now: now)
        let needsPlaceholder = plan.deals.contains { $0.companyKey == nil } || plan.contacts.contains { $0.companyKey == nil }
        var companies = records.companies(plan.companies, needsPlaceholder: needsPlaceholder)
        companies = try await linkEarlierCompanies(plan, companies, catalog: catalog, into: &result)
        catalog.companyIDs.merge(try await matchCompanies(companies), uniquingKeysWith: { a, _ in a })
        for i in companies.indices where catalog.companyIDs[companies[i].sourceID] != nil {
            companies[i].matchedID = catalog.companyIDs[companies[i].sourceID]
        }
        result.problems += try await run(.company, "company", RecordFeed(companies, batchSize: options.batchSize)) { item, id in
            catalog.companyIDs[item.sourceID] = id
        }
        companies = []

        let contacts = records.contacts(plan)
        result.problems += try await run(.contact, "contact", RecordFeed(contacts, batchSize: options.batchSize)) { item, id in
            catalog.contactIDs[item.sourceID] = id
            for alias in item.aliases { catalog.contactIDs[alias] = id }
        }

        let leads = RowConverter(plan.leads) { records.lead($0, problems: &$1) }
        let leadProblems = try await run(.lead, "lead", leads.feed(batchSize: options.batchSize)) { item, id in catalog.leadIDs[item.sourceID] = id }
        result.problems += leads.problems + leadProblems
        result.add("lead") { $0.skipped += leads.problems.count }

        let links = ImportRecords.DealLinks(plan, eventRanges: eventRanges)
        try await linkEarlierLeads(plan, links: links, catalog: catalog, into: &result)
        let deals = RowConverter(plan.deals) { records.deal($0, links, problems: &$1) }
        let dealProblems = try await run(.deal, "deal", deals.feed(batchSize: options.batchSize), after: { [system = options.system] tx, chunk, ids in
            try await ImportWriter.convertLeads(tx, chunk, ids, system: system)
        })
        result.problems += deals.problems + dealProblems
        result.add("deal") { $0.skipped += deals.problems.count }
    }

    /// The leads the deals name that this run did not write: found through the import keys of earlier runs of the same
    /// system (a leads file imported before the deals file). Those found nowhere are counted and, when no leads file
    /// came with this run (the plan warns about them otherwise), each deal naming one is reported.
    private func linkEarlierLeads(_ plan: ImportPlan, links: ImportRecords.DealLinks, catalog: ImportCatalog,
                                  into result: inout ImportResult) async throws {
        var named: [(deal: ImportedDeal, lead: String)] = []
        for deal in plan.deals {
            if let lead = deal.leadSourceID ?? links.leadOfDeal[deal.sourceID], catalog.leadIDs[lead] == nil { named.append((deal, lead)) }
        }
        guard !named.isEmpty else { return }
        let wanted = Array(Set(named.map(\.lead))).sorted()
        let keys = try await store.write(actor: actor, origin: "import", at: now) { [system = options.system] tx in
            try await tx.importKeys(system: system, kind: "lead", sourceIDs: wanted)
        }
        for (id, key) in keys { catalog.leadIDs[id] = key.entityID }
        let hasLeadsFile = plan.files.contains { $0.report?.kind == .leads }
        for (deal, lead) in named {
            if keys[lead] != nil {
                result.linksMade["lead", default: 0] += 1
            } else {
                result.linksUnknown["lead", default: 0] += 1
                if !hasLeadsFile {
                    result.problems.append(ImportMessage("{0}: deal {1} names lead {2}, which neither this import nor an earlier one of this system has; kept without its lead",
                                                         .text("\(deal.location)"), .text(deal.sourceID), .text(lead)))
                }
            }
        }
    }

    /// The companies rows name without a companies file of this run having them (implied): those an earlier run of
    /// the same system wrote are linked, not written again (an implied company knows little more than a name, and
    /// writing it would blank what the earlier run stored). One named only by the source's id and found nowhere is
    /// made under that id, and said. Returns the records still to write.
    private func linkEarlierCompanies(_ plan: ImportPlan, _ items: [PendingRecord], catalog: ImportCatalog,
                                      into result: inout ImportResult) async throws -> [PendingRecord] {
        let implied = plan.companies.indices.filter { plan.companies[$0].implied }
        guard !implied.isEmpty else { return items }
        let wanted = implied.map { items[$0].sourceID }
        let keys = try await store.write(actor: actor, origin: "import", at: now) { [system = options.system] tx in
            try await tx.importKeys(system: system, kind: "company", sourceIDs: wanted)
        }
        var linked = Set<Int>()
        var unknownByFile: [String: (first: SourceLocation, ids: [String], count: Int)] = [:]
        for i in implied {
            let company = plan.companies[i]
            if let key = keys[items[i].sourceID] {
                catalog.companyIDs[items[i].sourceID] = key.entityID
                linked.insert(i)
                result.linksMade["company", default: 0] += 1
            } else if company.key.rawValue.hasPrefix("id:") {
                result.linksUnknown["company", default: 0] += 1
                var entry = unknownByFile[company.location.file] ?? (company.location, [], 0)
                entry.count += 1
                if entry.ids.count < 3 { entry.ids.append(company.sourceID ?? company.name) }
                unknownByFile[company.location.file] = entry
            }
        }
        // Said once per file (an export naming accounts by id alone names thousands), with the first few ids.
        for (_, entry) in unknownByFile.sorted(by: { $0.key < $1.key }) {
            result.problems.append(ImportMessage("{0}: companies named by the source's id only: {1} ({2}…); neither this import nor an earlier one of this system has them, so a company called by its id is made for each (import the companies file to name them)",
                                                 .text("\(entry.first)"), .text(String(entry.count)), .text(entry.ids.joined(separator: ", "))))
        }
        return items.indices.filter { !linked.contains($0) }.map { items[$0] }
    }

    /// Companies this system never imported that match by tax id or normalised name one already in Voronka.
    private func matchCompanies(_ items: [PendingRecord]) async throws -> [String: Int64] {
        guard !items.isEmpty else { return [:] }
        let existing = try await store.write(actor: actor, origin: "import", at: now) { tx in
            try await tx.records(.company, fields: ["id", "name", "tax_id"])
        }
        var byKey: [String: Int64] = [:]
        for r in existing {
            guard let id = r.int("id") else { continue }
            if let tax = r.text("tax_id").flatMap(CompanyKey.taxID) { byKey[tax.rawValue] = byKey[tax.rawValue] ?? id }
            if let name = r.text("name").flatMap(CompanyKey.name) { byKey[name.rawValue] = byKey[name.rawValue] ?? id }
        }
        var out: [String: Int64] = [:]
        for item in items { if let id = byKey[item.sourceID] { out[item.sourceID] = id } }
        return out
    }

    /// Marks the leads that deals of this batch came from as converted: their deal, outcome "deal", at the deal's
    /// creation time.
    static func convertLeads(_ tx: StoreTransaction, _ chunk: [PendingRecord], _ ids: [Int64], system: String) async throws -> Int {
        var leadOfDeal: [Int64: (deal: Int64, at: Date)] = [:]
        for (item, id) in zip(chunk, ids) {
            if case .int(let lead) = item.finalValue("lead_id") { leadOfDeal[lead] = (id, item.createdAt) }
        }
        guard !leadOfDeal.isEmpty else { return 0 }
        var entries = 0
        for lead in try await tx.records(.lead, ids: leadOfDeal.keys.sorted()) {
            guard let id = lead.int("id"), let link = leadOfDeal[id], lead.int("deal_id") != link.deal else { continue }
            var next = lead
            next["deal_id"] = .int(link.deal)
            next["outcome"] = .text(LeadOutcome.deal.rawValue)
            try await tx.update(.lead, from: lead, to: next, action: .import, at: max(link.at, lead.time("received_at") ?? link.at))
            entries += 1
        }
        return entries
    }
}

/// Thrown inside a batch by `ImportOptions.failInBatch`: an interruption, for tests of resuming.
public struct ImportInterrupted: Error, CustomStringConvertible {
    public let batch: Int
    public var description: String { "import interrupted in batch \(batch)" }
}
