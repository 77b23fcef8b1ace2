import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// Triage on the web is one decision: the suggestion is shown, the rep's press is the decision, and nothing (no deal)
/// exists before it.
@Suite("Triage as one decision on the web")
struct WebTriageDecisionTests {
    @Test("Asking for a suggestion creates no deal and leaves the lead undecided; converting makes a deal with the confirmed title and the lead's contact; a second decision is refused", arguments: TestDatabase.backends)
    func oneDecision(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let lead = try await app.call(.POST, "/api/v1/leads", as: "rep1", json: [
                "company_name": "ООО «Амур»", "contact_name": "Мария Соколова", "contact_phone": "+7 912 000-11-22",
                "contact_email": "m.sokolova@amur.ru", "request_text": "Нужна котельная на 5 т/ч, срок — весна", "source": "web_form",
            ]).requireID()
            let client = try await WebClient.signedIn(app, as: "rep1")
            _ = try await client.get("/leads")
            let dealsBefore = try await app.services.store.count(.deal, query: ListQuery())
            // action
            let suggested = try await client.post("/leads/\(lead)/triage", [:])
            let afterSuggestion = Lead(record: try #require(try await app.services.store.fetch(.lead, lead)))
            let dealsAfterSuggestion = try await app.services.store.count(.deal, query: ListQuery())
            let inbox = try await client.get("/leads")
            let converted = try await client.post("/leads/\(lead)/deal", ["title": "Котельная 5 т/ч для Амура", "reason": "Целевой запрос"])
            let decided = Lead(record: try #require(try await app.services.store.fetch(.lead, lead)))
            let seq = try await app.services.store.lastJournalSeq()
            _ = try await client.get("/leads")
            let again = try await client.post("/leads/\(lead)/junk", ["reason": "передумали"])
            let seqAfter = try await app.services.store.lastJournalSeq()
            // check
            #expect(suggested.status == .seeOther)
            #expect(afterSuggestion.outcome == nil && afterSuggestion.dealID == nil && afterSuggestion.triage != nil)
            #expect(dealsAfterSuggestion == dealsBefore)
            #expect(inbox.body.contains("id=\"lead-\(lead)\"") && inbox.body.contains("value=\"ООО «Амур» — Нужна котельная на 5 т/ч, срок — весна\""))
            #expect(converted.status == .seeOther)
            let dealID = try #require(decided.dealID)
            let deal = Deal(record: try #require(try await app.services.store.fetch(.deal, dealID)))
            #expect(deal.title == "Котельная 5 т/ч для Амура")
            let contactID = try #require(deal.contactIDs.first)
            let contact = Contact(record: try #require(try await app.services.store.fetch(.contact, contactID)))
            #expect(contact.name == "Мария Соколова" && contact.phone == "+7 912 000-11-22" && contact.email == "m.sokolova@amur.ru")
            #expect(contact.companyID == deal.companyID && decided.contactID == contactID)
            #expect(again.status == .conflict && seqAfter == seq)
            #expect(Lead(record: try #require(try await app.services.store.fetch(.lead, lead))).outcome == .deal)
        }
    }
}
