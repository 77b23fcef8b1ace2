import VoronkaCore
import VoronkaStore

/// The records one write reads, each read once: the reference checks, the defaults and the stage rules of a write
/// ask here, so a deal move reads its stage and its pipeline one time each.
final class WriteLookups: @unchecked Sendable {
    // Used by the one task that runs the write.
    let tx: StoreTransaction
    private var cache: [EntityKind: [Int64: Record?]] = [:]

    init(_ tx: StoreTransaction) { self.tx = tx }

    /// A live record by id, from the database the first time it is asked for.
    func fetch(_ kind: EntityKind, _ id: Int64) async throws -> Record? {
        if let known = cache[kind]?[id] { return known }
        let record = try await tx.fetch(kind, id)
        cache[kind, default: [:]][id] = .some(record)
        return record
    }

    /// Live records by id (missing ones left out), those not yet read in one query.
    func records(_ kind: EntityKind, ids: [Int64]) async throws -> [Int64: Record] {
        let missing = ids.filter { cache[kind]?[$0] == nil }
        if !missing.isEmpty {
            let found = try await tx.records(kind, ids: missing)
            for id in missing { cache[kind, default: [:]][id] = .some(nil) }
            for record in found { if let id = record.int("id") { cache[kind, default: [:]][id] = .some(record) } }
        }
        var out: [Int64: Record] = [:]
        for id in ids { if let record = cache[kind]?[id] ?? nil { out[id] = record } }
        return out
    }

    func stage(_ id: Int64) async throws -> Stage? { try await fetch(.stage, id).map(Stage.init(record:)) }
    func pipeline(_ id: Int64) async throws -> Pipeline? { try await fetch(.pipeline, id).map(Pipeline.init(record:)) }
}
