import Foundation
import Testing
import VoronkaCore
import VoronkaStore
import VoronkaTestDatabase

/// Search through the search index on both engines: a corpus in Russian and English and what each query must find.
@Suite("Search")
struct SearchTests {
    static func find(_ store: SQLStore, _ kind: EntityKind, _ q: String) async throws -> [String] {
        let query = try ListQuery.parse(["q": q, "sort": "id", "limit": "500"], fields: kind.fields, sortable: kind.sortable, searchable: true).get()
        let field = kind == .deal ? "title" : kind == .lead ? "company_name" : "name"
        return try await store.list(kind, query: query).records.map { $0.text(field) ?? "" }
    }

    /// The corpus: companies (one inserted in bulk), a contact, deals and a lead.
    static func corpus(_ store: SQLStore) async throws -> (amur: Int64, acme: Int64) {
        try await store.write(actor: nil) { tx in
            let amur = try await tx.insert(.company, company("ООО «Амур-Литьё Комплекс»", taxID: "2721234567")).int("id") ?? 0
            _ = try await tx.insert(.company, company("ООО Северсталь-Метиз", taxID: "3528000001"))
            let acme = try await tx.insert(.company, company("Acme Corporation")).int("id") ?? 0
            _ = try await tx.insert(.company, company("Amurskaya Stal"))
            var bulk = company("АО «Ёлка»")
            bulk["id"] = .int(1000)
            try await tx.bulkInsert([BulkRow(kind: .company, record: bulk, createdAt: t0, updatedAt: t0)])
            var contact = Contact(companyID: amur, name: "Иван Петров", email: "ivan.petrov@amur.ru", phone: "+7 (912) 345-67-89").record
            contact["id"] = .null
            _ = try await tx.insert(.contact, contact)
            for title in ["Поставка литья для Амура", "Steel supply"] {
                var deal = Deal(title: title, companyID: amur, pipelineID: 2, stageID: 6).record
                deal["id"] = .null
                _ = try await tx.insert(.deal, deal)
            }
            var lead = Lead(receivedAt: t0, source: .webForm, requestText: "Нужны отливки, 40 тонн", contactName: "Мария",
                            contactPhone: "8 912 345 67 89", companyName: "ООО Ромашка", pipelineID: 1, stageID: 1).record
            lead["id"] = .null
            _ = try await tx.insert(.lead, lead)
            return (amur, acme)
        }
    }

    @Test("Cyrillic fragments, full names with quotes, ё as е, tax ids and phones find their records", arguments: TestDatabase.backends)
    func corpusQueries(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            _ = try await Self.corpus(store)
            let amur = "ООО «Амур-Литьё Комплекс»"
            let expected: [(EntityKind, String, [String])] = [
                (.company, "Амур", [amur]),
                (.company, "амур", [amur]),
                (.company, "АМУР-ЛИТЬЁ", [amur]),
                (.company, "«ООО «Амур-Литьё Комплекс»»", [amur]),
                (.company, "литье комплекс", [amur]),
                (.company, "ООО", [amur, "ООО Северсталь-Метиз"]),
                (.company, "2721234567", [amur]),
                (.company, "272123", [amur]),
                (.company, "елка", ["АО «Ёлка»"]),
                (.company, "ЁЛКА", ["АО «Ёлка»"]),
                (.company, "amur", ["Amurskaya Stal"]),
                (.company, "ко", [amur]),
                (.company, "ACME corp", ["Acme Corporation"]),
                (.company, "Рога и копыта", []),
                (.contact, "+7 912 345-67-89", ["Иван Петров"]),
                (.contact, "89123456789", ["Иван Петров"]),
                (.contact, "petrov@amur", ["Иван Петров"]),
                (.contact, "петров", ["Иван Петров"]),
                (.deal, "амур", ["Поставка литья для Амура"]),
                (.deal, "steel", ["Steel supply"]),
                (.lead, "+7 (912) 345-67-89", ["ООО Ромашка"]),
                (.lead, "ромашка", ["ООО Ромашка"]),
                (.lead, "отливки", ["ООО Ромашка"]),
                (.lead, "мария", ["ООО Ромашка"]),
            ]
            for (kind, query, names) in expected {
                // action
                let found = try await Self.find(store, kind, query)
                // check
                #expect(found == names, "\(kind.plural) q=\(query)")
            }
        }
    }

    @Test("The index follows a rename in the same transaction, and a rolled-back write leaves it as it was", arguments: TestDatabase.backends)
    func renameAndRollback(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup
            let (_, acme) = try await Self.corpus(store)
            // action
            try await store.write(actor: nil) { tx in
                guard let old = try await tx.fetch(.company, acme, forUpdate: true) else { return }
                var new = old
                new["name"] = .text("Акме Групп")
                try await tx.update(.company, from: old, to: new)
            }
            struct Abort: Error {}
            await #expect(throws: Abort.self) {
                try await store.write(actor: nil) { tx in
                    guard let old = try await tx.fetch(.company, acme, forUpdate: true) else { return }
                    var new = old
                    new["name"] = .text("Rolled Back")
                    try await tx.update(.company, from: old, to: new)
                    throw Abort()
                }
            }
            // check
            #expect(try await Self.find(store, .company, "акме") == ["Акме Групп"])
            #expect(try await Self.find(store, .company, "acme").isEmpty)
            #expect(try await Self.find(store, .company, "rolled").isEmpty)
        }
    }

    @Test("A search pages by id in both directions through every match, the owner scope applied", arguments: TestDatabase.backends)
    func pagingByID(backend: Backend) async throws {
        try await withStore(backend) { store in
            // setup: 120 companies, every third a foundry; owners 1 and 2 in turn
            try await store.write(actor: nil) { tx in
                for i in 0..<120 { try await tx.insert(.company, company(i % 3 == 0 ? "Литейный завод \(i)" : "Мебель \(i)", owner: Int64(i % 2 + 1))) }
            }
            for (sort, scope, expected) in [("id", OwnerScope.everyone, 40), ("-id", .everyone, 40), ("id", .owners([1]), 20)] {
                // action
                var seen: [Int64] = []
                var cursor: String?
                repeat {
                    var params = ["q": "литейный", "sort": sort, "limit": "7"]
                    params["cursor"] = cursor
                    let page = try await store.list(.company, query: ListQuery.parse(params, fields: Company.fields, sortable: Company.sortable, searchable: true).get(), scope: scope)
                    seen += page.records.compactMap { $0.int("id") }
                    #expect(page.records.allSatisfy { ($0.text("name") ?? "").hasPrefix("Литейный") })
                    cursor = page.nextCursor
                } while cursor != nil
                // check
                #expect(seen.count == expected && Set(seen).count == expected, "sort \(sort)")
                #expect(seen == (sort == "id" ? seen.sorted() : seen.sorted(by: >)), "sort \(sort)")
            }
        }
    }
}
