import Foundation
import Testing
import VoronkaCore
@testable import VoronkaImport
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

/// Links across imports: a file of one run names records another run of the same system wrote.
@Suite("Import links across runs")
struct ImportLinkTests {
    static let leadsCSV = """
    Lead;First contact;Channel
    L1;2024-01-10;web_form
    L2;2024-01-11;phone
    L3;2024-01-12;referral

    """
    static let dealsCSV = """
    Deal;Lead;Stage;Won;Revenue
    D1;L1;Won;2024-03-01;120000
    D2;L2;Won;2024-03-05;80000
    D3;L9;Won;2024-03-06;1000

    """
    static let leadsMapping = ImportMapping(kind: .leads, columns: ["Lead": .field(.sourceID), "First contact": .field(.receivedAt),
                                                                    "Channel": .field(.source)])
    static let dealsMapping = ImportMapping(kind: .deals, columns: ["Deal": .field(.sourceID), "Lead": .field(.leadSourceID),
                                                                    "Stage": .field(.stageName), "Won": .field(.closedAt), "Revenue": .field(.amount)])

    @Test("Leads in one run, then the deals naming them in another: every deal finds its lead, the leads are converted, and a deal naming an unknown lead is reported", arguments: TestDatabase.backends)
    func leadsThenDeals(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let leads = ImportPlan(sources: [ImportSource(name: "leads.csv", bytes: Array(Self.leadsCSV.utf8), mapping: Self.leadsMapping)])
            _ = try await ImportSamples.write(leads, system: "funnel", app)
            // action
            let deals = ImportPlan(sources: [ImportSource(name: "deals.csv", bytes: Array(Self.dealsCSV.utf8), mapping: Self.dealsMapping)])
            let result = try await ImportSamples.write(deals, system: "funnel", app)
            // check
            let storedLeads = try await app.services.store.all(.lead).map(Lead.init(record:))
            let storedDeals = try await app.services.store.all(.deal).map(Deal.init(record:))
            let l1 = try #require(storedLeads.first { $0.receivedAt == ImportSamples.utc("2024-01-10 00:00") })
            let d1 = try #require(storedDeals.first { $0.amount == 12_000_000 })
            #expect(d1.leadID == l1.id, "the deal names the lead of the earlier run")
            #expect(l1.dealID == d1.id && l1.outcome == .deal)
            #expect(storedDeals.filter { $0.leadID != nil }.count == 2)
            #expect(result.problems.map(\.english).contains { $0.contains("L9") }, "\(result.problems.map(\.english))")
            #expect(result.linksMade["lead"] == 2 && result.linksUnknown["lead"] == 1)
        }
    }

    @Test("A stage history file imported without its deals is not dropped in silence: every deal it names is reported", arguments: [Backend.sqlite])
    func historyWithoutDeals(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let history = """
            Deal;Stage;Entered
            D1;Qualified;2024-01-10
            D1;Proposal;2024-02-10
            D2;Qualified;2024-01-12

            """
            let mapping = ImportMapping(kind: .stageHistory, columns: ["Deal": .field(.dealSourceID), "Stage": .field(.stageName),
                                                                       "Entered": .field(.enteredAt)])
            let plan = ImportPlan(sources: [ImportSource(name: "history.csv", bytes: Array(history.utf8), mapping: mapping)])
            // action
            let result = try await ImportSamples.write(plan, system: "funnel", app)
            // check
            let said = result.problems.map(\.english).filter { $0.contains("stage history of deal") }
            #expect(said.count == 2 && said.contains { $0.contains("D1") } && said.contains { $0.contains("D2") }, "\(result.problems.map(\.english))")
        }
    }

    @Test("Companies in one run, then contacts naming them by the source's id in another: each contact joins its company, whose name stays", arguments: TestDatabase.backends)
    func companiesThenContacts(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let companies = "Account;Name;Industry\nA1;ООО «Амур»;food\nA2;Globex;chemicals\n"
            let contacts = "Name;Account\nМария Соколова;A1\nJohn Smith;A2\nNobody;A9\n"
            let companyMapping = ImportMapping(kind: .companies, columns: ["Account": .field(.sourceID), "Name": .field(.companyName),
                                                                           "Industry": .field(.industry)])
            let contactMapping = ImportMapping(kind: .contacts, columns: ["Name": .field(.contactName), "Account": .field(.companySourceID)])
            _ = try await ImportSamples.write(ImportPlan(sources: [ImportSource(name: "companies.csv", bytes: Array(companies.utf8), mapping: companyMapping)]),
                                              system: "crm", app)
            // action
            let result = try await ImportSamples.write(ImportPlan(sources: [ImportSource(name: "contacts.csv", bytes: Array(contacts.utf8), mapping: contactMapping)]),
                                                       system: "crm", app)
            let dealsMapping = ImportMapping(kind: .deals, columns: ["Deal": .field(.sourceID), "Company": .field(.companyName), "Stage": .field(.stageName)])
            _ = try await ImportSamples.write(ImportPlan(sources: [ImportSource(name: "deals.csv", bytes: Array("Deal;Company;Stage\nD1;ооо амур;Won\n".utf8),
                                                                               mapping: dealsMapping)]), system: "crm", app)
            // check
            let stored = try await app.services.store.all(.company).map(Company.init(record:))
            let amur = try #require(stored.first { $0.name == "ООО «Амур»" })
            #expect(try await app.services.store.all(.deal).map(Deal.init(record:)).first?.companyID == amur.id, "a deal naming the company by name joins it")
            let people = try await app.services.store.all(.contact).map(Contact.init(record:))
            #expect(people.first { $0.name == "Мария Соколова" }?.companyID == amur.id, "\(result.text)")
            #expect(amur.industry == "food", "the earlier run's company keeps what it had")
            #expect(stored.filter { $0.name == "ООО «Амур»" }.count == 1 && !stored.contains { $0.name == "A1" || $0.name == "A2" })
            #expect(result.linksMade["company"] == 2 && result.linksUnknown["company"] == 1)
            #expect(result.problems.contains { $0.english.contains("companies named by the source's id only: 1 (A9…)") }, "\(result.text)")
        }
    }

    @Test("A file of won deals without a stage column: each row's outcome places it, the won date closes it; a stage constant in the mapping works too", arguments: TestDatabase.backends)
    func outcomeOnlyDeals(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: every row is won (a won date), and one row without a date stays open
            let won = "Deal;Won on;Revenue\nW1;2024-03-01;120000\nW2;2024-04-02;80000\nW3;;5000\n"
            var mapping = ImportMapping(kind: .deals, columns: ["Deal": .field(.sourceID), "Won on": .field(.closedAt), "Revenue": .field(.amount)],
                                        outcomeRules: [OutcomeRule(.field(.closedAt), .nonEmpty, then: .won)])
            let constant = "Deal;Revenue\nC1;1000\n"
            var constantMapping = ImportMapping(kind: .deals, columns: ["Deal": .field(.sourceID), "Revenue": .field(.amount)])
            constantMapping.stageName = "Lost"
            mapping.pipelineName = nil
            // action
            let plan = ImportPlan(sources: [ImportSource(name: "won.csv", bytes: Array(won.utf8), mapping: mapping),
                                            ImportSource(name: "lost.csv", bytes: Array(constant.utf8), mapping: constantMapping)])
            let result = try await ImportSamples.write(plan, system: "funnel", app)
            // check
            let stages = Dictionary(uniqueKeysWithValues: try await app.services.store.all(.stage).map(Stage.init(record:)).map { ($0.id, $0) })
            let deals = Dictionary(uniqueKeysWithValues: try await app.services.store.all(.deal).map(Deal.init(record:)).map { ($0.amount, $0) })
            let w1 = try #require(deals[12_000_000]), w3 = try #require(deals[500_000]), c1 = try #require(deals[100_000])
            #expect(stages[w1.stageID]?.kind == .won && w1.closedAt == ImportSamples.utc("2024-03-01 00:00"), "\(result.text)")
            #expect(stages[w3.stageID]?.kind == .open && w3.closedAt == nil)
            #expect(stages[c1.stageID]?.kind == .lost)
            #expect(plan.problems.contains { $0.file == "won.csv" && $0.line == 1 && $0.severity == .warning && $0.reason.contains("outcome places it") })
            #expect(!plan.problems.contains { $0.file == "lost.csv" && $0.reason.contains("outcome places it") })
            #expect(result.tally("deal").created == 4 && result.tally("deal").skipped == 0)
        }
    }

    @Test("A won date decides a deal with no stage column, and closes it; a won date on a deal whose stage is open is refused with the reason, not dropped", arguments: TestDatabase.backends)
    func wonDate(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let won = "Deal;Won date;Lost date;Revenue\nW1;2024-03-01;;120000\nL1;;2024-04-02;80000\nO1;;;5000\n"
            let staged = "Deal;Stage;Won date;Revenue\nS1;Negotiation;2024-05-01;1000\nS2;Won;2024-05-02;2000\n"
            let wonMapping = ImportMapping(kind: .deals, columns: ["Deal": .field(.sourceID), "Won date": .field(.wonAt),
                                                                   "Lost date": .field(.lostAt), "Revenue": .field(.amount)])
            let stagedMapping = ImportMapping(kind: .deals, columns: ["Deal": .field(.sourceID), "Stage": .field(.stageName),
                                                                      "Won date": .field(.wonAt), "Revenue": .field(.amount)])
            // action
            let plan = ImportPlan(sources: [ImportSource(name: "won.csv", bytes: Array(won.utf8), mapping: wonMapping),
                                            ImportSource(name: "staged.csv", bytes: Array(staged.utf8), mapping: stagedMapping)])
            let result = try await ImportSamples.write(plan, system: "funnel", app)
            // check
            let stages = Dictionary(uniqueKeysWithValues: try await app.services.store.all(.stage).map(Stage.init(record:)).map { ($0.id, $0) })
            let deals = Dictionary(uniqueKeysWithValues: try await app.services.store.all(.deal).map(Deal.init(record:)).map { ($0.amount, $0) })
            let w1 = try #require(deals[12_000_000]), l1 = try #require(deals[8_000_000]), o1 = try #require(deals[500_000])
            let s2 = try #require(deals[200_000])
            #expect(stages[w1.stageID]?.kind == .won && w1.closedAt == ImportSamples.utc("2024-03-01 00:00"), "\(result.text)")
            #expect(stages[l1.stageID]?.kind == .lost && l1.closedAt == ImportSamples.utc("2024-04-02 00:00"))
            #expect(stages[o1.stageID]?.kind == .open && o1.closedAt == nil)
            #expect(stages[s2.stageID]?.kind == .won && s2.closedAt == ImportSamples.utc("2024-05-02 00:00"), "a won stage takes the won date as its close")
            #expect(deals[100_000] == nil, "the contradicting row is left out")
            #expect(plan.problems.contains { $0.file == "staged.csv" && $0.line == 2 && $0.severity == .error && $0.column == "Won date"
                && $0.reason.contains("stage “Negotiation” is open") }, "\(plan.problems.map(\.reason))")
        }
    }

    @Test("Every column a mapping accepts lands somewhere: a lead's custom attribute, UTM tags and landing page; a contact's custom attribute", arguments: TestDatabase.backends)
    func mappedColumnsAreStored(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let leads = "Lead;First contact;Landing;utm_source;utm_campaign;Segment\nL1;2024-01-10;/boilers;yandex;spring;enterprise\n"
            let leadMapping = ImportMapping(kind: .leads, columns: ["Lead": .field(.sourceID), "First contact": .field(.receivedAt),
                                                                   "Landing": .field(.landingPage), "utm_source": .field(.utmSource),
                                                                   "utm_campaign": .field(.utmCampaign), "Segment": .custom("segment")])
            let contacts = "Name;Company;Office\nМария Соколова;ООО «Амур»;Хабаровск\n"
            let contactMapping = ImportMapping(kind: .contacts, columns: ["Name": .field(.contactName), "Company": .field(.companyName),
                                                                         "Office": .custom("office")])
            // action
            _ = try await ImportSamples.write(ImportPlan(sources: [ImportSource(name: "leads.csv", bytes: Array(leads.utf8), mapping: leadMapping),
                                                                  ImportSource(name: "contacts.csv", bytes: Array(contacts.utf8), mapping: contactMapping)]),
                                              system: "web", app)
            let api = try await app.call(.GET, "/api/v1/leads?limit=5")
            let inbox = try await WebClient.signedIn(app, as: "admin").get("/leads")
            // check
            let lead = try #require(try await app.services.store.all(.lead).map(Lead.init(record:)).first)
            #expect(lead.landingPage == "/boilers" && lead.utmSource == "yandex" && lead.utmCampaign == "spring" && lead.utmMedium == nil)
            #expect(lead.custom["segment"] == .string("enterprise"))
            #expect(inbox.body.contains("UTM: yandex / spring") && inbox.body.contains("/boilers"), "the inbox shows where the lead came from")
            let contact = try #require(try await app.services.store.all(.contact).map(Contact.init(record:)).first { $0.name == "Мария Соколова" })
            #expect(contact.custom["office"] == .string("Хабаровск"))
            #expect(api.text.contains("\"utm_source\":\"yandex\"") && api.text.contains("\"landing_page\":\"\\/boilers\"") || api.text.contains("\"landing_page\":\"/boilers\""), "\(api.text.prefix(600))")
        }
    }

    @Test("A deal won before its lead arrived is kept as the data says and listed by the data-quality report, in the API and on the dashboard", arguments: TestDatabase.backends)
    func wonBeforeTheLead(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: L1 arrived on 10 March; its deal says it was won on 8 March
            let leads = "Lead;First contact\nL1;2024-03-10\nL2;2024-03-10\n"
            let deals = "Deal;Lead;Won\nD1;L1;2024-03-08\nD2;L2;2024-04-08\n"
            let plan = ImportPlan(sources: [
                ImportSource(name: "leads.csv", bytes: Array(leads.utf8), mapping: ImportMapping(kind: .leads, columns: ["Lead": .field(.sourceID), "First contact": .field(.receivedAt)])),
                ImportSource(name: "deals.csv", bytes: Array(deals.utf8), mapping: {
                    var m = ImportMapping(kind: .deals, columns: ["Deal": .field(.sourceID), "Lead": .field(.leadSourceID), "Won": .field(.closedAt)])
                    m.stageName = "Won"
                    return m
                }()),
            ])
            _ = try await ImportSamples.write(plan, system: "funnel", app)
            let head = try await WebClient.signedIn(app, as: "admin")
            // action
            let report = try await app.call(.GET, "/api/v1/analytics/data_quality")
            let page = try await head.get("/dashboards?section=quality")
            // check
            let d1 = try #require(try await app.services.store.all(.deal).map(Deal.init(record:)).first { $0.closedAt == ImportSamples.utc("2024-03-08 00:00") })
            #expect(d1.leadID != nil, "the deal keeps its lead and its date")
            guard case .object(let value)? = report["value"] else { Issue.record("\(report.text)"); return }
            #expect(value["won_before_received"] == 1, "\(report.text)")
            #expect(page.body.contains("id=\"quality-data\"") && page.body.contains("/deals/\(d1.id)"), "the dashboard names the deal")
        }
    }
}
