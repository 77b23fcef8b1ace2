import Foundation
import Testing
import VoronkaCore
@testable import VoronkaWeb

extension ImportPage.Review {
    /// One deals spreadsheet: a column proposed from part of its name, one ignored; a dry run with a problem.
    static func mock(blocking: [String] = []) -> Self {
        let file = ImportPage.File(name: "deals.csv", presetID: nil, kind: "deals", dateFormat: "auto", columns: [
            .init(name: "Deal Name", samples: ["Pumps", "Valves"], target: "title", uncertain: false),
            .init(name: "Opportunity Amount (USD)", samples: ["1200"], target: "amount", uncertain: true),
            .init(name: "Notes", samples: ["call <back>"], target: "ignore", uncertain: true),
        ], missing: blocking.isEmpty ? [] : ["stage_name"], rows: .init(read: 3, imported: 2, skipped: 1))
        return .init(id: "up1", files: [file], presets: [.init("pipedrive-deals", "Pipedrive deals")],
                     kinds: [.init("deals", "Deals"), .init("leads", "Leads")],
                     fields: ["deals": ["title", "amount", "stage_name"], "leads": ["received_at"]], dateFormats: ["dd.MM.yyyy", "dd/MM/yyyy"],
                     system: "import", pipeline: "", pipelines: ["Sales"], unknownStages: "create",
                     counts: [.init("deals", rows: 8800)], stages: [.init(pipeline: nil, stage: "Negotiation", rows: 2, won: 0, lost: 0)],
                     newOwners: [.init("John Smith", "2")],
                     problems: [.init(file: "deals.csv", line: 4, column: "Amount", reason: "is not a number", value: "abc", isError: true)],
                     problemCount: 1, blocking: blocking)
    }
}

@Suite("Import page")
struct ImportPageTests {
    func page(_ content: ImportPage.Content, _ language: VoronkaCore.Language = .en) -> Inspect {
        Inspect(ImportPage.view(.init(shell: .mock(language, admin: true, section: .imports, path: "/import"), content: content)))
    }

    @Test("The upload form is multipart, carries the CSRF token and asks for several CSV files")
    func uploadForm() {
        // action
        let p = page(.upload)
        // check
        #expect(p.has(#"<form method="post" action="/import" enctype="multipart/form-data""#))
        #expect(p.has(#"name="csrf_token" value="tok-123""#))
        #expect(p.tags("input").contains { $0.contains(#"type="file""#) && $0.contains("multiple") && $0.contains("required") })
        #expect(p.has(#"<a href="/import" aria-current="page">Import</a>"#))
        #expect(p.nestingErrors.isEmpty, "\(p.nestingErrors)")
    }

    @Test("The review shows each column's first values and target, marks guesses, escapes values and offers the start")
    func review() {
        // action
        let p = page(.review(.mock()))
        let ru = page(.review(.mock()), .ru)
        // check
        #expect(p.has(#"<select id="file-0-col-1" name="file-0-col-1">"#))
        #expect(p.has(#"<option value="amount" selected>Amount</option>"#))
        #expect(p.has(#"<option value="custom.notes">Custom field “Notes”</option>"#))
        #expect(p.count("Check this") == 1, "only a guessed column that is mapped is marked")
        #expect(p.has("call &lt;back&gt;") && !p.has("call <back>"))
        #expect(p.has(#"name="action" value="start">Import 2 rows</button>"#))
        #expect(p.has("is not a number") && p.has("John Smith"))
        #expect(ru.has("Импортировать строк: 2") && ru.has("Что будет записано") && ru.has(">Сумма</option>"))
        #expect(p.has(">8,800</td>") && ru.has(">8\u{A0}800</td>"), "counts are grouped in the user's language")
        #expect(p.nestingErrors.isEmpty, "\(p.nestingErrors)")
    }

    @Test("The dry run says how many deals stay ungraded and what would grade them, in the user's language")
    func ungraded() {
        // setup
        var unmapped = ImportPage.Review.mock()
        unmapped.ungradedDeals = 1200
        var empty = unmapped
        empty.gradeColumnsMapped = true
        // action
        let ru = page(.review(unmapped), .ru)
        let en = page(.review(empty))
        let none = page(.review(.mock()))
        // check
        #expect(ru.has("Сделок без оценки: 1") && ru.has("сопоставьте их, чтобы оценить сделки"))
        #expect(en.has("Deals that will stay ungraded: 1") && en.has("leave the need, the budget and the deadline empty"))
        #expect(!none.has("import-ungraded"))
    }

    @Test("A file without a required column blocks the start and says which")
    func blocked() {
        // action
        let p = page(.review(.mock(blocking: ["deals.csv: no column is chosen for stage_name"])))
        // check
        #expect(!p.has(#"value="start""#))
        #expect(p.has("deals.csv: no column is chosen for stage_name"))
        #expect(p.has("No column is chosen for: Stage."))
    }

    @Test("A running import refreshes itself and shows a progress bar; the report tallies every kind")
    func progressAndReport() {
        // action
        let running = page(.running(done: 5000, total: 20000, startedAt: Clock.at(9)))
        let report = page(.finished(tallies: [.init(kind: "deal", created: 2, updated: 1, unchanged: 7, skipped: 1)], rows: 11, seconds: 0.4,
                                    problems: ["deals.csv:4 Amount: is not a number"], problemCount: 3), .ru)
        // check
        #expect(running.has(#"<meta http-equiv="refresh" content="2"/>"#))
        #expect(running.has(#"<progress max="20000" value="5000""#))
        #expect(running.has("5,000 of 20,000 records written"))
        #expect(report.has("<th scope=\"row\">Сделки</th>"))
        #expect(report.has("Проблемы (3)") && report.has("… и ещё 2"))
        #expect(!report.has("http-equiv"))
    }
}
