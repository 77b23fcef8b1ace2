import Foundation
import Testing
import VoronkaCore
import VoronkaStore
import VoronkaTestDatabase

@Suite("Lists")
struct ListTests {
    @Test("Keyset pages cover every row once, in order, for ascending and descending sorts", arguments: TestDatabase.backends)
    func paging(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup: 120 companies, names with repeats so that ties are broken by id
            let rows = (0..<120).map { i in BulkRow(kind: .company, record: { var r = company("Name \(i % 40)"); r["id"] = .int(Int64(i + 1)); return r }(), createdAt: t0, updatedAt: t0) }
            try await store.write(actor: nil) { tx in try await tx.bulkInsert(rows) }
            for sort in ["name", "-name", "id", "-created_at"] {
                // action
                var seen: [Int64] = []
                var cursor: String?
                repeat {
                    var params = ["sort": sort, "limit": "50"]
                    if let cursor { params["cursor"] = cursor }
                    let page = try await store.list(.company, query: ListQuery.parse(params, fields: Company.fields, sortable: Company.sortable).get())
                    seen += page.records.map { $0.int("id")! }
                    cursor = page.nextCursor
                } while cursor != nil
                // check
                #expect(seen.count == 120, "sort \(sort)")
                #expect(Set(seen).count == 120, "sort \(sort)")
            }
        }
    }

    @Test("Filters by owner, value lists and ranges", arguments: TestDatabase.backends)
    func filters(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            try await store.write(actor: nil) { tx in
                for i in 0..<10 { try await tx.insert(.company, company("F\(i)", owner: Int64(i % 3 + 1)), at: t0.addingTimeInterval(Double(i) * 86_400)) }
            }
            // action
            let scoped = try await store.list(.company, query: ListQuery(), scope: .owners([1]))
            let listed = try await store.list(.company, query: ListQuery.parse(["owner_id": "2,3"], fields: Company.fields, sortable: Company.sortable).get())
            let ranged = try await store.list(.company, query: ListQuery.parse(["created_at_from": "2023-11-16", "created_at_to": "2023-11-18"], fields: Company.fields, sortable: Company.sortable).get())
            let searched = try await store.list(.company, query: ListQuery.parse(["q": "f1"], fields: Company.fields, sortable: Company.sortable).get())
            // check
            #expect(scoped.records.count == 4)
            #expect(listed.records.count == 6)
            #expect(ranged.records.map { $0.text("name")! } == ["F2", "F3"])
            #expect(searched.records.map { $0.text("name")! } == ["F1"])
        }
    }

    @Test("Bulk inserts keep their ids, and later inserts continue after them", arguments: TestDatabase.backends)
    func bulkThenInsert(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            let rows = (1...5).map { i in BulkRow(kind: .company, record: { var r = company("B\(i)"); r["id"] = .int(Int64(i * 10)); return r }(), createdAt: t0, updatedAt: t0) }
            // action
            try await store.write(actor: nil) { tx in try await tx.bulkInsert(rows) }
            try await store.syncIDSequences()
            let next = try await store.write(actor: nil) { tx in try await tx.insert(.company, company("After")) }
            // check
            #expect(try await store.fetch(.company, 30)?.text("name") == "B3")
            #expect(next.int("id")! > 50)
            #expect(try await store.nextIDs()[.company] == next.int("id")! + 1)
        }
    }
}
