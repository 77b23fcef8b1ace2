import Foundation
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaWeb

/// The inbox's forms: run triage, or decide a lead (convert to a deal, nurture, junk), with the same checks as the API.
enum LeadActionsController {
    /// A decision against the suggestion without a reason.
    struct ReasonMissing: Error {}

    static func triage(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let id = try req.webID()
        _ = try await web.services.store.write(actor: caller.viewer.actorID, at: web.services.clock.now()) { tx in
            let (lead, context) = try await load(id, caller: caller, web: web, tx: tx)
            return try await LeadTriage.suggest(lead: lead, context: context, tx: tx)
        }
        return web.redirect(SiteURL.leads.path + ListPaging(req).query() + "#lead-\(id)")
    }

    static func decide(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let id = try req.webID()
        guard let outcome = req.parameters.get("outcome").flatMap(LeadOutcome.init(rawValue:)) else { throw WebError.notFound }
        let reason = (req.form[FormField.reason] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count <= 2000 else { return try await refuse(req, web, id, outcome) }
        do {
            let result = try await web.services.store.write(actor: caller.viewer.actorID, at: web.services.clock.now()) { tx in
                let (lead, context) = try await load(id, caller: caller, web: web, tx: tx)
                let fresh = try await LeadTriage.suggestion(Lead(record: lead), context: context, tx: tx)
                let shown = LeadInboxController.stored(Lead(record: lead).triage)?.suggested ?? fresh.outcome
                if outcome != shown, reason.isEmpty { throw ReasonMissing() }
                let agrees = fresh.outcome == outcome
                let override: (outcome: LeadOutcome, reason: String)? = agrees && reason.isEmpty
                    ? nil : (outcome, reason.isEmpty ? "As suggested by triage" : reason)
                return try await LeadTriage.run(lead: lead, context: context, tx: tx, by: .person, override: override,
                                                dealTitle: outcome == .deal ? req.form[FormField.title] : nil)
            }
            if let deal = result.deal?.int("id") { return web.redirect(SiteURL.deal(deal).path) }
            return web.redirect(SiteURL.leads.path + ListPaging(req).query())
        } catch is ReasonMissing {
            return try await refuse(req, web, id, outcome)
        }
    }

    /// Withdraws the decision; the lead is back in the inbox.
    static func undo(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let id = try req.webID()
        _ = try await web.services.store.write(actor: caller.viewer.actorID, at: web.services.clock.now()) { tx in
            let (lead, _) = try await load(id, caller: caller, web: web, tx: tx)
            return try await LeadTriage.undo(lead: lead, tx: tx)
        }
        // From the decided list, back to it; from a deal's page, to the inbox where the lead now is.
        let fromDecided = (try? req.query.get(String.self, at: "view")) == "decided"
        return web.redirect(fromDecided ? SiteURL.leads.path + "?view=decided" : SiteURL.leads.path + "#lead-\(id)")
    }

    static func refuse(_ req: Request, _ web: WebContext, _ id: Int64, _ outcome: LeadOutcome) async throws -> Response {
        let model = try await LeadInboxController.model(req, web, problem: LeadInboxPage.Problem(leadID: id, outcome: outcome))
        return web.page(req, LeadInboxPage.view(model), status: .unprocessableEntity)
    }

    /// The lead, locked, when the caller may change it; and the qualification settings.
    static func load(_ id: Int64, caller: WebCaller, web: WebContext, tx: StoreTransaction) async throws -> (Record, QualificationContext) {
        try web.services.records.requireRole(.write, .lead, caller.viewer)
        guard let lead = try await tx.fetch(.lead, id, forUpdate: true) else { throw DomainError.notFound(.lead, id) }
        try await web.services.records.requireOwnership(.write, .lead, lead, viewer: caller.viewer, lookup: { try await tx.fetch($0, $1) })
        return (lead, try await QualificationContext.load(tx))
    }

}
