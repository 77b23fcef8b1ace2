import Foundation
import VoronkaCore
import VoronkaStore

/// Taking a lead nobody owns: the first rep to claim it owns it. The lead is read and locked in the transaction that
/// writes the owner (PostgreSQL row lock; SQLite has one writer), so of two claims at once one wins and the other is
/// told who took it. Journaled as the claimer's change.
enum LeadClaim {
    static func claim(_ id: Int64, viewer: Viewer, _ s: Services) async throws -> Record {
        guard [.salesRep, .accountManager, .headOfSales, .admin].contains(viewer.role) else {
            throw DomainError.forbidden("Leads are taken by sales reps, account managers and heads of sales.")
        }
        let records = s.records
        let claimed = try await s.store.write(actor: viewer.actorID, at: s.clock.now()) { tx in
            guard let lead = try await tx.fetch(.lead, id, forUpdate: true) else { throw DomainError.notFound(.lead, id) }
            if let owner = lead.int("owner_id") {
                if owner == viewer.userID { return lead }
                let name = try await tx.fetch(.user, owner, forUpdate: false)?.text("name") ?? "#\(owner)"
                throw DomainError.conflict(field: "owner_id", reason: "is taken: \(name) owns this lead")
            }
            // The claimer may write this one lead although unowned records are the heads' alone.
            let taking = Viewer(userID: viewer.userID, role: viewer.role, visibleOwners: nil)
            return try await records.update(.lead, id, ["owner_id": .number(Double(viewer.userID))], viewer: taking, in: tx)
        }
        await s.nudges.recheck(.lead, claimed)
        return claimed
    }
}
