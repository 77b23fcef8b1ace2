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
            #expect(try await app.services.store.count(.company, query: ListQuery()) == 1, "the lead's company was made once")
            #expect(Lead(record: try #require(try await app.services.store.fetch(.lead, lead))).outcome == .deal)
        }
    }

    @Test("Undoing a conversion is explicit and journaled: the untouched deal is deleted and the lead is back in the inbox; a deal that moved on refuses the undo", arguments: TestDatabase.backends)
    func undo(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            func convertedLead(_ name: String) async throws -> (lead: Int64, deal: Int64) {
                let lead = try await app.call(.POST, "/api/v1/leads", as: "rep1", json: ["company_name": .string(name), "request_text": "Нужна котельная", "source": "phone"]).requireID()
                _ = try await app.call(.POST, "/api/v1/leads/\(lead)/override", as: "rep1", json: ["outcome": "deal", "reason": "Звонили сами"])
                let deal = try #require(try await app.services.store.fetch(.lead, lead)?.int("deal_id"))
                return (lead, deal)
            }
            let fresh = try await convertedLead("ООО Свежая")
            let moved = try await convertedLead("ООО Ушедшая")
            _ = try await app.call(.POST, "/api/v1/activities", as: "rep1", json: ["kind": "call", "deal_id": .id(moved.deal), "subject": "Созвонились"])
            let client = try await WebClient.signedIn(app, as: "rep1")
            let page = try await client.get("/deals/\(fresh.deal)")
            let seq = try await app.services.store.lastJournalSeq()
            // action
            let undone = try await client.post("/leads/\(fresh.lead)/undo", [:])
            _ = try await client.get("/deals/\(moved.deal)")
            let refused = try await client.post("/leads/\(moved.lead)/undo", [:])
            let inbox = try await client.get("/leads")
            // check
            #expect(page.body.contains("action=\"/leads/\(fresh.lead)/undo\""))
            #expect(undone.status == .seeOther)
            let lead = Lead(record: try #require(try await app.services.store.fetch(.lead, fresh.lead)))
            #expect(lead.outcome == nil && lead.dealID == nil && lead.firstResponseAt == nil)
            #expect(try await app.services.store.fetch(.deal, fresh.deal) == nil, "the untouched deal is deleted")
            let entries = try await app.services.store.journal(of: .lead, fresh.lead).filter { $0.seq > seq }
            #expect(entries.contains { $0.actorID == app.users["rep1"] })
            #expect(inbox.body.contains("id=\"lead-\(fresh.lead)\""))
            #expect(refused.status == .conflict && refused.body.contains("#\(moved.deal)"))
            #expect(try await app.services.store.fetch(.lead, moved.lead)?.int("deal_id") == moved.deal)
        }
    }

    @Test("A lead nurtured or junked by mistake is found under Decided and sent back to the inbox from there, journaled", arguments: TestDatabase.backends)
    func undoFromDecidedList(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: one lead junked on the web with a reason, one still new
            let junked = try await app.call(.POST, "/api/v1/leads", as: "rep1", json: ["company_name": "ООО «Ошибка»", "request_text": "Прайс на котлы", "source": "phone"]).requireID()
            let fresh = try await app.call(.POST, "/api/v1/leads", as: "rep1", json: ["company_name": "ООО «Новая»", "request_text": "Котельная", "source": "phone"]).requireID()
            let client = try await WebClient.signedIn(app, as: "rep1")
            _ = try await client.get("/leads")
            _ = try await client.post("/leads/\(junked)/junk", ["reason": "Похоже на спам"])
            let seq = try await app.services.store.lastJournalSeq()
            // action
            let decided = try await client.get("/leads?view=decided")
            let undone = try await client.post("/leads/\(junked)/undo?view=decided", [:])
            let decidedAfter = try await client.get("/leads?view=decided")
            let inbox = try await client.get("/leads")
            // check
            #expect(decided.body.contains("id=\"lead-\(junked)\"") && !decided.body.contains("id=\"lead-\(fresh)\""))
            #expect(decided.body.contains("action=\"/leads/\(junked)/undo?view=decided\"") && decided.body.contains("Похоже на спам"))
            #expect(undone.status == .seeOther && undone.headers.first(name: .location) == "/leads?view=decided")
            #expect(!decidedAfter.body.contains("id=\"lead-\(junked)\""))
            #expect(inbox.body.contains("id=\"lead-\(junked)\"") && inbox.body.contains("id=\"lead-\(fresh)\""))
            let lead = Lead(record: try #require(try await app.services.store.fetch(.lead, junked)))
            #expect(lead.outcome == nil && lead.firstResponseAt == nil)
            let entries = try await app.services.store.journal(of: .lead, junked).filter { $0.seq > seq }
            #expect(entries.count == 1 && entries.first?.actorID == app.users["rep1"])
        }
    }

    @Test("Converting a lead whose company name is one of the rep's companies (case, ё and quotes aside) uses that company; another rep's namesake is not taken", arguments: TestDatabase.backends)
    func existingCompany(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let mine = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": "ООО «Амур-Литьё»"]).requireID()
            _ = try await app.call(.POST, "/api/v1/companies", as: "rep2", json: ["name": "ООО «Амур-Литьё»"])
            let lead = try await app.call(.POST, "/api/v1/leads", as: "rep1", json: ["company_name": "ооо амур-литье", "request_text": "Отливки", "source": "phone"]).requireID()
            let before = try await app.services.store.count(.company, query: ListQuery())
            // action
            let decided = try await app.call(.POST, "/api/v1/leads/\(lead)/override", as: "rep1", json: ["outcome": "deal", "reason": "Наш клиент"])
            // check
            #expect(decided.status == .ok)
            let dealID = try #require(try await app.services.store.fetch(.lead, lead)?.int("deal_id"))
            #expect(try await app.services.store.fetch(.deal, dealID)?.int("company_id") == mine)
            #expect(try await app.services.store.count(.company, query: ListQuery()) == before)
        }
    }
}
