import Foundation
import Testing
import VoronkaAnalytics
import VoronkaCore
@testable import VoronkaImport
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

/// Imports written to a real store (SQLite and PostgreSQL): presets, encodings, broken rows, re-imports, newer
/// exports and interrupted runs.
@Suite("Import writing")
struct ImportWriteTests {
    private func stageName(_ entry: JournalEntry, _ stages: [Int64: Stage]) -> String? {
        guard case .int(let id)? = entry.changes.first(where: { $0.field == "stage_id" })?.new else { return nil }
        return stages[id]?.name
    }

    // MARK: presets

    @Test("Every preset's sample imports, and importing it again changes nothing", arguments: TestDatabase.backends)
    func presetsImportAndReimport(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            for (system, files) in ImportSamples.presetExports {
                // setup
                let plan = ImportPlan(sources: files.map { ImportSource(name: $0.0, bytes: $0.1) })
                #expect(plan.files.allSatisfy { $0.presetID != nil }, "\(system): a preset is detected for every file")
                // action
                let first = try await ImportSamples.write(plan, system: system, app)
                let second = try await ImportSamples.write(ImportPlan(sources: files.map { ImportSource(name: $0.0, bytes: $0.1) }), system: system, app)
                // check
                #expect(first.tally("deal").created + first.tally("deal").skipped == plan.deals.count, "\(system): \(first.text)")
                #expect(first.tally("lead").created == plan.leads.count, "\(system)")
                #expect(second.changedNothing, "\(system): \(second.text)")
                #expect(second.tally("deal").unchanged == first.tally("deal").created, "\(system)")
            }
        }
    }

    @Test("Values land as the export meant them: money, outcome, stage history, owners, de-duplicated companies", arguments: TestDatabase.backends)
    func presetValues(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let store = app.services.store
            let bitrix = ImportPlan(sources: [ImportSource(name: "deals.csv", bytes: Array(PresetSamples.bitrix24Deals.utf8)),
                                              ImportSource(name: "leads.csv", bytes: Array(PresetSamples.bitrix24Leads.utf8))])
            let hubspot = ImportPlan(sources: [ImportSource(name: "hubspot.csv", bytes: Array(PresetSamples.hubSpotDeals.utf8))])
            // action
            _ = try await ImportSamples.write(bitrix, system: "bitrix24", app)
            _ = try await ImportSamples.write(hubspot, system: "hubspot", app)
            // check
            let deals = try await store.all(.deal)
            let stages = Dictionary(uniqueKeysWithValues: try await store.all(.stage).map { ($0.int("id")!, Stage(record: $0)) })
            let won = try #require(deals.first { $0.text("title") == "Поставка насосов" })
            #expect(won.int("amount") == 125_000_000)
            #expect(stages[won.int("stage_id")!]?.kind == .won && won.time("closed_at") != nil)
            let lost = try #require(deals.first { $0.text("title") == "Модернизация" })
            #expect(stages[lost.int("stage_id")!]?.kind == .lost)
            // "ООО «Ромашка»" and "Ромашка ООО" are one company
            #expect(won.int("company_id") == lost.int("company_id"))
            // the deal came from lead 11, which is now converted
            let leadID = try #require(won.int("lead_id"))
            let lead = try #require(try await store.fetch(.lead, leadID))
            #expect(lead.int("deal_id") == won.int("id") && lead.text("outcome") == "deal")
            // an unknown owner becomes an inactive user
            let ownerID = try #require(won.int("owner_id"))
            let owner = try #require(try await store.fetch(.user, ownerID))
            #expect(owner.text("name") == "Анна Смирнова" && owner.bool("active") == false)
            // HubSpot's "Date entered" columns become the journal's stage history, at their own times
            let renewal = try #require(deals.first { $0.text("title") == "Acme renewal" })
            let history = try await store.journal(of: .deal, renewal.int("id")!).filter { $0.changes.contains { $0.field == "stage_id" } }
            #expect(history.map { stageName($0, stages) }
                    == ["Appointment Scheduled", "Qualified To Buy", "Closed Won"])
            #expect(history.last?.at == ImportSamples.utc("2024-03-01 12:00"))
            #expect(history.first?.action == .create)
        }
    }

    @Test("A Windows-1251 export imports with its Russian text intact", arguments: TestDatabase.backends)
    func windows1251(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let bytes = try #require(Windows1251.encode(PresetSamples.bitrix24Deals))
            // action
            let result = try await ImportSamples.write(ImportPlan(sources: [ImportSource(name: "deals-1251.csv", bytes: bytes)]), system: "bitrix24", app)
            // check
            #expect(result.tally("deal").created == 3)
            let titles = Set(try await app.services.store.all(.deal).compactMap { $0.text("title") })
            #expect(titles.isSuperset(of: ["Поставка насосов", "Сервисный контракт", "Модернизация"]))
        }
    }

    @Test("Broken rows are reported and left out; good rows are written whole", arguments: TestDatabase.backends)
    func brokenRows(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let mapping = try ImportMapping(json: [
                "kind": "deals",
                "columns": ["id": "source_id", "title": "title", "stage": "stage_name", "amount": "amount", "created": "created_at"],
            ])
            let csv = "id,title,stage,amount,created\n1,Good one,Won,\"1 000,50\",2024-01-05\n2,Bad date,Open,100,2024-13-45\n"
                + "3,Bad number,Open,12abc,2024-01-06\n4,Wrong width,Open\n5,Second good,Before qualification,200,2024-01-07\n"
            let before = try await app.services.store.count(.deal)
            // action
            let result = try await ImportSamples.write(ImportPlan(sources: [ImportSource(name: "deals.csv", bytes: Array(csv.utf8), mapping: mapping)]),
                                                       system: "sheet", app)
            // check
            #expect(result.tally("deal").created == 2)
            #expect(result.problems.count == 3)
            #expect(result.problems.map(\.english).contains { $0.contains("deals.csv:3") && $0.contains("created") })
            let deals = try await app.services.store.all(.deal)
            #expect(deals.count == before + 2)
            #expect(deals.contains { $0.text("title") == "Good one" && $0.int("amount") == 100_050 && $0.time("closed_at") != nil })
        }
    }

    @Test("Unknown stages are rejected when the mapping says so, and created otherwise", arguments: TestDatabase.backends)
    func unknownStages(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let csv = "id,title,stage\n1,Known,Qualified\n2,Unknown,Тендерная комиссия\n"
            func mapping(_ policy: String) throws -> ImportMapping {
                try ImportMapping(json: ["kind": "deals", "columns": ["id": "source_id", "title": "title", "stage": "stage_name"],
                                         "pipeline": "Complex products", "unknown_stages": .string(policy)])
            }
            // action
            let rejected = try await ImportSamples.write(ImportPlan(sources: [ImportSource(name: "a.csv", bytes: Array(csv.utf8), mapping: try mapping("reject"))]),
                                                         system: "a", app)
            let created = try await ImportSamples.write(ImportPlan(sources: [ImportSource(name: "b.csv", bytes: Array(csv.utf8), mapping: try mapping("create"))]),
                                                        system: "b", app)
            // check
            #expect(rejected.tally("deal").created == 1 && rejected.tally("deal").skipped == 1)
            #expect(rejected.problems.map(\.english).contains { $0.contains("Тендерная комиссия") && $0.contains("reject") })
            #expect(rejected.problems.map { $0.text(.ru) }.contains { $0.contains("этапа «Тендерная комиссия» нет в воронке") })
            #expect(created.tally("deal").created == 2)
            let stages = try await app.services.store.all(.stage).map(Stage.init(record:))
            let made = try #require(stages.first { $0.name == "Тендерная комиссия" })
            // created after the last open stage, before Won and Lost
            let pipeline = stages.filter { $0.pipelineID == made.pipelineID }
            #expect(made.kind == .open)
            #expect(pipeline.filter { $0.kind == .open }.allSatisfy { $0.position <= made.position })
            #expect(pipeline.filter { $0.kind == .won || $0.kind == .lost }.allSatisfy { $0.position > made.position })
        }
    }

    @Test("Stages created by an import follow the order deals went through them and learn their win probability from closed deals",
          arguments: TestDatabase.backends)
    func createdStagesOrderedAndLearned(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: 9 deals, each through Prospecting (January) then Negotiation/Review (February); 3 won, 3 lost, 3 open
            let export = ImportSamples.salesforce(deals: 9)
            // action
            let result = try await ImportSamples.write(export, system: "salesforce", app, pipeline: "Salesforce")
            // check
            #expect(result.tally("deal").created == 9)
            let pipelines = try await app.services.store.all(.pipeline).map(Pipeline.init(record:))
            let pipeline = try #require(pipelines.first { $0.name == "Salesforce" })
            let open = try await app.services.store.all(.stage).map(Stage.init(record:))
                .filter { $0.pipelineID == pipeline.id && $0.kind == .open }.sorted { $0.position < $1.position }
            #expect(open.map(\.name) == ["Prospecting", "Negotiation/Review"])
            // every closed deal passed both stages once: 3 won of 6 closed
            #expect(open.map(\.probability) == [50, 50])
        }
    }

    @Test("A company already in Voronka is matched by tax id and by normalised name, not duplicated", arguments: TestDatabase.backends)
    func companiesMatched(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let byTax = try await app.call(.POST, "/api/v1/companies", json: ["name": "Vector JSC", "tax_id": "7701234567"]).requireID()
            let byName = try await app.call(.POST, "/api/v1/companies", json: ["name": "Ромашка", "industry": "food"]).requireID()
            let mapping = try ImportMapping(json: ["kind": "deals", "columns": [
                "id": "source_id", "title": "title", "stage": "stage_name", "company": "company_name", "inn": "tax_id"]])
            let csv = "id,title,stage,company,inn\n1,One,Qualified,АО Вектор,77 0123-4567\n2,Two,Qualified,ООО «Ромашка»,\n"
            let companiesBefore = try await app.services.store.count(.company)
            // action
            _ = try await ImportSamples.write(ImportPlan(sources: [ImportSource(name: "d.csv", bytes: Array(csv.utf8), mapping: mapping)]), system: "x", app)
            // check
            let deals = try await app.services.store.all(.deal)
            #expect(deals.first { $0.text("title") == "One" }?.int("company_id") == byTax)
            #expect(deals.first { $0.text("title") == "Two" }?.int("company_id") == byName)
            #expect(try await app.services.store.count(.company) == companiesBefore)
            // the user's own data is kept; the import only fills what was empty
            #expect(try await app.services.store.fetch(.company, byName)?.text("industry") == "food")
        }
    }

    // MARK: newer exports and interruptions

    @Test("A newer export updates what changed, journaled as an import, and appends new stage history", arguments: TestDatabase.backends)
    func newerExport(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let store = app.services.store
            let old = ImportSamples.salesforce(deals: 3)
            _ = try await ImportSamples.write(old, system: "salesforce", app)
            let deal = try #require(try await store.all(.deal).first { $0.text("title") == "Opportunity 2" })
            let seq = try await store.lastJournalSeq()
            // action: deal 2 is won later at a new amount; the rest is as before
            let newer = ImportSamples.salesforce(deals: 3, changed: 2)
            let result = try await ImportSamples.write(newer, system: "salesforce", app)
            // check
            #expect(result.tally("deal").updated == 1 && result.tally("deal").unchanged == 2 && result.tally("deal").created == 0)
            let after = try #require(try await store.fetch(.deal, deal.int("id")!))
            #expect(after.int("amount") == 999_900)
            let entries = try await store.journal(after: seq, limit: 100)
            #expect(entries.allSatisfy { $0.entityID == deal.int("id") || $0.entity != .deal })
            #expect(entries.contains { $0.action == .stage && $0.at == ImportSamples.changedWinTime })
            #expect(entries.contains { $0.action == .import && $0.changes.contains { $0.field == "amount" } })
            let origins = try await ImportSamples.origins(store, after: seq)
            #expect(origins == ["import"])
        }
    }

    @Test("An import interrupted midway and run again ends with the same database as one run straight through", arguments: TestDatabase.backends)
    func interruptedAndResumed(backend: Backend) async throws {
        // setup
        let export = ImportSamples.salesforce(deals: 60)
        // action: one straight run; one that fails inside its third batch, then the same command again
        let straight = try await ImportSamples.database(backend) { app in
            _ = try await ImportSamples.write(export, system: "salesforce", app, batchSize: 10)
        }
        var interruption: (any Error)?
        let resumed = try await ImportSamples.database(backend) { app in
            do { _ = try await ImportSamples.write(export, system: "salesforce", app, batchSize: 10, failInBatch: 4) } catch { interruption = error }
            let partial = try await app.services.store.count(.deal)
            #expect(partial > 0 && partial < 60, "some batches were written before the interruption, not all")
            let rerun = try await ImportSamples.write(export, system: "salesforce", app, batchSize: 10)
            #expect(rerun.tally("deal").unchanged == partial && rerun.tally("deal").created == 60 - partial)
        }
        // check
        #expect(interruption is ImportInterrupted)
        #expect(straight.records.count > 60)
        #expect(resumed.records == straight.records)
        #expect(resumed.journal == straight.journal)
    }

    @Test("A load that drops indexes and builds them again ends with the database and the indexes of one that keeps them",
          arguments: TestDatabase.backends)
    func indexesRebuilt(backend: Backend) async throws {
        // setup
        let export = ImportSamples.salesforce(deals: 60)
        let tables = ["companies", "deals", "journal", "import_keys"]
        func indexes(_ store: SQLStore) async throws -> [[String]] {
            var out: [[String]] = []
            for table in tables { out.append(try await store.indexNames(table)) }
            return out
        }
        // action: one import that keeps every index, one that rebuilds them, one interrupted after dropping them
        let kept = try await ImportSamples.database(backend) { app in
            _ = try await ImportSamples.write(export, system: "salesforce", app, batchSize: 10, rebuildIndexesFrom: .max)
        }
        let rebuilt = try await ImportSamples.database(backend) { app in
            let before = try await indexes(app.services.store)
            let result = try await ImportSamples.write(export, system: "salesforce", app, batchSize: 10, rebuildIndexesFrom: 1)
            #expect(result.tally("deal").created == 60)
            #expect(try await indexes(app.services.store) == before)
            #expect(result.phases.map(\.name) == ["catalog", "companies", "deals"] + (backend == .sqlite ? ["indexes"] : []))
        }
        let interrupted = try await ImportSamples.database(backend) { app in
            let store = app.services.store
            let before = try await indexes(store)
            await #expect(throws: ImportInterrupted.self) {
                try await ImportSamples.write(export, system: "salesforce", app, batchSize: 10, failInBatch: 4, rebuildIndexesFrom: 1)
            }
            #expect(try await indexes(store) == before, "rebuilt after the failed batch")
            // a process that dies with the indexes dropped: the next start's migration builds them
            let dropped = try await store.deferIndexes(of: [.deal, .company], journal: true)
            #expect(dropped == (backend == .sqlite))
            if dropped { #expect(try await indexes(store) != before) }
            try await store.migrate()
            #expect(try await indexes(store) == before, "rebuilt by the migration")
            _ = try await ImportSamples.write(export, system: "salesforce", app, batchSize: 10, rebuildIndexesFrom: 1)
        }
        // check
        #expect(rebuilt.records == kept.records && rebuilt.journal == kept.journal)
        #expect(interrupted.records == kept.records && interrupted.journal == kept.journal)
    }

    // MARK: the Maven data set

    @Test("The Maven CRM data set: counts by stage, win rate, won revenue and cycle lengths equal a naive count of its CSV",
          .enabled(if: MavenFiles.found != nil, "the Maven CRM data set is not in shared/data/maven-crm"), arguments: TestDatabase.backends)
    func maven(backend: Backend) async throws {
        try await withTestApp(backend) { app in try await checkMaven(app) }
    }

    private func checkMaven(_ app: TestApp) async throws {
        // setup: the expected figures, from a naive split of sales_pipeline.csv (it has no quoted fields)
        let rows = try MavenFiles.naive("sales_pipeline.csv")
        var byStage: [String: Int] = [:]
        var wonRevenue: Int64 = 0, wonCycles: [Int] = []
        for r in rows {
            byStage[r[4], default: 0] += 1
            if r[4] == "Won" {
                wonRevenue += Int64(r[7])!
                wonCycles.append(MavenFiles.days(r[5], r[6]))
            }
        }
        let expectedWinRate = Double(byStage["Won"]!) / Double(byStage["Won"]! + byStage["Lost"]!)
        let plan = ImportPlan(sources: try ["accounts.csv", "products.csv", "sales_teams.csv", "sales_pipeline.csv"].map {
            ImportSource(name: $0, bytes: try MavenFiles.bytes($0))
        })
        // action
        let result = try await ImportSamples.write(plan, system: "maven", app, pipeline: "Maven CRM")
        let again = try await ImportSamples.write(plan, system: "maven", app, pipeline: "Maven CRM")
        // check: what the store holds
        // every account, and one "(no company)" for the Prospecting deals that name none
        #expect(result.tally("deal").created == rows.count)
        let placeholder = plan.deals.contains(where: { $0.companyKey == nil }) ? 1 : 0
        #expect(result.tally("company").created == plan.companies.count + placeholder)
        #expect(plan.companies.count == 85)
        #expect(again.changedNothing, "\(again.text)")
        let store = app.services.store
        let stages = Dictionary(uniqueKeysWithValues: try await store.all(.stage).map { ($0.int("id")!, Stage(record: $0)) })
        let deals = try await store.all(.deal)
        var counted: [String: Int] = [:]
        for d in deals { counted[stages[d.int("stage_id")!]!.name, default: 0] += 1 }
        #expect(counted == byStage)
        let won = deals.filter { stages[$0.int("stage_id")!]!.kind == .won }
        #expect(won.reduce(0) { $0 + $1.int("amount")! } == wonRevenue * 100)
        let cycles = won.map { Int((($0.time("closed_at")!.timeIntervalSince($0.time("created_at")!)) / 86_400).rounded()) }.sorted()
        #expect(cycles == wonCycles.sorted())
        // check: what analytics computes from the journal
        let snapshot = try await app.services.analytics.snapshot()
        let pipeline = try #require(stages.values.first { $0.name == "Won" && won.first?.int("pipeline_id") == $0.pipelineID }?.pipelineID)
        var filter = AnalyticsFilter.all
        filter.pipelineIDs = [pipeline]
        let dashboard = Metrics.dashboard(snapshot, filter, asOf: ImportSamples.utc("2018-01-01 00:00"),
                                          options: DashboardOptions(velocityHistoryDays: 5000))
        let v = dashboard.velocity.overall
        #expect(v.wonDeals == byStage["Won"] && v.lostDeals == byStage["Lost"])
        // the report rounds shares to 6 decimals and days to 2
        let rateError = abs((v.winRate ?? 0) - expectedWinRate)
        #expect(rateError <= 0.000_000_500_001)
        let meanCycle = Double(wonCycles.reduce(0, +)) / Double(wonCycles.count)
        let cycleError = abs((v.averageCycleDays ?? 0) - meanCycle)
        #expect(cycleError <= 0.005_000_001)
        let median = wonCycles.sorted()[wonCycles.count / 2]
        #expect(cycles[cycles.count / 2] == median)
    }
}

@Suite("Import grading")
struct ImportGradingTests {
    @Test("Imported deals are graded by the same rule as any write, closed ones too; the report counts the ungraded and says why", arguments: TestDatabase.backends)
    func gradesFromExport(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: a proposed mapping finds the need, budget and deadline columns by their Russian names
            let csv = """
                ID;Название;Компания;Этап;Сумма;Потребность;Бюджет клиента;Крайний срок
                1;Котёл;ООО Тепло;Переговоры;100000;Нужен паровой котёл;90000;2027-03-01
                2;Насосы;ООО Вода;Успешно реализовано;5000;Замена насосов;;
                3;Счётчики;ООО Свет;Переговоры;2000;;;
                """
            let sample = CSVReader().sample(of: Array(csv.utf8), rows: 5)
            let proposal = MappingProposal.propose(fileName: "сделки.csv", header: sample.header, rows: sample.rows)
            let plan = ImportPlan(sources: [ImportSource(name: "сделки.csv", bytes: Array(csv.utf8), mapping: proposal.mapping)])
            // action
            let summary = plan.summary
            _ = try await ImportSamples.write(plan, system: "grading", app)
            let deals = Dictionary(try await app.services.store.all(.deal).map { ($0.text("title") ?? "", Deal(record: $0)) }, uniquingKeysWith: { a, _ in a })
            // check
            #expect(plan.files.first?.mapping?.columns.values.contains(.field(.needText)) == true, "\(plan.files.first?.mapping?.text ?? "")")
            #expect(deals["Котёл"]?.grade == .aaa && deals["Котёл"]?.budgetAmount == 9_000_000 && deals["Котёл"]?.deadline?.description == "2027-03-01")
            #expect(deals["Насосы"]?.grade == .ccc && deals["Насосы"]?.needText == "Замена насосов", "a won deal is graded too")
            #expect(deals["Счётчики"]?.grade == .ungraded && deals["Счётчики"]?.budgetStatus == .unknown)
            #expect(summary.grades == ImportSummary.Grades(graded: 2, ungraded: 1, mapped: true))
            #expect(summary.text.contains("1 deals stay ungraded: their rows leave need_text, budget_amount and deadline empty"))
        }
    }
}
