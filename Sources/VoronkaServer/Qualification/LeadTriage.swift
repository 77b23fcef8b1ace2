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
    static func run(lead old: Record, context: QualificationContext, tx: StoreTransaction, by: By,
                    override: (outcome: LeadOutcome, reason: String)? = nil, dealPipelineID: Int64? = nil) async throws -> Outcome {
        let lead = Lead(record: old)
        let company = try await lead.companyID.asyncMap { try await tx.fetch(.company, $0) }?.map(Company.init(record:))
        var companyData: [String: JSONValue] = [:]
        if let name = lead.companyName { companyData["name"] = .string(name) }
        let result = Triage.decide(company: company, companyData: companyData, request: lead.requestText,
                                   profile: context.profile, matcher: context.matcher)
        let outcome = override?.outcome ?? result.outcome
        let fire = outcome == .deal && result.fire

        var new = old
        var deal: Record?
        switch outcome {
        case .deal where lead.dealID == nil:
            let created = try await createDeal(for: lead, companyID: try await ensureCompany(for: lead, tx: tx), pipelineID: dealPipelineID, tx: tx)
            deal = created
            new["deal_id"] = created["id"]
            if lead.companyID == nil { new["company_id"] = created["company_id"] }
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

    /// The lead funnel's stage for an outcome: won for a deal, postponed for nurture, lost for junk.
    static func stage(for outcome: LeadOutcome, pipelineID: Int64, tx: StoreTransaction) async throws -> Int64? {
        let kind: StageKind = switch outcome {
        case .deal: .won
        case .nurture: .postponed
        case .junk: .lost
        }
        return try await tx.firstID(.stage, where: ["pipeline_id": .int(pipelineID), "kind": .text(kind.rawValue)], order: ["position", "id"])
    }

    static func ensureCompany(for lead: Lead, tx: StoreTransaction) async throws -> Int64 {
        if let id = lead.companyID { return id }
        let name = lead.companyName ?? lead.contactName ?? "Lead \(lead.id)"
        let record = try await tx.insert(.company, Company(name: name, ownerID: lead.ownerID, source: lead.source.rawValue).record)
        guard let id = record.int("id") else { throw StoreError.unsupported("insert returned no id") }
        return id
    }

    static func createDeal(for lead: Lead, companyID: Int64, pipelineID: Int64?, tx: StoreTransaction) async throws -> Record {
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
        let title = request.isEmpty ? "Deal from lead \(lead.id)" : String(request.prefix(80))
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
