import Foundation
import Testing
import VoronkaCore
import VoronkaTestDatabase
@testable import VoronkaImport

/// Mappings proposed from headers no preset knows, in English and Russian, and read back through the parser.
@Suite("Mapping proposals")
struct MappingProposalTests {
    private func targets(_ p: MappingProposal) -> [String: String] {
        Dictionary(uniqueKeysWithValues: p.columns.map { ($0.name, $0.target.text) })
    }

    @Test("A known export's header proposes its preset whole")
    func presetHeader() {
        // setup
        let sample = CSVReader().sample(of: Array(PresetSamples.pipedriveDeals.utf8), rows: 5)
        // action
        let p = MappingProposal.propose(fileName: "export.csv", header: sample.header, rows: sample.rows)
        // check
        #expect(p.presetID == "pipedrive-deals")
        #expect(p.kind == .deals)
        #expect(targets(p)["Deal - Stage"] == "stage_name")
        #expect(p.columns.first { $0.name == "Deal - Title" }?.samples == ["Acme website", "Globex support", "Initech"])
    }

    @Test("A marketing funnel's two files: the leads file's own id, first-contact dates and channel; the won deals' lead id, won date and revenue")
    func marketingFunnel() {
        // setup: "First contact" names a field by half (contact) but holds dates; "Lead id" is the leads file's own id
        let leadsHeader = ["Lead id", "First contact", "Landing page", "Marketing channel"]
        let leadsRows = [["a1", "2018-02-01", "/tools", "organic_search"], ["a2", "2018-02-03", "/pumps", "paid_search"]]
        let dealsHeader = ["Lead id", "Won date", "Sales rep", "Business segment", "Declared revenue"]
        let dealsRows = [["a1", "2018-03-10 11:00:00", "Ann", "pet", "1200"]]
        // action
        let leads = MappingProposal.propose(fileName: "leads.csv", header: leadsHeader, rows: leadsRows)
        let deals = MappingProposal.propose(fileName: "closed_deals.csv", header: dealsHeader, rows: dealsRows)
        // check
        #expect(leads.kind == .leads && leads.missing.isEmpty)
        #expect(targets(leads)["Lead id"] == "source_id" && targets(leads)["First contact"] == "received_at")
        #expect(targets(leads)["Landing page"] == "landing_page" && targets(leads)["Marketing channel"] == "source")
        #expect(deals.kind == .deals)
        #expect(targets(deals)["Lead id"] == "lead_source_id" && targets(deals)["Won date"] == "won_at")
        #expect(targets(deals)["Sales rep"] == "owner_name" && targets(deals)["Declared revenue"] == "amount")
    }

    @Test("An English deals spreadsheet maps column by column, with the kind told by its columns")
    func englishDeals() {
        // setup
        let header = ["Deal ID", "Deal Name", "Company", "Amount", "Stage", "Status", "Owner", "Created", "Close Date", "Notes"]
        // action
        let p = MappingProposal.propose(fileName: "my pipeline.csv", header: header, rows: [])
        // check
        #expect(p.presetID == nil)
        #expect(p.kind == .deals)
        #expect(targets(p) == ["Deal ID": "source_id", "Deal Name": "title", "Company": "company_name", "Amount": "amount",
                               "Stage": "stage_name", "Status": "status", "Owner": "owner_name", "Created": "created_at",
                               "Close Date": "closed_at", "Notes": "ignore"])
        #expect(p.missing.isEmpty)
        #expect(p.columns.first { $0.name == "Notes" }?.reason == MappingProposal.Reason.none)
    }

    @Test("A Russian leads file maps its Russian headers; its name helps tell the kind")
    func russianLeads() {
        // setup
        let header = ["Дата обращения", "Компания", "ИНН", "Контактное лицо", "Телефон", "Источник", "Комментарий", "Ответственный"]
        // action
        let p = MappingProposal.propose(fileName: "Заявки 2024.csv", header: header, rows: [])
        // check
        #expect(p.kind == .leads)
        #expect(targets(p) == ["Дата обращения": "received_at", "Компания": "company_name", "ИНН": "tax_id",
                               "Контактное лицо": "contact_name", "Телефон": "phone", "Источник": "source",
                               "Комментарий": "request_text", "Ответственный": "owner_name"])
    }

    @Test("One name fits the field of the file's kind: a companies file's Name is the company's")
    func nameByKind() {
        // setup
        let header = ["Name", "Industry", "Employees", "INN"]
        // action
        let p = MappingProposal.propose(fileName: "accounts.csv", header: header, rows: [])
        let forced = MappingProposal.propose(fileName: "accounts.csv", header: header, rows: [], kind: .contacts)
        // check
        #expect(p.kind == .companies)
        #expect(targets(p)["Name"] == "company_name" && targets(p)["Employees"] == "headcount")
        #expect(forced.kind == .contacts && targets(forced)["Name"] == "contact_name")
    }

    @Test("A column named only in part is proposed but marked, and a kind's missing field is named")
    func partialAndMissing() {
        // setup
        let header = ["Opportunity Amount (USD)", "Client"]
        // action
        let p = MappingProposal.propose(fileName: "x.csv", header: header, rows: [], kind: .deals)
        // check
        #expect(targets(p)["Opportunity Amount (USD)"] == "amount")
        #expect(p.columns[0].reason == .partialName)
        #expect(p.missing.isEmpty, "a deals file may go without a stage: its outcome places each row")
        #expect(MappingProposal.propose(fileName: "y.csv", header: ["Client"], rows: [], kind: .leads).missing == [.receivedAt])
    }

    @Test("Day-first slashed dates are recognised from the first values")
    func dayFirstDates() {
        // setup
        let header = ["Title", "Stage", "Created"]
        let rows = [["A", "New", "03/04/2024"], ["B", "New", "25/03/2024"]]
        // action
        let p = MappingProposal.propose(fileName: "deals.csv", header: header, rows: rows)
        let monthFirst = MappingProposal.propose(fileName: "deals.csv", header: header, rows: [["A", "New", "03/25/2024"]])
        // check
        #expect(p.mapping.dateFormat == .dayMonthYearSlash)
        #expect(monthFirst.mapping.dateFormat == .auto)
    }

    @Test("A proposed mapping reads the file: rows, amounts, stages and day-first dates come through the parser")
    func proposedMappingReads() throws {
        // setup
        let csv = """
        Deal Name;Company;Amount;Stage;Created
        Pumps;ООО Ромашка;1 250 000,50;Negotiation;25/03/2024
        Valves;Globex;300;Won;01/02/2024

        """
        let bytes = Array(csv.utf8)
        let sample = CSVReader().sample(of: bytes, rows: 5)
        let p = MappingProposal.propose(fileName: "deals.csv", header: sample.header, rows: sample.rows)
        // action
        let plan = ImportPlan(sources: [ImportSource(name: "deals.csv", bytes: bytes, mapping: p.mapping)])
        // check
        #expect(plan.problems.filter { $0.severity == .error }.isEmpty, "\(plan.problems)")
        #expect(plan.deals.count == 2)
        let pumps = try #require(plan.deals.first { $0.title == "Pumps" })
        #expect(pumps.amount == 125_000_050)
        #expect(pumps.stageName == "Negotiation")
        #expect(pumps.createdAt.map { Timestamp.format($0) }?.hasPrefix("2024-03-25") == true)
    }
}
