import Foundation
import Testing
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

/// The company's time zone: pages show times in it, and times typed into forms are read in it.
@Suite("Web time zone")
struct WebTimeZoneTests {
    @Test("With Europe/Moscow set, a due time typed as 10:30 is stored as 07:30 UTC and shown as 10:30", arguments: [Backend.sqlite])
    func moscow(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let set = try await app.call(.PUT, "/api/v1/settings/time_zone", json: ["value": "Europe/Moscow"])
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            let client = try await WebClient.signedIn(app, as: "rep1")
            _ = try await client.get("/deals/\(records.deal)")
            // action
            let posted = try await client.post("/deals/\(records.deal)/activities",
                                               ["kind": "task", "subject": "Call the plant", "due_at": "2026-09-22T10:30"])
            let page = try await client.get("/deals/\(records.deal)")
            // check
            #expect(set.status == .ok, "\(set.text)")
            #expect(posted.status == .seeOther)
            let task = try #require(try await app.services.store.all(.activity).first { $0.text("subject") == "Call the plant" })
            #expect(task.time("due_at").map(Timestamp.format) == "2026-09-22T07:30:00Z")
            #expect(page.body.contains("10:30") && !page.body.contains("07:30"), "the page shows Moscow time")
        }
    }

    @Test("A time zone that does not exist is refused, naming the value", arguments: [Backend.sqlite])
    func unknownZone(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // action
            let bad = try await app.call(.PUT, "/api/v1/settings/time_zone", json: ["value": "Mars/Olympus"])
            let stored = try await app.call(.GET, "/api/v1/settings/time_zone")
            // check
            #expect(bad.status == .unprocessableEntity && bad.errorFields == ["value"], "\(bad.text)")
            #expect(stored["value"] == .string("UTC"))
        }
    }

    @Test("An admin sets the time zone on the company settings page; an unknown zone is refused beside its field; a rep may not", arguments: [Backend.sqlite])
    func settingsForm(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let admin = try await WebClient.signedIn(app, as: "admin")
            let rep = try await WebClient.signedIn(app, as: "rep1")
            let page = try await admin.get("/settings/company")
            _ = try await rep.get("/leads")
            // action
            let bad = try await admin.post("/settings/company", ["time_zone": "Mars/Olympus"])
            let storedAfterBad = try await app.call(.GET, "/api/v1/settings/time_zone")
            let good = try await admin.post("/settings/company", ["time_zone": "Asia/Yekaterinburg"])
            let shown = try await admin.get("/settings/company")
            let byRep = try await rep.post("/settings/company", ["time_zone": "UTC"])
            let stored = try await app.call(.GET, "/api/v1/settings/time_zone")
            // check
            #expect(page.status == .ok && page.body.contains(#"<option value="Europe/Moscow">Europe/Moscow</option>"#))
            #expect(bad.status == .unprocessableEntity && bad.body.contains("company-time-zone-error"), "\(bad.body.prefix(300))")
            #expect(storedAfterBad["value"] == .string("UTC"))
            #expect(good.status == .seeOther)
            #expect(shown.body.contains(#"<option value="Asia/Yekaterinburg" selected>"#))
            #expect(byRep.status == .forbidden)
            #expect(stored["value"] == .string("Asia/Yekaterinburg"))
        }
    }
}
