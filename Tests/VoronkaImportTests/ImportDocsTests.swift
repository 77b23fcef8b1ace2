import Foundation
import Testing
import VoronkaCore
@testable import VoronkaImport

/// docs/import.md stays true to the code: every key a mapping takes and every preset is documented, and every example
/// reads as a mapping.
@Suite("The import's documentation")
struct ImportDocsTests {
    static func text() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/import.md"), encoding: .utf8)
    }

    @Test("Every mapping key and every preset is in docs/import.md")
    func everythingDocumented() throws {
        // setup
        let text = try Self.text()
        // check
        for key in ImportMapping.jsonKeys { #expect(text.contains("`\(key)`"), "\(key) is documented") }
        for preset in Presets.all { #expect(text.contains("`\(preset.id)`"), "\(preset.id) is documented") }
    }

    @Test("Every JSON example of docs/import.md reads as a mapping or a set of them")
    func examplesRead() throws {
        // setup
        let blocks = try Self.text().components(separatedBy: "```json\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        // action and check
        #expect(blocks.count >= 4)
        for block in blocks {
            let json = try #require(JSONValue.parse(block), "\(block)")
            #expect(throws: Never.self, "\(block)") { _ = try ImportMappingSet(json: json) }
        }
    }

    @Test("A set of mappings reads by file name; errors name the file's path; a plain mapping serves every file")
    func mappingSet() throws {
        // setup
        let set = try ImportMappingSet(json: ["files": ["leads.csv": ["kind": "leads", "columns": ["When": "received_at"]],
                                                        "deals.csv": ["kind": "deals", "columns": ["Deal": "title"]]]])
        let plain = try ImportMappingSet(json: ["kind": "deals", "columns": ["Deal": "title"]])
        // action
        let error = #expect(throws: FieldError.self) { try ImportMappingSet(json: ["files": ["deals.csv": ["kind": "deals", "columns": ["Deal": "nonsense"]]]]) }
        // check
        #expect(set.mapping(for: "/tmp/export/leads.csv")?.kind == .leads && set.mapping(for: "deals.csv")?.kind == .deals)
        #expect(set.mapping(for: "other.csv") == nil && set.unmatched(["leads.csv"]) == ["deals.csv"])
        #expect(plain.mapping(for: "anything.csv")?.kind == .deals)
        #expect(error?.field == "files.deals.csv.columns.Deal")
    }
}
