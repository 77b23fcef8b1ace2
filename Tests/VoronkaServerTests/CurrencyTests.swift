import Foundation
import Testing
import VoronkaCore
@testable import VoronkaImport
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

/// Every ISO 4217 currency, each amount in its own minor unit: none for JPY, three for KWD, two for BRL.
@Suite("Currencies")
struct CurrencyTests {
    func deal(_ app: TestApp, _ amount: JSONValue, _ currency: String) async throws -> TestApp.Reply {
        let company = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": .string("Co \(currency) \(UUID().uuidString.prefix(6))")]).requireID()
        return try await app.call(.POST, "/api/v1/deals", as: "rep1", json: ["title": .string("In \(currency)"), "company_id": .id(company),
                                                                             "amount": amount, "currency": .string(currency)])
    }

    @Test("Amounts in JPY, KWD and BRL are kept in their minor units and read back as written; decimals a currency lacks are refused naming it", arguments: TestDatabase.backends)
    func api(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // action
            let yen = try await deal(app, 1234, "JPY")
            let dinar = try await deal(app, 12.345, "KWD")
            let real = try await deal(app, 10.5, "BRL")
            let halfYen = try await deal(app, 12.5, "JPY")
            let fineDinar = try await deal(app, 1.2345, "KWD")
            let unknown = try await deal(app, 10, "XYZ")
            let dollars = try await deal(app, 10, "USD")
            let toYen = try await app.call(.PATCH, "/api/v1/deals/\(try dollars.requireID())", as: "rep1", json: ["currency": "JPY"])
            let cents = try await deal(app, 10.5, "USD")
            let centsToYen = try await app.call(.PATCH, "/api/v1/deals/\(try cents.requireID())", as: "rep1", json: ["currency": "JPY"])
            // check
            let stored = Dictionary(try await app.services.store.all(.deal).map(Deal.init(record:)).map { ($0.title, $0) }, uniquingKeysWith: { a, _ in a })
            #expect(yen.status == .created && yen["amount"] == .number(1234) && stored["In JPY"]?.amount == 1234, "\(yen.text)")
            #expect(dinar["amount"] == .number(12.345) && stored["In KWD"]?.amount == 12_345)
            #expect(real["amount"] == .number(10.5) && stored["In BRL"]?.amount == 1_050)
            #expect(halfYen.status == .unprocessableEntity && halfYen.errorFields == ["amount"] && halfYen.text.contains("JPY has no minor unit"), "\(halfYen.text)")
            #expect(fineDinar.status == .unprocessableEntity && fineDinar.text.contains("at most 3 decimals in KWD"))
            #expect(unknown.status == .unprocessableEntity && unknown.errorFields == ["currency"])
            #expect(toYen.status == .ok && toYen["amount"] == .number(10), "10.00 USD reads 10 JPY after the change: \(toYen.text)")
            #expect(centsToYen.status == .unprocessableEntity && centsToYen.errorFields == ["amount"], "10.50 cannot be yen: \(centsToYen.text)")
        }
    }

    @Test("An import reads each row's amount in its currency's minor unit, and refuses decimals the currency lacks", arguments: TestDatabase.backends)
    func imported(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let csv = "Deal;Company;Amount;Currency;Stage\nJ1;Kyoto;1 500;JPY;Won\nK1;Kuwait;\"1,234.567\";KWD;Won\nB1;Rio;\"10,5\";BRL;Won\nJ2;Osaka;12.5;JPY;Won\n"
            let mapping = ImportMapping(kind: .deals, columns: ["Deal": .field(.sourceID), "Company": .field(.companyName), "Amount": .field(.amount),
                                                                "Currency": .field(.currency), "Stage": .field(.stageName)])
            let plan = ImportPlan(sources: [ImportSource(name: "deals.csv", bytes: Array(csv.utf8), mapping: mapping)])
            // action
            _ = try await ImportSamples.write(plan, system: "fx", app)
            // check
            let deals = try await app.services.store.all(.deal).map(Deal.init(record:))
            let byCurrency = Dictionary(grouping: deals, by: \.currency)
            #expect(byCurrency["JPY"]?.map(\.amount) == [1_500])
            #expect(byCurrency["KWD"]?.map(\.amount) == [1_234_567])
            #expect(byCurrency["BRL"]?.map(\.amount) == [1_050])
            #expect(plan.problems.contains { $0.line == 5 && $0.column == "Amount" && $0.reason == "has more decimals than JPY takes (0)" }, "\(plan.problems.map(\.reason))")
        }
    }

    @Test("The rates setting converts each currency from its own minor unit into the sums; a currency without a rate is counted apart; a bad rate is refused", arguments: [Backend.sqlite])
    func rates(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: one open deal in yen, one in dinars, one in reais
            _ = try await deal(app, 10_000, "JPY").requireID()
            _ = try await deal(app, 1.5, "KWD").requireID()
            _ = try await deal(app, 100, "BRL").requireID()
            // action
            let put = try await app.call(.PUT, "/api/v1/settings/currency_rates", as: "admin",
                                         json: ["value": ["base": "RUB", "per_unit": ["JPY": 0.6, "KWD": 300]]])
            let bad = try await app.call(.PUT, "/api/v1/settings/currency_rates", as: "admin", json: ["value": ["base": "RUB", "per_unit": ["JPY": -1]]])
            let forecast = try await app.call(.GET, "/api/v1/analytics/forecast", as: "admin")
            // check
            #expect(put.status == .ok, "\(put.text)")
            #expect(bad.status == .unprocessableEntity && bad.errorFields == ["value.per_unit.JPY"], "\(bad.text)")
            guard case .object(let value)? = forecast["value"], case .object(let total)? = value["total"], case .number(let amount)? = total["amount"] else {
                Issue.record("\(forecast.text)"); return
            }
            #expect(amount == 10_000 * 0.6 + 1.5 * 300, "yen and dinars each from their own minor unit: \(amount)")
            #expect(value["unconverted_deals"] == .number(1), "the reais have no rate")
        }
    }

    @Test("A database from before: yen kept in hundredths are rewritten in yen, journaled", arguments: TestDatabase.backends)
    func migration(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: a yen deal as the old scale stored it (12.50 JPY as 1250), and a dollar deal
            let yen = try await deal(app, 1250, "JPY").requireID()
            let dollars = try await deal(app, 1250, "USD").requireID()
            let before = try await app.services.store.lastJournalSeq()
            // action
            let changed = try await app.services.store.write(actor: nil, origin: "migration") { tx in try await tx.rescaleLegacyAmounts() }
            // check
            let deals = Dictionary(uniqueKeysWithValues: try await app.services.store.all(.deal).map(Deal.init(record:)).map { ($0.id, $0) })
            #expect(changed == 1 && deals[yen]?.amount == 13 && deals[dollars]?.amount == 125_000)
            let after = try await app.services.store.lastJournalSeq()
            #expect(after == before + 1)
        }
    }
}
