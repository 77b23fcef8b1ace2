import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

@Suite("Settings: audience rules, catalog and deal economics through the web forms")
struct WebSettingsQualificationTests {
    func audience(_ app: TestApp) async throws -> [AudienceRule] {
        try AudienceProfile(json: try await app.services.store.setting("audience") ?? .object(["rules": .array([])])).rules
    }

    @Test("Rules are added, edited and removed; a bad value is refused naming the field, and the setting stays", arguments: TestDatabase.backends)
    func rules(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let client = try await WebClient.onSettings(app, "audience")
            // action
            let added = try await client.post("/settings/audience", ["field": "headcount", "operator": "greater_or_equal", "value": "50",
                                                                     "label": "", "label_ru": "", "unit": ""])
            let second = try await client.post("/settings/audience", ["field": "industry", "operator": "one_of", "value": "food, chemicals"])
            let afterAdding = try await audience(app)
            let seq = try await app.services.store.lastJournalSeq()
            let refused = try await client.post("/settings/audience/0", ["field": "headcount", "operator": "greater", "value": "many"])
            let mismatch = try await client.post("/settings/audience/1", ["field": "industry", "operator": "greater", "value": "5"])
            let seqAfterRefusals = try await app.services.store.lastJournalSeq()
            let edited = try await client.post("/settings/audience/0", ["field": "headcount", "operator": "greater", "value": "100",
                                                                      "label": "staff", "label_ru": "штат"])
            let removed = try await client.post("/settings/audience/1/delete", [:])
            let missing = try await client.post("/settings/audience/7/delete", [:])
            // check
            #expect(added.status == .seeOther && added.location == "/settings/audience?notice=added#rule-0")
            #expect(second.location == "/settings/audience?notice=added#rule-1")
            #expect(afterAdding == [AudienceRule(.headcount, .greaterOrEqual(50)), AudienceRule(.industry, .oneOf(["food", "chemicals"]))])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("value=\"many\""))
            #expect(refused.body.contains("id=\"rule-0-value-error\">Value: must be a number</p>"))
            #expect(mismatch.status == .unprocessableEntity)
            #expect(mismatch.body.contains("id=\"rule-1-operator-error\">Condition: industry is text: use equals or one of</p>"))
            #expect(seqAfterRefusals == seq)
            #expect(edited.status == .seeOther && removed.status == .seeOther && missing.status == .notFound)
            #expect(try await audience(app) == [AudienceRule(.headcount, .greater(100), label: "staff", labelRu: "штат")])
            let entries = try await app.journal(after: seq)
            #expect(entries.contains { $0.entity == .setting && $0.actorID == app.users["admin"] })
        }
    }

    @Test("A product is added with keywords and a price typed the Russian way, then archived; a bad price is refused")
    func catalog() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let client = try await WebClient.onSettings(app, "catalog")
            // action
            let added = try await client.post("/settings/catalog", ["name": "Steam boiler", "category": "Boilers", "keywords": "boiler, steam ,",
                                                                   "price": "1 234 567,50", "unit_cost": "", "currency": "RUB", "active": "true"])
            let product = try #require(try await app.services.store.all(.product).map(Product.init(record:)).first { $0.name == "Steam boiler" })
            let before = try await app.services.store.fetch(.product, product.id)
            let refused = try await client.post("/settings/catalog/\(product.id)", ["name": "Steam boiler", "price": "a lot", "currency": "XYZ",
                                                                                 "keywords": "boiler", "active": "true"])
            let afterRefusal = try await app.services.store.fetch(.product, product.id)
            let archived = try await client.post("/settings/catalog/\(product.id)", ["name": "Steam boiler", "price": "1234567.50",
                                                                                  "currency": "RUB", "keywords": "boiler, steam"])
            // check
            #expect(added.status == .seeOther && added.location == "/settings/catalog?notice=added#product-\(product.id)")
            #expect(product.keywords == ["boiler", "steam"] && product.price == 123_456_750 && product.unitCost == nil && product.active)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("id=\"product-\(product.id)-price-error\">Price: must be an amount (a number)</p>"))
            #expect(refused.body.contains("id=\"product-\(product.id)-currency-error\">Currency: is not a known currency code"))
            #expect(refused.body.contains("value=\"a lot\""))
            #expect(afterRefusal == before)
            #expect(archived.status == .seeOther)
            #expect(try await app.services.store.fetch(.product, product.id).map(Product.init(record:))?.active == false)
        }
    }

    @Test("Deal economics are saved from amounts with spaces; a month without deals is refused and the setting stays")
    func economics() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let client = try await WebClient.onSettings(app, "economics")
            // action
            let saved = try await client.post("/settings/economics", ["monthly_costs": "500 000", "deals_per_month": "10", "fixed_minimum": ""])
            let stored = try await app.services.store.setting("economics")
            let refused = try await client.post("/settings/economics", ["monthly_costs": "500000", "deals_per_month": "0"])
            let missing = try await client.post("/settings/economics", ["monthly_costs": " ", "deals_per_month": "10"])
            let page = try await client.get("/settings/economics")
            // check
            #expect(saved.status == .seeOther && saved.location == "/settings/economics?notice=saved#economics")
            #expect(stored.flatMap { try? EconomicsSettings(json: $0) } == EconomicsSettings(monthlyCosts: 50_000_000, dealsPerMonth: 10))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.contains("id=\"economics-deals-per-month-error\">Deals in a typical month: must be a whole number from 1 to 1,000,000</p>"))
            #expect(refused.body.contains("value=\"0\""))
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.contains("id=\"economics-monthly-costs-error\">Sales costs per month, RUB: is required</p>"))
            #expect(try await app.services.store.setting("economics") == stored)
            #expect(page.body.contains("<dd>50,000\u{00A0}RUB</dd>"))
        }
    }
}
