import Foundation
import Testing
import VoronkaCore
@testable import VoronkaImport

@Suite("Import messages in both languages")
struct ImportMessageTests {
    /// Every `ImportMessage("…"` template written in the import's and the server's sources.
    static func templates() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var found = Set<String>()
        for folder in ["Sources/VoronkaImport", "Sources/VoronkaServer"] {
            let files = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") && !file.hasSuffix("ImportMessage.swift") {
                let text = try String(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(file), encoding: .utf8)
                for part in text.components(separatedBy: "ImportMessage(\"").dropFirst() {
                    if let end = part.range(of: "\"") { found.insert(String(part[..<end.lowerBound])) }
                }
            }
        }
        return found
    }

    @Test("Every message an import can give has its Russian, with the same slots")
    func everyTemplateTranslated() throws {
        // setup
        let templates = try Self.templates()
        // check
        #expect(templates.count >= 35, "\(templates.count) templates found")
        for template in templates {
            let russian = ImportMessage.russian[template]
            #expect(russian != nil, "no Russian for “\(template)”")
            for slot in 0..<4 where template.contains("{\(slot)}") {
                #expect(russian?.contains("{\(slot)}") == true, "“\(template)” loses {\(slot)} in Russian")
            }
        }
    }

    @Test("A row's problem reads in Russian with the field's and the kind's names, the value quoted the Russian way")
    func rowProblemInRussian() {
        // setup
        let problem = RowProblem(file: "deals.csv", line: 12, column: "Этап",
                                 message: ImportMessage("is empty, and every {0} row needs {1}", .kind("deal"), .field("stage_name")), value: "—")
        // action
        let en = problem.description(in: .en)
        let ru = problem.description(in: .ru)
        // check
        #expect(en == "deals.csv:12, column Этап: “—” is empty, and every deal row needs stage_name (row left out)")
        #expect(ru == "deals.csv:12, столбец Этап: «—» пусто, а в каждой строке «сделка» должно быть поле «Этап» (строка не импортирована)")
        #expect(problem.reason == "is empty, and every deal row needs stage_name")
    }
}
