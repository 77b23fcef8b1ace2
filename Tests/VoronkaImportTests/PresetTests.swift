import Foundation
import Testing
import VoronkaCore
import VoronkaTestDatabase
@testable import VoronkaImport

@Suite("Presets")
struct PresetTests {
    private func utc(_ text: String) -> Date { Timestamp.parse(text)! }

    private func plan(_ name: String, _ text: String) -> ImportPlan {
        ImportPlan(sources: [ImportSource(name: name, bytes: Array(text.utf8))])
    }

    @Test("Each sample is recognised by its header", arguments: [
        (PresetSamples.bitrix24Deals, "bitrix24-deals"), (PresetSamples.bitrix24Leads, "bitrix24-leads"),
        (PresetSamples.amoCRMDeals, "amocrm-deals"), (PresetSamples.pipedriveDeals, "pipedrive-deals"),
        (PresetSamples.hubSpotDeals, "hubspot-deals"), (PresetSamples.salesforceOpportunity, "salesforce-opportunity"),
        (PresetSamples.salesforceOpportunityHistory, "salesforce-opportunity-history"),
        (PresetSamples.mavenPipeline, "maven-pipeline"), (PresetSamples.mavenAccounts, "maven-accounts"),
        (PresetSamples.mavenTeams, "maven-teams"), (PresetSamples.mavenProducts, "maven-products"),
    ])
    func detection(sample: String, id: String) {
        // action
        let header = CSVReader().header(of: Array(sample.utf8))
        // check
        #expect(Presets.detect(header: header)?.id == id)
        #expect(Presets.named(id)?.id == id)
    }

    @Test("No preset for an unknown header, and the plan says to give a mapping")
    func unknownHeader() {
        #expect(Presets.detect(header: ["foo", "bar"]) == nil)
        let result = plan("x.csv", "foo,bar\n1,2\n")
        #expect(result.problems.first?.reason.contains("no preset matches") == true)
    }

    @Test("Bitrix24 deals in Windows-1251: stages, Russian amounts, Moscow times, open deals' close dates")
    func bitrix24Deals() throws {
        // setup
        let bytes = try #require(Windows1251.encode(PresetSamples.bitrix24Deals))
        // action
        let result = ImportPlan(sources: [ImportSource(name: "deals.csv", bytes: bytes)])
        // check
        #expect(result.files[0].report?.csv.encoding == .windows1251)
        #expect(result.problems.isEmpty)
        let deals = Dictionary(uniqueKeysWithValues: result.deals.map { ($0.sourceID, $0) })
        let won = try #require(deals["101"])
        #expect(won.outcome == .won && won.amount == 125_000_000 && won.currency == "RUB")
        #expect(won.createdAt == utc("2024-01-12T07:15:00Z"))
        #expect(won.closedAt == utc("2024-02-20T00:00:00Z"))
        #expect(won.source == .webForm && won.leadSourceID == "11" && won.custom == ["comment": "Оплачено"])
        #expect(won.pipelineName == "Общая" && won.stageName == "Сделка успешна" && won.ownerName == "Анна Смирнова")
        let open = try #require(deals["102"])
        #expect(open.outcome == .open && open.closedAt == nil && open.expectedClose == Day("2024-03-31"))
        #expect(open.source == .phone)
        let lost = try #require(deals["103"])
        #expect(lost.outcome == .lost)
        // «ООО «Ромашка»» and «Ромашка ООО» are one company.
        #expect(won.companyKey == lost.companyKey && won.companyKey == CompanyKey(rawValue: "name:ромашка"))
        #expect(result.companies.count == 2)
    }

    @Test("Bitrix24 leads go to the lead funnel, names joined, statuses to outcomes")
    func bitrix24Leads() throws {
        // action
        let result = plan("leads.csv", PresetSamples.bitrix24Leads)
        // check
        #expect(result.problems.isEmpty)
        let leads = result.leads
        #expect(leads.map(\.stageName) == ["Qualified", "Junk", "New"])
        #expect(leads.map(\.outcome) == [.won, .lost, .open])
        #expect(leads.map(\.pipelineName) == Array(repeating: DefaultPipelines.leadFunnel, count: 3))
        #expect(leads[0].contactName == "Иван Петров" && leads[1].contactName == "Пётр Ильич Сидоров")
        #expect(leads[0].source == .webForm && leads[0].email == "ivan@romashka.ru" && leads[0].receivedAt == utc("2024-01-10T06:30:00Z"))
        #expect(leads[1].lostReason == "Не наш профиль")
        // Bitrix24's codes become the built-in channels' keys; a channel the preset does not know is kept as written.
        #expect(leads.map(\.channel) == ["web_form", "phone", "Радио"])
        #expect(leads[2].source == nil)
        #expect(result.summary.channels == ["web_form": 1, "phone": 1, "Радио": 1])
    }

    @Test("A Bitrix24 deal joins its lead from the leads file of the same import")
    func bitrixDealJoinsLead() throws {
        // setup: deal 102 names no lead; make it name lead 12 and lose its company
        let deals = PresetSamples.bitrix24Deals.replacingOccurrences(of: "\"АО Вектор\";\"\";\"Олег Ким\"", with: "\"\";\"\";\"Олег Ким\"")
            .replacingOccurrences(of: "\"Нет\";\"\";\"\"", with: "\"Нет\";\"12\";\"\"")
        // action
        let result = ImportPlan(sources: [ImportSource(name: "leads.csv", bytes: Array(PresetSamples.bitrix24Leads.utf8)),
                                          ImportSource(name: "deals.csv", bytes: Array(deals.utf8))])
        // check
        let deal = try #require(result.deals.first { $0.sourceID == "102" })
        #expect(deal.leadSourceID == "12" && deal.contactName == "Пётр Ильич Сидоров")
        #expect(result.problems.isEmpty)
    }

    @Test("amoCRM: 'не закрыта' means open, budget with spaces, won and lost stages")
    func amoCRM() throws {
        // action
        let result = plan("amo.csv", PresetSamples.amoCRMDeals)
        // check
        #expect(result.problems.isEmpty)
        let d = result.deals
        #expect(d.map(\.outcome) == [.open, .won, .lost])
        #expect(d.map(\.amount) == [15_000_000, 120_000_000, 5_000_000])
        #expect(d[0].closedAt == nil && d[0].expectedClose == nil && d[0].custom == ["tags": "vip"])
        #expect(d[1].closedAt == utc("2024-04-28T13:45:00Z"))
        #expect(d[2].companyKey == nil && d[2].contactName == "Нина Соколова")
        #expect(d[0].companyKey == d[1].companyKey)
    }

    @Test("Pipedrive: status decides the outcome, deleted deals are left out, won/lost times close")
    func pipedrive() throws {
        // action
        let result = plan("pd.csv", PresetSamples.pipedriveDeals)
        // check
        let d = result.deals
        #expect(d.map(\.sourceID) == ["17", "18", "19"])
        #expect(d.map(\.outcome) == [.won, .lost, .open])
        #expect(d[0].amount == 1_250_050 && d[0].currency == "USD" && d[0].closedAt == utc("2024-02-01T15:30:00Z"))
        #expect(d[1].currency == "EUR" && d[1].lostReason == "Price too high" && d[1].closedAt == utc("2024-01-20T11:00:00Z"))
        #expect(d[2].amount == 0 && d[2].expectedClose == Day("2024-03-01"))
        #expect(result.problems.map(\.line) == [5])
        #expect(result.files[0].report?.rowsSkipped == 1)
    }

    @Test("HubSpot: 'Date entered' columns become stage history; 'Date exited' is left unused")
    func hubSpot() throws {
        // action
        let result = plan("hs.csv", PresetSamples.hubSpotDeals)
        // check
        #expect(result.problems.isEmpty)
        #expect(result.deals.map(\.outcome) == [.won, .open])
        #expect(result.deals[0].amount == 150_000)
        let events = result.stageEvents.filter { $0.dealSourceID == "9001" }
        #expect(events.map(\.stageName) == ["Appointment Scheduled", "Qualified To Buy", "Closed Won"])
        #expect(events.map(\.pipelineName) == Array(repeating: "Sales Pipeline", count: 3))
        #expect(events.last?.enteredAt == utc("2024-03-01T12:00:00Z"))
        #expect(result.stageEvents.filter { $0.dealSourceID == "9002" }.count == 2)
        #expect(result.files[0].report?.unusedColumns == ["Date exited \"Appointment Scheduled (Sales Pipeline)\""])
    }

    @Test("Salesforce Opportunity and OpportunityHistory: IsWon/IsClosed, accounts by id, repeats of a stage dropped")
    func salesforce() throws {
        // action
        let result = ImportPlan(sources: [
            ImportSource(name: "Opportunity.csv", bytes: Array(PresetSamples.salesforceOpportunity.utf8)),
            ImportSource(name: "OpportunityHistory.csv", bytes: Array(PresetSamples.salesforceOpportunityHistory.utf8)),
        ])
        // check
        #expect(result.problems.isEmpty)
        #expect(result.deals.map(\.outcome) == [.won, .open, .lost])
        #expect(result.deals[0].createdAt == utc("2024-01-03T10:15:00Z") && result.deals[0].source == .referral)
        #expect(result.deals[2].currency == "EUR" && result.deals[2].source == .event)
        #expect(result.deals[0].companyKey == result.deals[1].companyKey)
        #expect(result.companies.count == 2 && result.companies.allSatisfy(\.implied))
        #expect(result.stageEvents.map(\.stageName) == ["Prospecting", "Negotiation/Review", "Closed Won"])
        #expect(result.users.map(\.name).sorted() == ["0055g00000OtHeRAAV", "0055g00000OwNeRAAV"])
    }

    @Test("Maven: four files linked; close_value decides won; engage and close dates are history")
    func maven() throws {
        // action
        let result = ImportPlan(sources: [
            ImportSource(name: "accounts.csv", bytes: Array(PresetSamples.mavenAccounts.utf8)),
            ImportSource(name: "products.csv", bytes: Array(PresetSamples.mavenProducts.utf8)),
            ImportSource(name: "sales_teams.csv", bytes: Array(PresetSamples.mavenTeams.utf8)),
            ImportSource(name: "sales_pipeline.csv", bytes: Array(PresetSamples.mavenPipeline.utf8)),
        ])
        // check
        #expect(result.problems.isEmpty)
        #expect(result.deals.map(\.outcome) == [.won, .won, .lost, .open, .open])
        #expect(result.deals[0].title == "GTX Plus Basic — Cancity" && result.deals[3].title == "MG Advanced")
        #expect(result.deals[1].productName == "GTX Pro" && result.deals[1].amount == 451_400 && result.deals[1].currency == "USD")
        #expect(result.deals[4].createdAt == nil && result.deals[4].companyKey == nil)
        let acme = try #require(result.companies.first { $0.name == "Acme Corporation" })
        #expect(acme.annualRevenue == 110_004_000_000 && acme.headcount == 2822 && acme.industry == "technology")
        #expect(acme.custom == ["year_established": "1996", "office_location": "United States"])
        #expect(result.companies.filter(\.implied).map(\.name) == ["Hottechi"])
        let first = result.stageEvents.filter { $0.dealSourceID == "1C1I7A6R" }
        #expect(first.map(\.stageName) == ["Engaging", "Won"])
        #expect(first.map(\.enteredAt) == [utc("2016-10-20T00:00:00Z"), utc("2017-03-01T00:00:00Z")])
        #expect(result.users.filter { !$0.implied }.map(\.managerName) == ["Dustin Brinkmann", "Melvin Marxen"])
        #expect(Set(result.users.filter(\.implied).map(\.name)) == ["Dustin Brinkmann", "Melvin Marxen", "Corliss Cosme", "James Ascencio", "Gladys Colclough"])
        #expect(result.products.map(\.price) == [55_000, 482_100])
    }

    @Test("Every preset maps only fields of its kind and round-trips through JSON")
    func presetsAreConsistent() throws {
        for preset in Presets.all {
            for case .field(let f) in preset.mapping.columns.values {
                #expect(preset.mapping.kind.fields.contains(f), "\(preset.id): \(f)")
            }
            #expect(try ImportMapping(json: preset.mapping.json) == preset.mapping, "\(preset.id)")
        }
        #expect(Set(Presets.all.map(\.id)).count == Presets.all.count)
    }
}
