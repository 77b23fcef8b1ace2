import Foundation
import VoronkaCore
import VoronkaStore

/// Triage of one lead, applied: the lead's outcome, stage and reasons, a deal for a target lead, the nurture tag
/// for a company that is ours but asks for nothing we sell. All inside the caller's transaction, every write journaled.
enum LeadTriage {
    enum By: String { case auto, person }

    struct Outcome {
        let lead: Record
        let result: TriageResult
        let deal: Record?
    }

    /// The tag a nurture company gets.
    static let nurtureTag = "nurture"

    /// Decides the lead; with `override`, a person's outcome and reason replace the suggestion (both are kept).
    /// A lead a person decided is not decided again (by a person or by triage): its deal would stay behind, open.
    /// `dealTitle` is the title the person confirmed for the deal a conversion creates.
    static func run(lead old: Record, context: QualificationContext, tx: StoreTransaction, by: By,
                    override: (outcome: LeadOutcome, reason: String)? = nil, dealPipelineID: Int64? = nil,
                    dealTitle: String? = nil) async throws -> Outcome {
        let lead = Lead(record: old)
        if let decided = lead.outcome, decidedByPerson(lead) {
            throw DomainError.conflict(field: "outcome", .leadAlreadyDecided(decided.rawValue))
        }
        let result = try await suggestion(lead, context: context, tx: tx)
        let outcome = override?.outcome ?? result.outcome
        let fire = outcome == .deal && result.fire

        var new = old
        var deal: Record?
        switch outcome {
        case .deal where lead.dealID == nil:
            let companyID = try await ensureCompany(for: lead, tx: tx)
            var carried = lead
            carried.contactID = try await ensureContact(for: lead, companyID: companyID, tx: tx)
            let created = try await createDeal(for: carried, companyID: companyID, pipelineID: dealPipelineID, title: dealTitle, tx: tx)
            deal = created
            new["deal_id"] = created["id"]
            if lead.companyID == nil { new["company_id"] = created["company_id"] }
            if lead.contactID == nil, let contact = carried.contactID { new["contact_id"] = .int(contact) }
        case .nurture:
            if let companyRecord = try await lead.companyID.asyncMap({ try await tx.fetch(.company, $0) }) ?? nil {
                var tags = companyRecord.strings("tags")
                if !tags.contains(nurtureTag) {
                    tags.append(nurtureTag)
                    var tagged = companyRecord
                    tagged["tags"] = .json(.array(tags.map(JSONValue.string)))
                    try await tx.update(.company, from: companyRecord, to: tagged)
                }
            }
        default:
            break
        }
        if let stage = try await stage(for: outcome, pipelineID: lead.pipelineID, tx: tx) { new["stage_id"] = .int(stage) }
        new["outcome"] = .text(outcome.rawValue)
        new["outcome_reason"] = .text(override?.reason ?? result.summary.en)
        new["fire"] = .bool(fire)
        new["triage"] = .json(json(result, outcome: outcome, fire: fire, by: by, overrideReason: override?.reason, at: tx.now))
        if lead.firstResponseAt == nil, by == .person { new["first_response_at"] = .time(tx.now) }
        let updated = try await tx.update(.lead, from: old, to: new)
        return Outcome(lead: updated, result: result, deal: deal)
    }

    /// Withdraws a lead's decision, explicitly and journaled: the lead returns to the inbox undecided (its first stage, no
    /// outcome, no first response), and the deal its conversion made is deleted while it is untouched (still in its first
    /// stage, without activities); a deal that moved on is refused here and closed on its own page instead.
    static func undo(lead old: Record, tx: StoreTransaction) async throws -> Record {
        let lead = Lead(record: old)
        guard lead.outcome != nil else { throw DomainError.conflict(field: "outcome", .leadNotDecided) }
        if let dealID = lead.dealID, let deal = try await tx.fetch(.deal, dealID), Deal(record: deal).leadID == lead.id {
            let first = try await RecordRules.firstStage(of: Deal(record: deal).pipelineID, tx)
            let activities = try await tx.firstID(.activity, where: ["deal_id": .int(dealID)])
            guard Deal(record: deal).stageID == first, activities == nil else { throw DomainError.conflict(field: "deal_id", .leadDealMoved(dealID)) }
            try await tx.softDelete(.deal, deal)
        }
        var new = old
        if let first = try await RecordRules.firstStage(of: lead.pipelineID, tx) { new["stage_id"] = .int(first) }
        for field in ["outcome", "outcome_reason", "deal_id", "first_response_at"] { new[field] = .null }
        new["fire"] = .bool(false)
        if case .object(var o)? = lead.triage {
            o["by"] = .string("suggestion"); o["outcome"] = .null; o["undone_at"] = .string(Timestamp.format(tx.now))
            new["triage"] = .json(.object(o))
        }
        return try await tx.update(.lead, from: old, to: new)
    }

    /// What triage suggests for a lead: its company (or the name it gave) against the audience rules, its request
    /// against the catalog.
    static func suggestion(_ lead: Lead, context: QualificationContext, tx: StoreReader) async throws -> TriageResult {
        let company = try await lead.companyID.asyncMap { try await tx.fetch(.company, $0) }?.map(Company.init(record:))
        var companyData: [String: JSONValue] = [:]
        if let name = lead.companyName { companyData["name"] = .string(name) }
        return Triage.decide(company: company, companyData: companyData, request: lead.requestText,
                             profile: context.profile, matcher: context.matcher)
    }

    /// Keeps triage's suggestion on the lead without deciding anything: no outcome, no deal, no stage change. The
    /// person's press of Deal, Nurture or Junk is the decision.
    static func suggest(lead old: Record, context: QualificationContext, tx: StoreTransaction) async throws -> Record {
        let lead = Lead(record: old)
        let result = try await suggestion(lead, context: context, tx: tx)
        guard lead.outcome == nil else { return old }
        var new = old
        var stored = json(result, outcome: result.outcome, fire: result.fire, by: .auto, overrideReason: nil, at: tx.now)
        if case .object(var o) = stored { o["by"] = .string("suggestion"); o["outcome"] = .null; stored = .object(o) }
        new["triage"] = .json(stored)
        return try await tx.update(.lead, from: old, to: new)
    }

    /// The lead funnel's stage for an outcome: won for a deal, postponed for nurture, lost for junk.
    static func stage(for outcome: LeadOutcome, pipelineID: Int64, tx: StoreTransaction) async throws -> Int64? {
        let kind: StageKind = switch outcome {
        case .deal: .won
        case .nurture: .postponed
        case .junk: .lost
        }
        return try await tx.firstID(.stage, where: ["pipeline_id": .int(pipelineID), "kind": .text(kind.rawValue)], order: ["position", "id"])
    }

    /// The lead's company: the one it names, else the one company of the lead's owner (or, without an owner, any one)
    /// whose name is the lead's company name as search folds it (case, ё, quotes), else a new one.
    static func ensureCompany(for lead: Lead, tx: StoreTransaction) async throws -> Int64 {
        if let id = lead.companyID { return id }
        let name = lead.companyName ?? lead.contactName ?? "Lead \(lead.id)"
        if let companyName = lead.companyName, !SearchText.terms(companyName).isEmpty,
           case .success(let query) = ListQuery.parse(["q": companyName, "limit": "20"], fields: Company.fields, sortable: Company.sortable, searchable: true) {
            let same = try await tx.list(.company, query: query, scope: lead.ownerID.map { .owners([$0]) } ?? .everyone).records
                .filter { SearchText.fold($0.text("name") ?? "") == SearchText.fold(companyName) }
            if same.count == 1, let id = same.first?.int("id") { return id }
        }
        let record = try await tx.insert(.company, Company(name: name, ownerID: lead.ownerID, source: lead.source.rawValue).record)
        guard let id = record.int("id") else { throw StoreError.unsupported("insert returned no id") }
        return id
    }

    /// Whether the lead's last triage was a person's decision.
    static func decidedByPerson(_ lead: Lead) -> Bool {
        if case .object(let o)? = lead.triage, case .string("person")? = o["by"] { return true }
        return lead.firstResponseAt != nil && lead.outcome != nil && lead.triage == nil
    }

    /// The lead's contact: the one it names, or one made at the company from the name, e-mail and phone the lead came
    /// with; nil when it has none of them.
    static func ensureContact(for lead: Lead, companyID: Int64, tx: StoreTransaction) async throws -> Int64? {
        if let id = lead.contactID { return id }
        func clean(_ s: String?) -> String? { s.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 } }
        guard let name = clean(lead.contactName) ?? clean(lead.contactEmail) ?? clean(lead.contactPhone) else { return nil }
        var contact = Contact(companyID: companyID, name: name, email: clean(lead.contactEmail), phone: clean(lead.contactPhone)).record
        contact["id"] = .null
        return try await tx.insert(.contact, contact).int("id")
    }

    /// The title a conversion suggests: the company and the start of the request, never the raw request alone.
    static func suggestedTitle(for lead: Lead) -> String {
        let request = (lead.requestText ?? "").trimmingCharacters(in: .whitespacesAndNewlines).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let company = (lead.companyName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let short = request.count > 60 ? String(request.prefix(60)).trimmingCharacters(in: .whitespaces) + "…" : request
        switch (company.isEmpty, short.isEmpty) {
        case (false, false): return company + " — " + short
        case (false, true): return company
        case (true, false): return short
        case (true, true): return "Lead \(lead.id)"
        }
    }

    static func createDeal(for lead: Lead, companyID: Int64, pipelineID: Int64?, title given: String? = nil, tx: StoreTransaction) async throws -> Record {
        var chosen = pipelineID
        if chosen == nil { chosen = try await RecordRules.firstPipeline(.deal, tx) }
        guard let pipeline = chosen,
              let stage = try await tx.records(.stage, where: "pipeline_id", equals: .int(pipeline)).map(Stage.init(record:))
                .min(by: { ($0.position, $0.id) < ($1.position, $1.id) }) else {
            throw DomainError.invalid("pipeline_id", "there is no deal pipeline to create the deal in")
        }
        guard let pipelineRecord = try await tx.fetch(.pipeline, pipeline), Pipeline(record: pipelineRecord).kind == .deal else {
            throw DomainError.invalid("pipeline_id", "pipeline \(pipeline) is not a deal pipeline")
        }
        let request = (lead.requestText ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let confirmed = given?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let title = String((confirmed.isEmpty ? suggestedTitle(for: lead) : confirmed).prefix(300))
        var deal = Deal(title: title, companyID: companyID, contactIDs: lead.contactID.map { [$0] } ?? [], ownerID: lead.ownerID,
                        pipelineID: pipeline, stageID: stage.id, leadID: lead.id, referral: lead.source == .referral,
                        needText: request.isEmpty ? nil : request).record
        StageEntry.apply(entering: stage.kind, at: tx.now, to: &deal)
        DealGrading.apply(try await DealGrading.grade(deal, tx: tx), to: &deal)
        return try await tx.insert(.deal, deal)
    }

    /// The stored triage: who decided, the suggestion and the outcome, and every reason in both languages.
    static func json(_ result: TriageResult, outcome: LeadOutcome, fire: Bool, by: By, overrideReason: String?, at: Date) -> JSONValue {
        var object: [String: JSONValue] = [
            "by": .string(by.rawValue), "outcome": .string(outcome.rawValue), "suggested": .string(result.outcome.rawValue),
            "fire": .bool(fire), "at": .string(Timestamp.format(at)),
            "summary": ["en": .string(result.summary.en), "ru": .string(result.summary.ru)],
            "reasons": .array(result.reasons.map { r in
                ["kind": .string(r.kind.rawValue), "verdict": .string(r.verdict.rawValue), "en": .string(r.text.en), "ru": .string(r.text.ru)]
            }),
        ]
        if let overrideReason { object["override_reason"] = .string(overrideReason) }
        return .object(object)
    }
}

extension Optional {
    /// `map` with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
