import Testing
import VoronkaCore
import VoronkaTestDatabase
@testable import VoronkaImport

@Suite("Import plan")
struct ImportPlanTests {
    @Test("Company names are normalised: case, quotes, legal forms, ё, spaces")
    func normalisedNames() {
        let same = ["ООО «Ромашка»", "Ромашка, ООО", "ооо \"РОМАШКА\"", "  Ромашка  ", "Общество с ограниченной ответственностью Ромашка"]
        #expect(Set(same.map(normalisedCompanyName)) == ["ромашка"])
        #expect(normalisedCompanyName("Ёлки-Палки АО") == "елки палки")
        #expect(normalisedCompanyName("Acme, Inc.") == "acme" && normalisedCompanyName("ACME LLC") == "acme")
        #expect(normalisedCompanyName("Siemens GmbH") == "siemens" && normalisedCompanyName("Tesco PLC") == "tesco")
        #expect(normalisedCompanyName("ООО") == "ооо")
        #expect(normalisedCompanyName("AT&T") == "at&t")
    }

    @Test("Companies are de-duplicated by tax id, then by name; deals naming one by name join the tax-id one")
    func companyDeduplication() throws {
        // setup
        let companies = ImportSource(name: "companies.csv", bytes: Array("""
        Название;ИНН;Отрасль
        ООО «Ромашка»;7701234567;Машиностроение
        Ромашка;77 0123 4567;
        ООО Ромашка-Юг;2301234567;Торговля
        ИП Кузнецов;;Услуги

        """.utf8), mapping: try ImportMapping(json: ["kind": "companies", "columns": ["Название": "company_name", "ИНН": "tax_id", "Отрасль": "industry"]]))
        let deals = ImportSource(name: "deals.csv", bytes: Array("""
        ID;Сделка;Этап;Клиент
        1;Насосы;Новая;ромашка ооо
        2;Котлы;Новая;Кузнецов ИП
        3;Трубы;Новая;ЗАО Новый клиент

        """.utf8), mapping: try ImportMapping(json: ["kind": "deals", "columns": ["ID": "source_id", "Сделка": "title", "Этап": "stage_name", "Клиент": "company_name"]]))
        // action
        let plan = ImportPlan(sources: [companies, deals])
        // check
        #expect(plan.problems.isEmpty)
        #expect(plan.companies.map(\.key.rawValue) == ["tax:7701234567", "tax:2301234567", "name:кузнецов", "name:новый клиент"])
        #expect(plan.companies[0].industry == "Машиностроение" && plan.companies[0].location.line == 2)
        #expect(plan.companies.map(\.implied) == [false, false, false, true])
        #expect(plan.deals.map(\.companyKey?.rawValue) == ["tax:7701234567", "name:кузнецов", "name:новый клиент"])
    }

    @Test("Links across files: unknown leads, repeated ids, history of deals not in the import")
    func crossFileWarnings() throws {
        // setup
        let leads = ImportSource(name: "leads.csv", bytes: Array("id,received\nL1,2024-01-01\n".utf8),
                                 mapping: try ImportMapping(json: ["kind": "leads", "columns": ["id": "source_id", "received": "received_at"]]))
        let deals = ImportSource(name: "deals.csv", bytes: Array("id,stage,lead\nD1,New,L1\nD2,New,L9\nD1,Won,L1\n".utf8),
                                 mapping: try ImportMapping(json: ["kind": "deals", "columns": ["id": "source_id", "stage": "stage_name", "lead": "lead_source_id"]]))
        let history = ImportSource(name: "history.csv", bytes: Array("deal,stage,at\nD1,New,2024-01-02\nD7,New,2024-01-03\nD7,Won,2024-01-04\n".utf8),
                                   mapping: try ImportMapping(json: ["kind": "stage_history", "columns": ["deal": "deal_source_id", "stage": "stage_name", "at": "entered_at"]]))
        // action
        let plan = ImportPlan(sources: [leads, deals, history])
        // check
        #expect(plan.deals.map(\.sourceID) == ["D1", "D2"] && plan.deals[0].stageName == "Won")
        #expect(plan.deals[0].createdAt == plan.leads[0].receivedAt)
        #expect(plan.stageEvents.count == 3)
        #expect(plan.problems.allSatisfy { $0.severity == .warning })
        #expect(plan.problems.map(\.description) == [
            "deals.csv:4: repeats deal D1 of deals.csv:2; this later row is kept",
            "deals.csv:3: names lead L9, which no leads file of this import has",
            "history.csv:3: names deal D7, which no deals file of this import has; the deal's history rows are left out (import them with their deal)",
        ])
    }

    @Test("The dry run's summary: counts, mapping, stages, owners, problems")
    func summary() throws {
        // setup
        let plan = ImportPlan(sources: [ImportSource(name: "pd.csv", bytes: Array(PresetSamples.pipedriveDeals.utf8))])
        // action
        let summary = plan.summary
        // check
        #expect(summary.counts.first { $0.kind == "deals" }?.rows == 3)
        #expect(summary.counts.first { $0.kind == "companies" } == .init(kind: "companies", rows: 3, implied: 3))
        #expect(summary.stages.map(\.stage) == ["Negotiations Started", "Proposal Made", "Qualified"])
        #expect(summary.stages.map(\.won) == [1, 0, 0] && summary.stages.map(\.lost) == [0, 1, 0])
        #expect(summary.owners.map(\.name) == ["John Smith", "Mary Major"] && summary.owners.map(\.rows) == [2, 1])
        #expect(summary.problems.count == 1)
        let text = summary.text
        #expect(text.contains("pd.csv: deals by preset pipedrive-deals; utf-8, delimiter ,; 4 rows read, 3 imported, 1 left out"))
        #expect(text.contains("Deal - Status → status"))
        #expect(text.contains("pd.csv:5, column Deal - Status: “Deleted” matches the outcome rule “status is “Deleted” → skip” (row left out)"))
    }
}
