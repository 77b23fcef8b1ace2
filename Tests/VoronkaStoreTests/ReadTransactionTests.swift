import Foundation
import Testing
import VoronkaCore
import VoronkaStore
import VoronkaTestDatabase

@Suite("Read transactions")
struct ReadTransactionTests {
    /// Opens a write that inserts a company and then waits until told to commit.
    final class HeldWrite: @unchecked Sendable {
        let started = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
    }

    @Test("Reads answer while a write holds its transaction open, and see the state committed before it", arguments: TestDatabase.backends)
    func readsBesideWriter(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            let kept = try await store.write(actor: nil) { tx in try await tx.insert(.company, company("Before")) }
            let keptID = try #require(kept.int("id"))
            let held = HeldWrite()
            let writer = Task {
                try await store.write(actor: nil) { tx in
                    _ = try await tx.insert(.company, company("During"))
                    held.started.continuation.yield()
                    for await _ in held.release.stream { break }
                }
            }
            for await _ in held.started.stream { break }
            // action: reads on every reader connection while the writer waits (a read that waited would never return)
            let answered = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    var names: [String] = []
                    for _ in 0..<8 {
                        let pair = try await store.read { r in (try await r.fetch(.company, keptID), try await r.all(.company)) }
                        names.append(contentsOf: pair.1.compactMap { $0.text("name") })
                        let page = try await store.list(.company, query: try ListQuery.parse([:], fields: Company.fields, sortable: Company.sortable).get())
                        names.append(contentsOf: page.records.compactMap { $0.text("name") })
                    }
                    return !names.contains("During") && names.filter { $0 == "Before" }.count == 16
                }
                group.addTask { try await Task.sleep(for: .seconds(20)); return false }
                let first = try await group.next() ?? false
                group.cancelAll()
                return first
            }
            held.release.continuation.yield()
            try await writer.value
            let after = try await store.read { try await $0.all(.company) }.compactMap { $0.text("name") }
            // check
            #expect(answered, "the reads answered within 20 s, without the uncommitted company")
            #expect(after == ["Before", "During"])
        }
    }
}

@Suite("Table bounds")
struct MaxIDTests {
    @Test("The largest id bounds a table's rows, deleted ones included, and is 0 for an empty table", arguments: TestDatabase.backends)
    func maxID(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            let empty = try await store.maxID(.company)
            let last = try await store.write(actor: nil) { tx -> Record in
                _ = try await tx.insert(.company, company("A"))
                let b = try await tx.insert(.company, company("B"))
                try await tx.softDelete(.company, b)
                return b
            }
            // action
            let bound = try await store.maxID(.company)
            let live = try await store.count(.company)
            // check
            #expect(empty == 0)
            #expect(Int64(bound) == last.int("id") && bound >= live)
        }
    }
}
