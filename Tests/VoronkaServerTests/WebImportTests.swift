import Foundation
import Testing
import Vapor
import VaporTesting
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport
import VoronkaWeb

extension WebClient {
    /// Posts files as a browser's multipart form would, with the last page's CSRF token unless `csrf` is false.
    func upload(_ path: String, files: [(name: String, text: String)], csrf: Bool = true) async throws -> Page {
        var body = MultipartBody(files: files)
        if csrf, let token = self.csrf { body.fields.append(("csrf_token", token)) }
        var h = HTTPHeaders()
        h.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        h.contentType = MultipartBody.contentType
        var page: Page?
        try await application.testing().test(.POST, path, headers: h, body: body.buffer) { res in
            page = Page(status: res.status, headers: res.headers, body: res.body.string)
        }
        return page!
    }

    /// Reloads an import's page until it no longer shows progress.
    func waitForImport(_ path: String) async throws -> Page {
        for _ in 0..<400 {
            let page = try await get(path)
            if !page.body.contains("<progress") { return page }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        return try await get(path)
    }
}

/// The import pages: upload, review with a proposed mapping, correction, start, progress, report; admins only.
@Suite("Web import")
struct WebImportTests {
    static let sheet = """
    Deal Name;Client;Amount;Stage;Created;Notes
    Pumps;ООО Ромашка;1 250 000,50;Negotiation;25/03/2024;call back
    Valves;Globex;300;Negotiation;01/02/2024;

    """

    @Test("An admin uploads a spreadsheet, corrects a column, checks, imports and reads the report", arguments: TestDatabase.backends)
    func uploadReviewImport(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let admin = try await WebClient.signedIn(app, as: "admin")
            _ = try await admin.get("/import")
            // action: upload
            let uploaded = try await admin.upload("/import", files: [("deals.csv", Self.sheet)])
            let path = try #require(uploaded.location, "\(uploaded.status) \(uploaded.body)")
            let review = try await admin.get(path)
            // check: the proposal and the dry run
            #expect(uploaded.status == .seeOther)
            #expect(review.status == .ok)
            #expect(review.body.hasPrefix("<!DOCTYPE html><html") && review.body.components(separatedBy: "<!DOCTYPE").count == 2)
            #expect(review.body.contains("deals.csv"))
            #expect(review.body.contains(#"<option value="stage_name" selected>"#), "the Stage column is proposed as the stage")
            #expect(review.body.contains(#"<option value="company_name" selected>"#), "Client is proposed as the company")
            #expect(review.body.contains("25/03/2024"), "first values are shown")
            #expect(review.body.contains(#"<option value="dd/MM/yyyy" selected>"#), "day-first dates are recognised")
            #expect(try await app.services.store.all(.deal).filter { $0.text("title") == "Pumps" }.isEmpty, "nothing written yet")

            // action: keep the notes as a custom field, then start
            let columnFields = (0..<6).map { "file-0-col-\($0)" }
            var form: [String: String] = ["file-0-preset": "columns", "file-0-kind": "deals", "file-0-date_format": "dd/MM/yyyy",
                                          "system": "sheet", "pipeline": "", "unknown_stages": "create", "action": "check"]
            for (field, target) in zip(columnFields, ["title", "company_name", "amount", "stage_name", "created_at", "custom.notes"]) { form[field] = target }
            let checked = try await admin.post(path, form)
            let again = try await admin.get(path)
            form["action"] = "start"
            let started = try await admin.post(path, form)
            let report = try await admin.waitForImport(path)
            // check: the report and what was written
            #expect(checked.status == .seeOther && started.status == .seeOther)
            #expect(again.body.contains(#"<option value="custom.notes" selected>"#))
            #expect(report.body.contains("import-report"), "\(report.body)")
            let deals = try await app.services.store.all(.deal)
            let pumps = try #require(deals.first { $0.text("title") == "Pumps" })
            #expect(pumps.int("amount") == 125_000_050)
            #expect(pumps.time("created_at").map(Timestamp.format)?.hasPrefix("2024-03-25") == true)
            #expect(deals.filter { $0.text("title") == "Valves" }.count == 1)
        }
    }

    @Test("A stray file beside the export (a data dictionary) is left out on the review, and the rest imports", arguments: [Backend.sqlite])
    func leaveAFileOut(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let dictionary = "Table;Field;Description\naccounts;account;Company name\n"
            let admin = try await WebClient.signedIn(app, as: "admin")
            _ = try await admin.get("/import")
            let uploaded = try await admin.upload("/import", files: [("deals.csv", Self.sheet), ("data_dictionary.csv", dictionary)])
            let path = try #require(uploaded.location)
            let review = try await admin.get(path)
            // action: the same choices for deals.csv; the dictionary left out
            var form: [String: String] = ["file-0-preset": "columns", "file-0-kind": "deals", "file-0-date_format": "dd/MM/yyyy",
                                          "file-1-preset": "columns", "file-1-kind": "leads", "file-1-date_format": "auto", "file-1-skip": "true",
                                          "system": "sheet", "pipeline": "", "unknown_stages": "create", "action": "check"]
            for (j, target) in ["title", "company_name", "amount", "stage_name", "created_at", "ignore"].enumerated() { form["file-0-col-\(j)"] = target }
            let refused = try await admin.post(path, form.merging(["action": "start", "file-1-skip": ""]) { _, new in new }.filter { !$0.value.isEmpty })
            let checked = try await admin.post(path, form)
            let again = try await admin.get(path)
            form["action"] = "start"
            let started = try await admin.post(path, form)
            let report = try await admin.waitForImport(path)
            // check
            #expect(review.body.contains("name=\"file-1-skip\""))
            #expect(refused.status == .conflict, "a file nobody reads blocks the start while it is in")
            #expect(checked.status == .seeOther && again.body.contains("id=\"file-1-skip\" name=\"file-1-skip\" value=\"true\" checked"))
            #expect(started.status == .seeOther && report.body.contains("import-report"), "\(report.body.prefix(2000))")
            #expect(try await app.services.store.all(.deal).contains { $0.text("title") == "Pumps" })
        }
    }

    @Test("The upload without its CSRF token is refused; a rep cannot open the import pages", arguments: [Backend.sqlite])
    func refusals(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let admin = try await WebClient.signedIn(app, as: "admin")
            let rep = try await WebClient.signedIn(app, as: "rep1")
            _ = try await admin.get("/import")
            _ = try await rep.get("/leads")
            // action
            let forged = try await admin.upload("/import", files: [("deals.csv", Self.sheet)], csrf: false)
            let repPage = try await rep.get("/import")
            let repUpload = try await rep.upload("/import", files: [("deals.csv", Self.sheet)])
            let empty = try await admin.upload("/import", files: [])
            let unknown = try await admin.get("/import/not-an-upload")
            // check
            #expect(forged.status == .forbidden)
            #expect(repPage.status == .forbidden)
            #expect(repUpload.status == .forbidden)
            #expect(empty.status == .unprocessableEntity || empty.status == .badRequest)
            #expect(unknown.status == .notFound)
            #expect(try await app.services.store.all(.deal).filter { $0.text("title") == "Pumps" }.isEmpty)
        }
    }

    @Test("The review speaks Russian to a Russian user", arguments: [Backend.sqlite])
    func russian(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let admin = try await WebClient.signedIn(app, as: "admin")
            _ = try await admin.get("/import")
            _ = try await admin.post("/language", ["language": "ru", "return_to": "/import"])
            _ = try await admin.get("/import")
            // action
            let uploaded = try await admin.upload("/import", files: [("deals.csv", Self.sheet)])
            let review = try await admin.get(try #require(uploaded.location))
            // check
            #expect(review.body.contains("Читать как"))
            #expect(review.body.contains("Что будет записано"))
        }
    }

    @Test("More problems than the page lists: every one of them downloads as CSV, in Russian for a Russian user", arguments: [Backend.sqlite])
    func allProblemsAsCSV(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: 250 rows whose amount is not an amount, and one good row
            var sheet = "Deal Name;Client;Amount;Stage;Created\n"
            for i in 0..<250 { sheet += "Deal \(i);ООО Ромашка;=сумма;Negotiation;25/03/2024\n" }
            sheet += "Pumps;ООО Ромашка;1 250 000,50;Negotiation;25/03/2024\n"
            let admin = try await WebClient.signedIn(app, as: "admin")
            _ = try await admin.get("/import")
            _ = try await admin.post("/language", ["language": "ru", "return_to": "/import"])
            _ = try await admin.get("/import")
            // action
            let uploaded = try await admin.upload("/import", files: [("deals.csv", sheet)])
            let path = try #require(uploaded.location)
            let review = try await admin.get(path)
            let csv = try await admin.get(path + "/problems.csv")
            let stranger = try await WebClient.signedIn(app, as: "rep1").get(path + "/problems.csv")
            // check
            #expect(review.body.contains("href=\"\(path)/problems.csv\"") && review.body.contains("Скачать все проблемы (CSV)"))
            #expect(csv.status == .ok && csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let lines = csv.body.split(separator: "\r\n")
            #expect(lines.count == 251, "a header and a line per problem: \(lines.count)")
            #expect(lines.first?.contains("файл,строка,столбец") == true)
            #expect(lines.dropFirst().allSatisfy { $0.contains("не сумма") || $0.contains("лишний текст") || $0.contains("символ") }, "\(lines.dropFirst().first ?? "")")
            #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",'=сумма") }, "a formula-like value is neutralized")
            #expect(stranger.status == .forbidden)
        }
    }

    @Test("A stage the pipeline lacks can be put into an existing stage instead of a new one", arguments: TestDatabase.backends)
    func stageIntoExisting(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let admin = try await WebClient.signedIn(app, as: "admin")
            _ = try await admin.get("/import")
            let path = try #require(try await admin.upload("/import", files: [("deals.csv", Self.sheet)]).location)
            let review = try await admin.get(path)
            let pipelines = try await app.services.store.all(.pipeline).map(Pipeline.init(record:)).filter { $0.kind == .deal }
                .sorted { ($0.position, $0.id) < ($1.position, $1.id) }
            let stages = try await app.services.store.all(.stage).map(Stage.init(record:))
            let first = try #require(pipelines.first)
            let existing = try #require(stages.first { $0.pipelineID == first.id && $0.kind == .open })
            let stagesBefore = stages.count
            // action
            var form: [String: String] = ["file-0-preset": "columns", "file-0-kind": "deals", "system": "sheet", "pipeline": "",
                                          "unknown_stages": "create", "stage-0-name": "Negotiation", "stage-0": existing.name, "action": "start"]
            for (j, target) in ["title", "company_name", "amount", "stage_name", "created_at", "ignore"].enumerated() { form["file-0-col-\(j)"] = target }
            let started = try await admin.post(path, form)
            _ = try await admin.waitForImport(path)
            // check
            #expect(review.body.contains(#"name="stage-0""#) && review.body.contains("Negotiation"), "the unknown stage offers a choice")
            #expect(started.status == .seeOther)
            let deals = try await app.services.store.all(.deal).filter { ["Pumps", "Valves"].contains($0.text("title") ?? "") }
            #expect(deals.count == 2)
            #expect(deals.allSatisfy { $0.int("stage_id") == existing.id }, "both deals are in \(existing.name)")
            #expect(try await app.services.store.all(.stage).count == stagesBefore, "no stage was created")
        }
    }

    @Test("Lead channels no channel has are listed: one matched to an existing channel, one left to become a new channel",
          arguments: TestDatabase.backends)
    func sourceMatched(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: no channel is called "Радио" or "Сайт"
            let leads = """
            Received;Company;Source;Request
            2024-03-01;Полюс;Радио;pumps for the plant
            2024-03-02;Globex;Радио;valves
            2024-03-03;Initech;Сайт;a quote

            """
            let admin = try await WebClient.signedIn(app, as: "admin")
            _ = try await admin.get("/import")
            let path = try #require(try await admin.upload("/import", files: [("leads.csv", leads)]).location)
            var form: [String: String] = ["file-0-preset": "columns", "file-0-kind": "leads", "system": "radio-sheet", "pipeline": "",
                                          "unknown_stages": "create", "file-0-date_format": "auto"]
            for (j, target) in ["received_at", "company_name", "source", "request_text"].enumerated() { form["file-0-col-\(j)"] = target }
            let event = try #require(try await app.services.store.all(.channel).map(LeadChannel.init(record:)).first { $0.sourceKey == "event" })
            // action: a dry run of these columns, then "Радио" sent to the Event channel, checked again, then started
            form["action"] = "check"
            let checked = try await admin.post(path, form)
            let review = try await admin.get(checked.location ?? path)
            form["source-0-name"] = "Радио"
            form["source-0"] = event.name
            let rechecked = try await admin.get(try await admin.post(path, form).location ?? path)
            form["action"] = "start"
            let started = try await admin.post(path, form)
            _ = try await admin.waitForImport(path)
            let report = try await admin.get(path)
            // check: both listed with a choice; "Радио" still listed, with its channel chosen; the rows went where chosen
            #expect(review.body.contains(#"name="source-0-name" value="Радио""#), "\(review.body)")
            #expect(review.body.contains(#"name="source-1-name" value="Сайт""#))
            #expect(review.body.contains("New channel “Сайт”"))
            #expect(rechecked.body.contains(#"<option value="\#(event.name)" selected"#))
            #expect(started.status == .seeOther)
            let channels = try await app.services.store.all(.channel).map(LeadChannel.init(record:))
            let site = try #require(channels.first { $0.name == "Сайт" }, "a new channel was made")
            #expect(site.group == .direct, "its group is guessed from its words")
            #expect(!channels.contains { $0.name == "Радио" }, "no channel for a text matched to an existing one")
            let written = try await app.services.store.all(.lead).map(Lead.init(record:))
                .filter { ["pumps for the plant", "valves", "a quote"].contains($0.requestText ?? "") }
            #expect(written.count == 3)
            #expect(written.filter { $0.channelID == event.id }.count == 2)
            #expect(written.filter { $0.channelID == site.id }.map(\.source) == [.webForm], "the kind of source is still guessed")
            #expect(report.body.contains("New lead channels (1)") && report.body.contains("Сайт (Direct)"), "the report names the channel made")
        }
    }
}
