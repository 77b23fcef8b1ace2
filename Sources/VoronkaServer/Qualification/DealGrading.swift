import VoronkaCore
import VoronkaStore

/// Keeps a deal's stored grade current and applies the stage gate; runs inside the write that changes the deal.
enum DealGrading {
    /// The grade of a deal record from its contacts.
    static func grade(_ record: Record, tx: StoreReader) async throws -> GradeResult {
        let deal = Deal(record: record)
        let contacts = try await tx.records(.contact, ids: deal.contactIDs).map(Contact.init(record:))
        return Grading.grade(deal: deal, contacts: contacts)
    }

    /// Sets the derived grade fields of a deal record.
    static func apply(_ result: GradeResult, to record: inout Record) {
        record["grade"] = .text(result.grade.rawValue)
        record["decision_maker_reached"] = .bool(result.authority.decisionMakerReached)
    }

    /// Refuses an unqualified deal a stage that requires qualification, naming what is missing.
    static func gate(_ record: Record, grade: GradeResult, stage: Stage) throws {
        let errors = Qualification.gate(deal: Deal(record: record), grade: grade, stage: stage)
        if !errors.isEmpty { throw DomainError.invalid(errors) }
    }

    /// After a contact changed, regrades the deals that list it (each change journaled).
    static func regradeDeals(of contact: Record, tx: StoreTransaction) async throws {
        guard let company = contact.int("company_id"), let id = contact.int("id") else { return }
        for old in try await tx.records(.deal, where: "company_id", equals: .int(company)) where old.ids("contact_ids").contains(id) {
            var new = old
            apply(try await grade(old, tx: tx), to: &new)
            try await tx.update(.deal, from: old, to: new)
        }
    }
}
