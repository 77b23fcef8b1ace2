import Foundation
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// Runs a test body against a fresh app on the engine, shutting it down afterwards.
func withTestApp(_ backend: Backend, _ body: (TestApp) async throws -> Void) async throws {
    let app = try await TestApp.make(backend)
    do {
        try await body(app)
    } catch {
        await app.shutdown()
        throw error
    }
    await app.shutdown()
}

/// Records owned by one user: a company, a contact there, a lead, a deal and an activity on it.
struct OwnedRecords {
    let company: Int64
    let contact: Int64
    let lead: Int64
    let deal: Int64
    let activity: Int64

    func id(_ kind: EntityKind) -> Int64 {
        switch kind {
        case .company: company
        case .contact: contact
        case .lead: lead
        case .deal: deal
        default: activity
        }
    }

    static func create(in app: TestApp, as user: String) async throws -> OwnedRecords {
        let company = try await app.call(.POST, "/api/v1/companies", as: user, json: ["name": "Owned by \(user)", "industry": "food"]).requireID()
        let contact = try await app.call(.POST, "/api/v1/contacts", as: user, json: ["company_id": .id(company), "name": "Ivan Petrov", "roles": ["technical"]]).requireID()
        let lead = try await app.call(.POST, "/api/v1/leads", as: user, json: ["company_id": .id(company), "request_text": "Need a steam boiler", "source": "phone"]).requireID()
        let deal = try await app.call(.POST, "/api/v1/deals", as: user, json: ["company_id": .id(company), "title": "Boiler for \(user)", "amount": 1500000, "contact_ids": [.id(contact)]]).requireID()
        let activity = try await app.call(.POST, "/api/v1/activities", as: user, json: ["kind": "call", "deal_id": .id(deal), "subject": "First call"]).requireID()
        return OwnedRecords(company: company, contact: contact, lead: lead, deal: deal, activity: activity)
    }
}
