import Foundation
import Testing
import Vapor
import VaporTesting
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

/// A `multipart/form-data` body: text fields, then files.
struct MultipartBody {
    static let boundary = "voronka-test-boundary-7d1f"
    var fields: [(String, String)] = []
    var files: [(name: String, text: String)] = []

    var buffer: ByteBuffer {
        var b = ByteBuffer()
        for (name, value) in fields {
            b.writeString("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            b.writeString("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n")
            b.writeString(file.text)
            b.writeString("\r\n")
        }
        b.writeString("--\(Self.boundary)--\r\n")
        return b
    }

    static var contentType: HTTPMediaType { HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]) }
}

/// Import over the API: dry run, background write with progress, re-import, refusals.
@Suite("Import upload API")
struct ImportUploadAPITests {
    func upload(_ app: TestApp, as user: String = "admin", _ body: MultipartBody) async throws -> TestApp.Reply {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: app.tokens[user] ?? user)
        headers.contentType = MultipartBody.contentType
        var reply: TestApp.Reply?
        try await app.app.testing().test(.POST, "/api/v1/imports", headers: headers, body: body.buffer) { res in
            let text = res.body.string
            reply = TestApp.Reply(status: res.status, json: JSONValue.parse(text) ?? .null, text: text)
        }
        return reply!
    }

    /// Polls an import until it is no longer running.
    func finished(_ app: TestApp, _ id: String) async throws -> TestApp.Reply {
        for _ in 0..<400 {
            let reply = try await app.call(.GET, "/api/v1/imports/\(id)")
            if reply.string("state") != "running" { return reply }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        Issue.record("import \(id) still running")
        return try await app.call(.GET, "/api/v1/imports/\(id)")
    }

    @Test("A dry run shows the detected preset, counts and problems, and writes nothing", arguments: TestDatabase.backends)
    func dryRun(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let before = try await app.services.store.all(.deal).count
            let body = MultipartBody(fields: [("dry_run", "true")], files: [("pipedrive.csv", PresetSamples.pipedriveDeals)])
            // action
            let reply = try await upload(app, body)
            // check
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.string("state") == "draft")
            guard case .array(let files)? = reply["files"], case .object(let file)? = files.first else { Issue.record("no files"); return }
            #expect(file["preset"] == .string("pipedrive-deals"))
            guard case .object(let dry)? = reply["dry_run"], case .object(let counts)? = dry["counts"] else { Issue.record("no dry run"); return }
            #expect(counts["deals"] == .number(3), "the Deleted row is left out: \(reply.text)")
            #expect(try await app.services.store.all(.deal).count == before)
        }
    }

    @Test("An upload is written in the background; the same files again change nothing", arguments: TestDatabase.backends)
    func writeAndReimport(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let body = MultipartBody(files: [("Opportunity.csv", PresetSamples.salesforceOpportunity),
                                             ("OpportunityHistory.csv", PresetSamples.salesforceOpportunityHistory)])
            // action
            let started = try await upload(app, body)
            let id = try #require(started.string("id"), "\(started.text)")
            let first = try await finished(app, id)
            let again = try await finished(app, try #require(try await upload(app, body).string("id")))
            // check
            #expect(started.status == .accepted)
            #expect(first.string("state") == "finished", "\(first.text)")
            guard case .object(let result)? = first["result"], case .object(let kinds)? = result["kinds"],
                  case .object(let deals)? = kinds["deal"], case .number(let created)? = deals["created"] else {
                Issue.record("no result: \(first.text)"); return
            }
            #expect(created > 0)
            let titles = try await app.services.store.all(.deal).compactMap { $0.text("title") }
            #expect(titles.count >= Int(created))
            guard case .object(let second)? = again["result"] else { Issue.record("no second result: \(again.text)"); return }
            #expect(second["changed_nothing"] == .bool(true), "\(again.text)")
            let admin = try #require(app.users["admin"])
            let kept = try #require(app.services.imports.get(id, userID: admin))
            #expect(kept.files.count == 2 && kept.files.allSatisfy { $0.bytes.isEmpty && !$0.header.isEmpty },
                    "a finished upload lets go of its files' bytes and keeps what its report shows")
        }
    }

    @Test("A file no preset knows is refused for writing without a mapping, and written with one", arguments: TestDatabase.backends)
    func mappingRequired(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let csv = "Deal Name,Company,Amount,Stage,Channel\nPumps,Acme,1200,Negotiation,Радио\nValves,Globex,300,Negotiation,Радио\n"
            let mapping = #"{"kind":"deals","columns":{"Deal Name":"title","Company":"company_name","Amount":"amount","Stage":"stage_name","Channel":"source"},"currency":"USD","value_maps":{"source":{"радио":"referral"}}}"#
            // action
            let refused = try await upload(app, MultipartBody(files: [("sheet.csv", csv)]))
            let dry = try await upload(app, MultipartBody(fields: [("dry_run", "true")], files: [("sheet.csv", csv)]))
            let written = try await upload(app, MultipartBody(fields: [("mapping", mapping), ("system", "sheet")], files: [("sheet.csv", csv)]))
            let done = try await finished(app, try #require(written.string("id"), "\(written.text)"))
            // check
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.errorFields == ["mapping"], "\(refused.text)")
            guard case .array(let files)? = dry["files"], case .object(let file)? = files.first,
                  case .object(let proposed)? = file["mapping"], case .object(let columns)? = proposed["columns"] else {
                Issue.record("no proposal: \(dry.text)"); return
            }
            #expect(columns["Stage"] == .string("stage_name"), "the dry run proposes a mapping")
            guard case .object(let dryRun)? = dry["dry_run"] else { Issue.record("no dry run: \(dry.text)"); return }
            // Channels are the leads': a deals file's source sets the referral flag only.
            #expect(dryRun["channels"] == .array([]), "\(dry.text)")
            #expect(done.string("state") == "finished", "\(done.text)")
            let pumps = try await app.services.store.all(.deal).first { $0.text("title") == "Pumps" }
            #expect(pumps?.int("amount") == 120_000)
            #expect(pumps?.bool("referral") == true, "matched through value_maps.source")
        }
    }

    @Test("Two files with a mapping each in one upload: leads and the deals naming them, linked; a mapping for a file not sent is refused", arguments: TestDatabase.backends)
    func mappingPerFile(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let leads = "Lead;First contact\nL1;2024-01-10\nL2;2024-01-11\n"
            let deals = "Deal;Lead;Won\nD1;L1;2024-03-01\n"
            let mappings = #"{"files":{"leads.csv":{"kind":"leads","columns":{"Lead":"source_id","First contact":"received_at"}},"deals.csv":{"kind":"deals","columns":{"Deal":"source_id","Lead":"lead_source_id","Won":"closed_at"},"stage":"Won"}}}"#
            let stray = #"{"files":{"other.csv":{"kind":"leads","columns":{"Lead":"source_id","First contact":"received_at"}}}}"#
            let bad = #"{"files":{"deals.csv":{"kind":"deals","columns":{"Deal":"nonsense"}}}}"#
            // action
            let written = try await upload(app, MultipartBody(fields: [("mapping", mappings), ("system", "funnel")], files: [("leads.csv", leads), ("deals.csv", deals)]))
            let done = try await finished(app, try #require(written.string("id"), "\(written.text)"))
            let refused = try await upload(app, MultipartBody(fields: [("mapping", stray)], files: [("leads.csv", leads)]))
            let wrong = try await upload(app, MultipartBody(fields: [("mapping", bad)], files: [("deals.csv", deals)]))
            // check
            #expect(done.string("state") == "finished", "\(done.text)")
            let deal = try #require(try await app.services.store.all(.deal).map(Deal.init(record:)).first)
            let lead = try #require(try await app.services.store.all(.lead).map(Lead.init(record:)).first { $0.id == deal.leadID })
            #expect(lead.receivedAt == ImportSamples.utc("2024-01-10 00:00") && lead.dealID == deal.id)
            #expect(refused.status == .unprocessableEntity && refused.errorFields == ["mapping.files"], "\(refused.text)")
            #expect(wrong.status == .unprocessableEntity && wrong.errorFields == ["mapping.files.deals.csv.columns.Deal"], "\(wrong.text)")
        }
    }

    @Test("Only admins import; bad fields are named", arguments: [Backend.sqlite])
    func refusals(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let file = MultipartBody(files: [("p.csv", PresetSamples.pipedriveDeals)])
            // action
            let rep = try await upload(app, as: "rep1", file)
            let empty = try await upload(app, MultipartBody(fields: [("dry_run", "true")]))
            let badPreset = try await upload(app, MultipartBody(fields: [("preset", "nope")], files: file.files))
            let badFlag = try await upload(app, MultipartBody(fields: [("dry_run", "maybe")], files: file.files))
            let unknown = try await app.call(.GET, "/api/v1/imports/nothing-here")
            // check
            #expect(rep.status == .forbidden)
            #expect(empty.status == .unprocessableEntity && empty.errorFields == ["files"], "\(empty.text)")
            #expect(badPreset.errorFields == ["preset"])
            #expect(badFlag.errorFields == ["dry_run"])
            #expect(unknown.status == .notFound)
        }
    }

    @Test("An upload over the configured limit is a 413 naming files; a file of megabytes under it is read whole",
          arguments: [Backend.sqlite])
    func uploadLimit(backend: Backend) async throws {
        let app = try await TestApp.make(backend, maxUploadBytes: 3 << 20)
        do {
            // setup: a Pipedrive deals export grown to about 2 MB, and one of about 4 MB
            let sample = PresetSamples.pipedriveDeals
            let lines = sample.split(separator: "\n", omittingEmptySubsequences: true)
            let header = String(lines[0]), row = String(lines[1])
            func big(_ rows: Int) -> String { ([header] + Array(repeating: row, count: rows)).joined(separator: "\n") + "\n" }
            let rowsFor2MB = (2 << 20) / (row.utf8.count + 1)
            // action
            let fits = try await upload(app, MultipartBody(fields: [("dry_run", "true")], files: [("p.csv", big(rowsFor2MB))]))
            let tooBig = try await upload(app, MultipartBody(fields: [("dry_run", "true")], files: [("p.csv", big(rowsFor2MB * 2))]))
            // check
            #expect(fits.status == .ok, "\(fits.text.prefix(300))")
            #expect(fits.text.contains("\(rowsFor2MB)"), "every row of the 2 MB file was read")
            #expect(tooBig.status == .payloadTooLarge && tooBig.errorFields == ["files"], "\(tooBig.status) \(tooBig.text.prefix(300))")
        } catch {
            await app.shutdown()
            throw error
        }
        await app.shutdown()
    }
}
