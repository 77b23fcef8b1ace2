import Foundation
import VoronkaCore
import VoronkaStore

/// The domain rules that need other records: references, ownership, stages and pipelines, uniqueness.
enum RecordRules {
    /// Fills what a create may leave out: the caller as owner, the pipeline and stage, the time a lead came in. An
    /// update that names a stage but not a pipeline moves the record to the stage's pipeline.
    static func fillDefaults(_ kind: EntityKind, _ input: inout [String: JSONValue], old: Record?, lookups: WriteLookups, viewer: Viewer, now: Date) async throws {
        if old == nil, kind.fields.contains(where: { $0.name == "owner_id" }), input["owner_id"] == nil, !viewer.isSystem {
            input["owner_id"] = .number(Double(viewer.userID))
        }
        func id(_ field: String) -> Int64? { if case .number(let n)? = input[field] { Int64(exactly: n) } else { nil } }
        if kind == .stage, old == nil, input["position"] == nil, let pipeline = id("pipeline_id") {
            // A new stage without an order goes last in its pipeline (orders are unique per pipeline).
            let last = try await lookups.tx.records(.stage, where: "pipeline_id", equals: .int(pipeline)).compactMap { $0.int("position") }.max()
            input["position"] = .number(Double(last.map { $0 + 1 } ?? 0))
        }
        if kind == .activity, old == nil, input["done_at"] ?? .null == .null, input["due_at"] ?? .null == .null,
           case .string(let k)? = input["kind"], [ActivityKind.call, .meeting, .email].map(\.rawValue).contains(k) {
            // A call, meeting or e-mail logged without a due time took place as it was logged (a planned one has a
            // due time): it is done now, and counts as contact with the client (the stalled clock starts again).
            input["done_at"] = .string(Timestamp.format(now))
        }
        guard kind == .deal || kind == .lead else { return }
        let named = (stage: id("stage_id"), pipeline: id("pipeline_id"))
        if old != nil {
            // An update keeps its pipeline unless its stage moves; a stage that names no pipeline decides it.
            guard let stage = named.stage, input["pipeline_id"] == nil, let s = try await lookups.stage(stage) else { return }
            input["pipeline_id"] = .number(Double(s.pipelineID))
            return
        }
        if let stage = named.stage {
            // The stage's pipeline; one named besides is checked against it (`checkStage`).
            if input["pipeline_id"] == nil, let s = try await lookups.stage(stage) { input["pipeline_id"] = .number(Double(s.pipelineID)) }
        } else if input["stage_id"] == nil, input["pipeline_id"] == nil || named.pipeline != nil {
            var pipeline = named.pipeline
            if pipeline == nil { pipeline = try await firstPipeline(kind == .deal ? .deal : .lead, lookups.tx) }
            if let pipeline {
                input["pipeline_id"] = .number(Double(pipeline))
                if let first = try await firstStage(of: pipeline, lookups.tx) { input["stage_id"] = .number(Double(first)) }
            }
        }
        if kind == .lead, input["received_at"] == nil { input["received_at"] = .string(Timestamp.format(now)) }
        if kind == .lead, input["channel_id"] == nil {
            // A lead told only its source starts in the source's channel (each source has one from the start).
            let source = { if case .string(let s)? = input["source"] { s } else { LeadSource.webForm.rawValue } }()
            if let channel = try await lookups.tx.firstID(.channel, where: ["source_key": .text(source)], order: ["id"]) {
                input["channel_id"] = .number(Double(channel))
            }
        }
    }

    /// Checks a new or changed record against the rest of the data; returns it with derived fields set.
    static func check(_ kind: EntityKind, old: Record?, new: Record, lookups: WriteLookups, viewer: Viewer) async throws -> Record {
        let tx = lookups.tx
        var record = new
        var errors: [FieldError] = []
        let changed = { (field: String) in old.map { $0[field] != new[field] } ?? true }

        for spec in kind.fields where spec.references != nil && changed(spec.name) {
            guard let id = new.int(spec.name), let target = spec.references else { continue }
            guard let referenced = try await lookups.fetch(target, id) else {
                errors.append(FieldError(spec.name, .noRecord(kind: target.rawValue, id: id))); continue
            }
            if spec.name == "owner_id" || spec.name == "manager_id" {
                if User(record: referenced).active == false { errors.append(FieldError(spec.name, .userDeactivated(id: id))) }
                if spec.name == "owner_id", !viewer.owns(id) {
                    errors.append(FieldError(spec.name, .teamOnly))
                }
            } else if AccessPolicy.scope(.read, target) == .ownership, viewer.visibleOwners != nil {
                let owner = try await owner(of: target, referenced, lookup: { try await lookups.fetch($0, $1) })
                if !viewer.owns(owner) { errors.append(FieldError(spec.name, .noRecord(kind: target.rawValue, id: id))) }
            }
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }

        switch kind {
        case .deal:
            let contacts = try await checkDealContacts(record, lookups: lookups)
            let graded = Grading.grade(deal: Deal(record: record), contacts: contacts)
            DealGrading.apply(graded, to: &record)
            record = try await checkStage(kind, old: old, new: record, lookups: lookups, grade: graded)
        case .lead:
            record = try await checkStage(kind, old: old, new: record, lookups: lookups, grade: nil)
        case .company:
            if let taxID = record.text("tax_id"), changed("tax_id"),
               try await tx.firstID(.company, where: ["tax_id": .text(taxID)], excluding: record.int("id")) != nil {
                throw DomainError.conflict(field: "tax_id", .taxIDTaken(taxID))
            }
        case .user:
            if changed("email"), let email = record.text("email"), try await tx.emailTaken(email, excluding: record.int("id")) {
                throw DomainError.conflict(field: "email", .emailTaken(email))
            }
            if let id = record.int("id"), let manager = record.int("manager_id"), changed("manager_id") {
                if Viewer.team(of: id, managers: try await tx.managers()).contains(manager) {
                    throw DomainError.invalid("manager_id", .managerLoop(id: manager))
                }
            }
            // An admin cannot lock themselves out: the installation keeps the admin who is making the change.
            if let old, old.int("id") == viewer.userID {
                if changed("active"), record.bool("active") == false { throw DomainError.invalid("active", .cannotDeactivateSelf) }
                if changed("role"), old.text("role") == Role.admin.rawValue { throw DomainError.invalid("role", .cannotDemoteSelf) }
            }
        case .stage:
            if let old, old["pipeline_id"] != record["pipeline_id"] {
                throw DomainError.invalid("pipeline_id", .stageStaysInPipeline)
            }
            // Names (as search folds them: case, ё) and orders are unique within a pipeline. A stage put at an order
            // another holds is inserted there: the stages between its old and new place move by one (each journaled).
            if changed("name") || changed("position") || old == nil, let pipeline = record.int("pipeline_id") {
                // Serialised with every other writer first (PostgreSQL): two stages named alike at once cannot both pass.
                try await tx.lockJournal()
                let others = try await tx.records(.stage, where: "pipeline_id", equals: .int(pipeline)).filter { $0.int("id") != record.int("id") }
                let name = record.text("name") ?? ""
                if others.contains(where: { SearchText.fold($0.text("name") ?? "") == SearchText.fold(name) }) {
                    throw DomainError.conflict(field: "name", .stageNameTaken(name))
                }
                if let position = record.int("position"), others.contains(where: { $0.int("position") == position }) {
                    let from = old?.int("position")
                    for stage in others {
                        guard let p = stage.int("position") else { continue }
                        var shifted = p
                        if let from, from < position, p > from, p <= position { shifted = p - 1 }
                        else if let from, from > position, p >= position, p < from { shifted = p + 1 }
                        else if from == nil || from == position, p >= position { shifted = p + 1 }
                        if shifted != p {
                            var moved = stage
                            moved["position"] = .int(shifted)
                            try await tx.update(.stage, from: stage, to: moved)
                        }
                    }
                }
            }
        case .channel:
            try await checkChannel(old: old, record: record, changed: changed, tx: tx)
        case .attribute:
            if changed("key") || changed("entity"), let key = record.text("key"), let entity = record.text("entity"),
               try await tx.firstID(.attribute, where: ["entity": .text(entity), "key": .text(key)], excluding: record.int("id")) != nil {
                throw DomainError.conflict(field: "key", .attributeExists(entity: entity, key: key))
            }
        default:
            break
        }
        if ["company", "deal", "lead", "contact"].contains(kind.rawValue), changed("custom"), case .object(let custom)? = record.json("custom"), !custom.isEmpty {
            let defs = try await tx.records(.attribute, where: "entity", equals: .text(kind.rawValue)).map(AttributeDefinition.init(record:))
            let problems = AttributeDefinition.check(custom, against: defs)
            if !problems.isEmpty { throw DomainError.invalid(problems) }
        }
        return record
    }

    /// A deal's or lead's stage must be of its pipeline, and that pipeline of the right kind; entering a stage follows
    /// `StageEntry` (what it requires, the times it sets) and, for deals, the qualification gate.
    static func checkStage(_ kind: EntityKind, old: Record?, new: Record, lookups: WriteLookups, grade: GradeResult?) async throws -> Record {
        var record = new
        guard let stageID = new.int("stage_id"), let pipelineID = new.int("pipeline_id"),
              let stage = try await lookups.stage(stageID), let pipeline = try await lookups.pipeline(pipelineID) else { return record }
        let placement = StageEntry.placementErrors(stage: stage, pipeline: pipeline, for: kind == .deal ? .deal : .lead)
        if !placement.isEmpty { throw DomainError.invalid(placement) }
        let moved = old.map { $0["stage_id"] != new["stage_id"] } ?? true
        guard moved, kind == .deal else { return record }
        let deal = Deal(record: record)
        let missing = StageEntry.requirements(entering: stage, lostReason: deal.lostReason, postponedUntil: deal.postponedUntil)
        if !missing.isEmpty { throw DomainError.invalid(missing) }
        if let grade { try DealGrading.gate(record, grade: grade, stage: stage) }
        StageEntry.apply(entering: stage.kind, at: lookups.tx.now, to: &record)
        return record
    }

    /// What follows a write in the same transaction: a changed contact regrades its deals.
    static func afterWrite(_ kind: EntityKind, old: Record?, new: Record, tx: StoreTransaction) async throws {
        if kind == .contact, old.map({ $0["roles"] != new["roles"] || $0["deleted_at"] != new["deleted_at"] }) ?? true {
            try await DealGrading.regradeDeals(of: new, tx: tx)
        }
    }

    /// A deal's contacts must work at the deal's company; returns them (they grade the deal).
    static func checkDealContacts(_ deal: Record, lookups: WriteLookups) async throws -> [Contact] {
        let ids = deal.ids("contact_ids")
        let found = try await lookups.records(.contact, ids: ids)
        var contacts: [Contact] = []
        for id in ids {
            guard let record = found[id] else { throw DomainError.invalid("contact_ids", .noRecord(kind: "contact", id: id)) }
            let contact = Contact(record: record)
            if let company = deal.int("company_id"), contact.companyID != company {
                throw DomainError.invalid("contact_ids", .contactAtOtherCompany(id: id, company: company))
            }
            contacts.append(contact)
        }
        return contacts
    }

    /// Refuses deletes that would leave live records pointing at nothing.
    /// Channel names are unique as search folds them; a merge may not loop back to the channel merged.
    private static func checkChannel(old: Record?, record: Record, changed: (String) -> Bool, tx: StoreTransaction) async throws {
        guard changed("name") || changed("merged_into_id") else { return }
        try await tx.lockJournal()
        let channels = try await tx.records(.channel, fields: ["id", "name", "name_ru", "merged_into_id"])
        let id = record.int("id")
        let name = record.text("name") ?? ""
        if changed("name"), channels.contains(where: { $0.int("id") != id && SearchText.fold($0.text("name") ?? "") == SearchText.fold(name) }) {
            throw DomainError.conflict(field: "name", .channelNameTaken(name))
        }
        guard changed("merged_into_id"), let into = record.int("merged_into_id") else { return }
        if into == id { throw DomainError.invalid("merged_into_id", .channelMergedIntoItself) }
        let mergedInto = Dictionary(channels.compactMap { c in c.int("id").map { ($0, c.int("merged_into_id")) } }, uniquingKeysWith: { a, _ in a })
        var next: Int64? = into, seen: Set<Int64> = []
        while let n = next, seen.insert(n).inserted {
            if n == id { throw DomainError.invalid("merged_into_id", .channelMergeLoop(id: into)) }
            next = mergedInto[n] ?? nil
        }
    }

    static func checkDelete(_ kind: EntityKind, _ record: Record, tx: StoreTransaction, viewer: Viewer) async throws {
        guard let id = record.int("id") else { return }
        func count(_ kind: EntityKind, _ column: String) async throws -> Int64 {
            try await tx.countLive(kind, where: column, equals: id)
        }
        switch kind {
        case .company:
            let deals = try await count(.deal, "company_id")
            if deals > 0 { throw DomainError.conflict(field: "id", .companyHasDeals(deals)) }
        case .stage:
            let deals = try await count(.deal, "stage_id") + count(.lead, "stage_id")
            if deals > 0 { throw DomainError.conflict(field: "id", .stageHasRecords(deals)) }
        case .pipeline:
            let deals = try await count(.deal, "pipeline_id") + count(.lead, "pipeline_id")
            if deals > 0 { throw DomainError.conflict(field: "id", .pipelineHasRecords(deals)) }
        case .channel:
            let leads = try await count(.lead, "channel_id")
            if leads > 0 { throw DomainError.conflict(field: "id", .channelHasLeads(leads)) }
        case .user:
            if id == viewer.userID { throw DomainError.conflict(field: "id", .cannotDeleteSelf) }
        default:
            break
        }
    }

    /// The owner that decides access to a record: its owner field, or for a contact its company's.
    static func owner(of kind: EntityKind, _ record: Record, lookup: (EntityKind, Int64) async throws -> Record?) async throws -> Int64? {
        if kind == .contact {
            guard let company = record.int("company_id"), let c = try await lookup(.company, company) else { return nil }
            return c.int("owner_id")
        }
        return record.int("owner_id")
    }

    static func firstPipeline(_ kind: PipelineKind, _ tx: StoreTransaction) async throws -> Int64? {
        try await tx.firstID(.pipeline, where: ["kind": .text(kind.rawValue)], order: ["position", "id"])
    }

    static func firstStage(of pipeline: Int64, _ tx: StoreTransaction) async throws -> Int64? {
        try await tx.firstID(.stage, where: ["pipeline_id": .int(pipeline)], order: ["position", "id"])
    }
}
