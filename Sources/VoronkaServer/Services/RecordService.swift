import Foundation
import VoronkaCore
import VoronkaStore

/// Reads and writes records for a caller: access rules, input checks and the domain's rules, one transaction per write.
public struct RecordService: Sendable {
    let store: SQLStore
    let clock: Clock
    /// Told of every record written here, to close the nudges it settles at once.
    var nudges: NudgeRunner? = nil

    /// A page of records the viewer may see.
    public func list(_ kind: EntityKind, params: [String: String], viewer: Viewer) async throws -> Page {
        try requireRole(.read, kind, viewer)
        let query = try ListQuery.parse(params, fields: kind.fields, sortable: kind.sortable, searchable: SearchText.fields(of: kind) != nil).get()
        return try await store.list(kind, query: query, scope: ownerScope(kind, viewer))
    }

    /// The first page of each of several lists the viewer may see, in one query (a board's columns).
    public func firstPages(_ kind: EntityKind, params: [[String: String]], viewer: Viewer) async throws -> [[Record]] {
        try requireRole(.read, kind, viewer)
        let queries = try params.map { try ListQuery.parse($0, fields: kind.fields, sortable: kind.sortable, searchable: SearchText.fields(of: kind) != nil).get() }
        return try await store.firstPages(kind, queries: queries, scope: ownerScope(kind, viewer))
    }

    /// How many records the list parameters match (filters and cursor; the limit aside) among those the viewer may see.
    public func count(_ kind: EntityKind, params: [String: String], viewer: Viewer) async throws -> Int {
        try requireRole(.read, kind, viewer)
        let query = try ListQuery.parse(params, fields: kind.fields, sortable: kind.sortable, searchable: SearchText.fields(of: kind) != nil).get()
        return try await store.count(kind, query: query, scope: ownerScope(kind, viewer))
    }

    /// Count, sum and weighted sum of the deals of a pipeline the viewer may see, per stage.
    public func dealTotals(pipelineID: Int64, viewer: Viewer) async throws -> [StageTotals] {
        try requireRole(.read, .deal, viewer)
        return try await store.dealTotals(pipelineID: pipelineID, scope: ownerScope(.deal, viewer))
    }

    /// Whose records of a kind the viewer's lists include.
    func ownerScope(_ kind: EntityKind, _ viewer: Viewer) -> OwnerScope {
        if AccessPolicy.scope(.read, kind) == .ownership, let owners = viewer.visibleOwners { return .owners(owners) }
        return .everyone
    }

    /// One record the viewer may see.
    public func get(_ kind: EntityKind, _ id: Int64, viewer: Viewer) async throws -> Record {
        try requireRole(.read, kind, viewer)
        guard let record = try await store.fetch(kind, id) else { throw DomainError.notFound(kind, id) }
        try await requireOwnership(.read, kind, record, viewer: viewer, lookup: { try await store.fetch($0, $1) })
        return record
    }

    /// Creates a record from API input.
    public func create(_ kind: EntityKind, _ input: [String: JSONValue], viewer: Viewer,
                       then: (@Sendable (StoreTransaction, Record) async throws -> Void)? = nil) async throws -> Record {
        try requireRole(.write, kind, viewer)
        let inserted = try await store.write(actor: viewer.actorID, at: clock.now()) { tx in
            let inserted = try await create(kind, input, viewer: viewer, in: tx)
            try await then?(tx, inserted)
            return inserted
        }
        await nudges?.recheck(kind, inserted)
        return inserted
    }

    /// Creates a record inside the caller's transaction (several records written together, or none).
    func create(_ kind: EntityKind, _ input: [String: JSONValue], viewer: Viewer, in tx: StoreTransaction) async throws -> Record {
        try requireRole(.write, kind, viewer)
        var input = input
        let lookups = WriteLookups(tx)
        try await RecordRules.fillDefaults(kind, &input, old: nil, lookups: lookups, viewer: viewer, now: tx.now)
        var record = Record()
        let errors = RecordInput.apply(input, to: &record, fields: kind.fields, creating: true)
        let normalized = try Self.normalize(kind, record, inputErrors: errors)
        let checked = try await RecordRules.check(kind, old: nil, new: normalized, lookups: lookups, viewer: viewer)
        var inserted = try await tx.insert(kind, checked)
        try await RecordRules.afterWrite(kind, old: nil, new: inserted, tx: tx)
        if kind == .lead {
            let context = try await QualificationContext.load(tx)
            if context.autoTriage { inserted = try await LeadTriage.run(lead: inserted, context: context, tx: tx, by: .auto).lead }
        }
        return inserted
    }

    /// Changes the given fields of a record.
    public func update(_ kind: EntityKind, _ id: Int64, _ input: [String: JSONValue], viewer: Viewer) async throws -> Record {
        try requireRole(.write, kind, viewer)
        let updated = try await store.write(actor: viewer.actorID, at: clock.now()) { tx in
            try await update(kind, id, input, viewer: viewer, in: tx)
        }
        await nudges?.recheck(kind, updated)
        return updated
    }

    /// Changes the given fields of a record inside the caller's transaction.
    func update(_ kind: EntityKind, _ id: Int64, _ input: [String: JSONValue], viewer: Viewer, in tx: StoreTransaction) async throws -> Record {
        try requireRole(.write, kind, viewer)
        guard let old = try await tx.fetch(kind, id, forUpdate: true) else { throw DomainError.notFound(kind, id) }
        try await requireOwnership(.write, kind, old, viewer: viewer, lookup: { try await tx.fetch($0, $1) })
        let lookups = WriteLookups(tx)
        var input = input
        try await RecordRules.fillDefaults(kind, &input, old: old, lookups: lookups, viewer: viewer, now: tx.now)
        var record = old
        let errors = RecordInput.apply(input, to: &record, fields: kind.fields, creating: false)
        let normalized = try Self.normalize(kind, record, inputErrors: errors)
        let checked = try await RecordRules.check(kind, old: old, new: normalized, lookups: lookups, viewer: viewer)
        let updated = try await tx.update(kind, from: old, to: checked)
        try await RecordRules.afterWrite(kind, old: old, new: updated, tx: tx)
        return updated
    }

    /// Soft-deletes a record; it stays in the journal and can be listed with `include_deleted=true`.
    public func delete(_ kind: EntityKind, _ id: Int64, viewer: Viewer) async throws {
        try requireRole(.write, kind, viewer)
        let deleted = try await store.write(actor: viewer.actorID, at: clock.now()) { tx in
            guard let old = try await tx.fetch(kind, id, forUpdate: true) else { throw DomainError.notFound(kind, id) }
            try await requireOwnership(.write, kind, old, viewer: viewer, lookup: { try await tx.fetch($0, $1) })
            try await RecordRules.checkDelete(kind, old, tx: tx, viewer: viewer)
            try await tx.softDelete(kind, old)
            var deleted = old
            deleted["deleted_at"] = .time(tx.now)
            try await RecordRules.afterWrite(kind, old: old, new: deleted, tx: tx)
            return deleted
        }
        await nudges?.recheck(kind, deleted)
    }

    /// The role check that needs no record.
    func requireRole(_ action: AccessAction, _ kind: EntityKind, _ viewer: Viewer) throws {
        switch AccessPolicy.scope(action, kind) {
        case .everyone, .ownership: return
        case .roles(let roles) where roles.contains(viewer.role): return
        case .roles(let roles):
            throw DomainError.forbidden("Only \(roles.map(\.rawValue).sorted().joined(separator: " or ")) may \(action == .read ? "read" : "change") \(kind.plural).")
        case .nobody:
            throw DomainError.forbidden("\(kind.plural) are managed through their own endpoints.")
        }
    }

    /// The owner check for one record; contacts belong to their company's owner.
    func requireOwnership(_ action: AccessAction, _ kind: EntityKind, _ record: Record, viewer: Viewer,
                          lookup: (EntityKind, Int64) async throws -> Record?) async throws {
        guard AccessPolicy.scope(action, kind) == .ownership, viewer.visibleOwners != nil else { return }
        let owner = try await RecordRules.owner(of: kind, record, lookup: lookup)
        if !viewer.owns(owner) {
            throw DomainError.forbidden("This \(kind.rawValue) belongs to someone outside your team.")
        }
    }

    /// Applies the typed entity's rules and normalisation; throws every field problem at once.
    static func normalize(_ kind: EntityKind, _ record: Record, inputErrors: [FieldError]) throws -> Record {
        guard let type = kind.entityType else { return record }
        let entity = type.init(record: record)
        let ruleErrors = entity.validate()
        let errors = inputErrors + ruleErrors.filter { e in !inputErrors.contains { $0.field == e.field } }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        var normalized = record
        let writable = Set(type.fields.filter(\.writable).map(\.name))
        for (key, value) in entity.record.values where writable.contains(key) { normalized[key] = value }
        return normalized
    }
}
