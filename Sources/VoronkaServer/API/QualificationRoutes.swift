import Vapor
import VoronkaCore
import VoronkaStore

/// Lead triage and overrides, a deal's qualification, and the control report of violations.
enum QualificationRoutes {
    static var all: [APIRoute] {
        [
            APIRoute(.POST, "leads/:id/triage", "triage_lead", "Triage a lead by the audience rules and the catalog; with apply (default) the outcome is written",
                     tag: "qualification", request: .named("TriageRequest"), response: .named("Triage")) { req, s in
                let input = req.body.data == nil ? [:] : try req.jsonObject()
                try rejectUnknown(input, allowed: ["apply", "pipeline_id"])
                let apply = input["apply"].map { $0 == .bool(true) } ?? true
                if let a = input["apply"], case .bool = a {} else if input["apply"] != nil { throw DomainError.invalid("apply", "must be true or false") }
                let pipeline = try optionalID(input, "pipeline_id")
                return try await triage(req, s, apply: apply, override: nil, pipeline: pipeline)
            },
            APIRoute(.POST, "leads/:id/override", "override_triage", "Decide a lead by hand: outcome (deal, nurture, junk) and a reason, journaled",
                     tag: "qualification", request: .named("TriageOverride"), response: .named("Triage")) { req, s in
                let input = try req.jsonObject()
                try rejectUnknown(input, allowed: ["outcome", "reason", "pipeline_id"])
                var errors: [FieldError] = []
                let outcome = input["outcome"].flatMap { if case .string(let v) = $0 { LeadOutcome(rawValue: v) } else { nil } }
                if outcome == nil { errors.append(FieldError("outcome", "is required: one of \(LeadOutcome.allCases.map(\.rawValue).joined(separator: ", "))")) }
                let reason = input["reason"].flatMap { if case .string(let v) = $0 { v.trimmingCharacters(in: .whitespacesAndNewlines) } else { nil } } ?? ""
                if reason.isEmpty { errors.append(FieldError("reason", "is required: say why the rules are overridden")) }
                guard errors.isEmpty, let outcome else { throw DomainError.invalid(errors) }
                return try await triage(req, s, apply: true, override: (outcome, reason), pipeline: try optionalID(input, "pipeline_id"))
            },
            APIRoute(.POST, "leads/:id/undo", "undo_lead_decision",
                     "Withdraw a lead's decision, journaled: it returns to the inbox undecided; the deal its conversion made is deleted while untouched (409 once it moved on)",
                     tag: "qualification", response: .record(.lead)) { req, s in
                let viewer = try req.caller().viewer
                let id = try req.id()
                let lead = try await s.store.write(actor: viewer.actorID, at: s.clock.now()) { tx in
                    guard let lead = try await tx.fetch(.lead, id, forUpdate: true) else { throw DomainError.notFound(.lead, id) }
                    try await s.records.requireOwnership(.write, .lead, lead, viewer: viewer, lookup: { try await tx.fetch($0, $1) })
                    return try await LeadTriage.undo(lead: lead, tx: tx)
                }
                return JSONResponse.make(.object(lead.jsonObject(fields: Lead.fields)))
            },
            APIRoute(.GET, "deals/:id/qualification", "deal_qualification", "A deal's grade, authority, seven-point checklist, economics and control flags",
                     tag: "qualification", response: .named("DealQualification")) { req, s in
                let viewer = try req.caller().viewer
                let id = try req.id()
                _ = try await s.records.get(.deal, id, viewer: viewer)
                let report = try await s.store.read { tx in
                    guard let deal = try await tx.fetch(.deal, id) else { throw DomainError.notFound(.deal, id) }
                    return try await DealReport.make(deal, tx: tx, context: try await QualificationContext.load(tx))
                }
                return JSONResponse.make(report)
            },
            APIRoute(.GET, "qualification/violations", "qualification_violations",
                     "Open deals past the first meeting without qualification, and uncontrolled deals, per owner (filters: owner_id, pipeline_id)",
                     tag: "qualification", response: .named("Violations")) { req, s in
                JSONResponse.make(try await ViolationReport.make(s, viewer: try req.caller().viewer, params: req.queryParameters).json)
            },
        ]
    }

    static func triage(_ req: Request, _ s: Services, apply: Bool, override: (LeadOutcome, String)?, pipeline: Int64?) async throws -> Response {
        let viewer = try req.caller().viewer
        let id = try req.id()
        let body = try await s.store.write(actor: viewer.actorID, at: s.clock.now()) { tx -> JSONValue in
            guard let lead = try await tx.fetch(.lead, id, forUpdate: true) else { throw DomainError.notFound(.lead, id) }
            try await s.records.requireOwnership(.write, .lead, lead, viewer: viewer, lookup: { try await tx.fetch($0, $1) })
            let context = try await QualificationContext.load(tx)
            if !apply {
                // The same suggestion the applied triage and the inbox use (the lead's company name counts too).
                let result = try await LeadTriage.suggestion(Lead(record: lead), context: context, tx: tx)
                return LeadTriage.json(result, outcome: result.outcome, fire: result.fire, by: .auto, overrideReason: nil, at: tx.now)
            }
            let outcome = try await LeadTriage.run(lead: lead, context: context, tx: tx, by: override == nil ? .auto : .person,
                                                   override: override.map { (outcome: $0.0, reason: $0.1) }, dealPipelineID: pipeline)
            var object: [String: JSONValue] = ["lead": .object(outcome.lead.jsonObject(fields: Lead.fields))]
            if let deal = outcome.deal { object["deal"] = .object(deal.jsonObject(fields: Deal.fields)) }
            if case .json(let triage) = outcome.lead["triage"] { object["triage"] = triage }
            return .object(object)
        }
        return JSONResponse.make(body)
    }

    static func rejectUnknown(_ input: [String: JSONValue], allowed: Set<String>) throws {
        let extra = input.keys.filter { !allowed.contains($0) }.sorted()
        if !extra.isEmpty { throw DomainError.invalid(extra.map { FieldError($0, "is not a field here; allowed: \(allowed.sorted().joined(separator: ", "))") }) }
    }

    static func optionalID(_ input: [String: JSONValue], _ key: String) throws -> Int64? {
        guard let value = input[key] else { return nil }
        guard case .number(let n) = value, let id = Int64(exactly: n), id > 0 else { throw DomainError.invalid(key, "must be a positive id") }
        return id
    }
}
