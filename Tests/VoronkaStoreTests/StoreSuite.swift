import Foundation
import Testing
import VoronkaCore
import VoronkaStore
import VoronkaTestDatabase

/// Opens a migrated store on a fresh database of the engine, runs the body, closes and drops it.
func withStore(_ backend: Backend, _ body: (SQLStore) async throws -> Void) async throws {
    try await TestDatabase.withStore(backend, body)
}

let t0 = Date(timeIntervalSince1970: 1_700_000_000)

func company(_ name: String, owner: Int64? = nil, taxID: String? = nil) -> Record {
    var r = Company(name: name, taxID: taxID, ownerID: owner).record
    r["id"] = .null
    return r
}
