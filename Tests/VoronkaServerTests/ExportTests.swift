import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

@Suite("Export")
struct ExportTests {
    @Test("Every kind and the journal export as CSV and JSON, deleted records included, quoting intact", arguments: TestDatabase.backends)
    func exportAll(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            _ = try await app.call(.POST, "/api/v1/companies", json: ["name": "Quote \"and\", comma", "notes": "line one\nline two"])
            let gone = try await app.call(.POST, "/api/v1/companies", json: ["name": "Gone"]).requireID()
            _ = try await app.call(.DELETE, "/api/v1/companies/\(gone)")
            // action
            let csv = try await app.call(.GET, "/api/v1/export/companies?format=csv")
            let json = try await app.call(.GET, "/api/v1/export/companies?format=json")
            let journal = try await app.call(.GET, "/api/v1/export/journal?format=csv")
            let asRep = try await app.call(.GET, "/api/v1/export/deals", as: "rep1")
            let unknown = try await app.call(.GET, "/api/v1/export/secrets")
            // check
            #expect(csv.status == .ok)
            #expect(csv.text.hasPrefix(RecordCSV.header(Company.fields)))
            #expect(csv.text.contains("\"Quote \"\"and\"\", comma\""))
            #expect(csv.text.contains("\"line one\nline two\""))
            guard case .array(let items) = json.json else { Issue.record("not an array: \(json.text.prefix(200))"); return }
            #expect(items.count == 2)
            #expect(items.contains { $0.string("name") == "Gone" && $0.string("deleted_at") != nil })
            let journalLines = journal.text.split(separator: "\r\n")
            #expect(journalLines.first == "seq,at,recorded_at,actor_id,entity,entity_id,action,stage_id,origin,changes")
            #expect(journalLines.count - 1 == Int(try await app.services.store.lastJournalSeq()))
            #expect(asRep.status == .forbidden)
            #expect(unknown.status == .unprocessableEntity && unknown.errorFields == ["target"])
        }
    }
}
