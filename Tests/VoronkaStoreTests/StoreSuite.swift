import Foundation
import Testing
import VoronkaCore
import VoronkaStore
import VoronkaTestDatabase

/// Opens a migrated store on a fresh database of the engine, runs the body, closes and drops it.
func withStore(_ backend: Backend, _ body: (SQLStore) async throws -> Void) async throws {
    let (location, drop) = try await TestDatabase.make(backend)
    let store = try await SQLStore.open(location)
    do {
        try await store.migrate()
        try await body(store)
    } catch {
        await store.shutdown(); await drop()
        throw error
    }
    await store.shutdown()
    await drop()
}

let t0 = Date(timeIntervalSince1970: 1_700_000_000)

func company(_ name: String, owner: Int64? = nil, taxID: String? = nil) -> Record {
    var r = Company(name: name, taxID: taxID, ownerID: owner).record
    r["id"] = .null
    return r
}
