import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// The nudge rules and the webhook endpoints in the settings (admins).
@Suite("Settings: nudges and webhooks")
struct WebSettingsNudgeTests {
    @Test("An admin changes the rules' thresholds and switches one off; a word where a number goes is refused beside its field and nothing is stored", arguments: [Backend.sqlite])
    func rules(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            let admin = try await WebClient.signedIn(app, as: "admin")
            let page = try await admin.get("/settings/nudges")
            var form = ["stalled_enabled": "true", "stalled_manager_after_days": "3", "stalled_head_after_days": "", "postponed_enabled": "true",
                        "postponed_every_days": "14", "yearly_buyer_enabled": "true", "yearly_buyer_days_before": "45",
                        "lead_response_target_hours": "2", "lead_response_manager_after_hours": "1", "stale_enabled": "true", "stale_days": "21"]
            let saved = try await admin.post("/settings/nudges", form)
            let stored = try await app.call(.GET, "/api/v1/settings/nudges")
            form["stale_days"] = "три"
            let refused = try await admin.post("/settings/nudges", form)
            let after = try await app.call(.GET, "/api/v1/settings/nudges")
            #expect(page.status == .ok && page.body.contains("Stalled deal") && page.body.contains("name=\"stalled_manager_after_days\" type=\"number\" value=\"7\""))
            #expect(saved.status == .seeOther)
            guard case .object(let value)? = stored["value"], case .object(let stalled)? = value["stalled"], case .object(let lead)? = value["lead_response"] else {
                Issue.record("no setting: \(stored.text)"); return
            }
            #expect(stalled["manager_after_days"] == .number(3) && stalled["head_after_days"] == .null)
            #expect(lead["enabled"] == .bool(false) && lead["target_hours"] == .number(2))
            #expect(refused.status == .unprocessableEntity && refused.body.contains("id=\"nudges-stale-days-error\""))
            #expect(after["value"] == stored["value"], "the refused form changed nothing")
        }
    }

    @Test("An admin adds an endpoint (its secret shown once), sees its delivery log and sends a delivery again; a head of sales cannot open the page", arguments: [Backend.sqlite])
    func webhooks(backend: Backend) async throws {
        let receiver = try await Receiver()
        do { try await withTestApp(backend) { app in
            let admin = try await WebClient.signedIn(app, as: "admin")
            _ = try await admin.get("/settings/webhooks")
            let bad = try await admin.post("/settings/webhooks", ["url": "mailto:someone@example.com"])
            let added = try await admin.post("/settings/webhooks", ["url": receiver.url, "allow_private": "true", "event_deal.created": "true"])
            let shown = try await admin.get("/settings/webhooks")
            let again = try await admin.get("/settings/webhooks")
            let company = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": "Роса"]).requireID()
            _ = try await app.call(.POST, "/api/v1/deals", as: "rep1", json: ["company_id": .id(company), "title": "Котёл"])
            try await app.services.webhooks.runOnce()
            let endpoint = try #require(try await app.call(.GET, "/api/v1/webhooks").items.first.flatMap { v -> Int64? in
                if case .object(let o) = v, case .number(let n)? = o["id"] { Int64(n) } else { nil } })
            let log = try await admin.get("/settings/webhooks")
            let delivery = try #require(try await app.services.store.read { try await $0.webhookDeliveries(endpointID: endpoint, limit: 1) }.first)
            let resent = try await admin.post("/settings/webhooks/\(endpoint)/deliveries/\(delivery.id)/retry", [:])
            let pending = try await app.services.store.read { try await $0.webhookDelivery(id: delivery.id) }
            let head = try await WebClient.signedIn(app, as: "head")
            let refused = try await head.get("/settings/webhooks")
            #expect(bad.status == .unprocessableEntity && bad.body.contains("id=\"new-webhook-url-error\""))
            #expect(added.status == .seeOther)
            #expect(shown.body.contains("id=\"new-webhook-secret\"") && shown.body.contains("whsec_"))
            #expect(!again.body.contains("id=\"new-webhook-secret\""))
            #expect(log.body.contains("id=\"delivery-\(delivery.id)\"") && log.body.contains("deal.created"))
            #expect(resent.status == .seeOther && pending?.state == .pending && pending?.nextAttemptAt == TestApp.today)
            #expect(refused.status == .forbidden)
        } } catch {
            await receiver.stop()
            throw error
        }
        await receiver.stop()
    }
}
