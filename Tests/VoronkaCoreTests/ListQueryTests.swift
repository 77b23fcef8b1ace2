import Testing
@testable import VoronkaCore

@Suite("List queries")
struct ListQueryTests {
    @Test("Filters, ranges, sort and limit parse from query parameters")
    func parse() throws {
        // action
        let q = try ListQuery.parse(["owner_id": "3,4", "amount_from": "1000", "expected_close_to": "2026-12-31", "sort": "-amount", "limit": "20"], fields: Deal.fields, sortable: Deal.sortable).get()
        // check
        #expect(q.limit == 20 && q.sortField == "amount" && q.descending)
        #expect(q.conditions.contains(.equals("owner_id", [.int(3), .int(4)])))
        #expect(q.conditions.contains(.atLeast("amount", .int(100_000))))
        #expect(q.conditions.contains(.before("expected_close", .day(Day("2026-12-31")!))))
    }

    @Test("A cursor continues after the row it names, and a foreign cursor is refused")
    func cursor() throws {
        // setup
        let spec = Deal.field("amount")!
        let cursor = ListQuery.encodeCursor(value: .int(500), id: 42, spec: spec)
        // action
        let q = try ListQuery.parse(["sort": "amount", "cursor": cursor], fields: Deal.fields, sortable: Deal.sortable).get()
        let bad = ListQuery.parse(["cursor": "garbage!"], fields: Deal.fields, sortable: Deal.sortable)
        // check
        #expect(q.after?.value == .int(500) && q.after?.id == 42)
        guard case .failure(.invalid(let errors)) = bad else { Issue.record("accepted a bad cursor"); return }
        #expect(errors.map(\.field) == ["cursor"])
    }

    @Test("Unknown filters and unsortable fields are named")
    func problems() {
        guard case .failure(.invalid(let errors)) = ListQuery.parse(["colour": "red", "sort": "tags", "limit": "9999"], fields: Deal.fields, sortable: Deal.sortable) else {
            Issue.record("accepted"); return
        }
        #expect(errors.map(\.field).sorted() == ["colour", "limit", "sort"])
    }
}
