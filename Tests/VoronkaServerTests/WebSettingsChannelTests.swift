import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

@Suite("Settings: lead channels through the web forms")
struct WebSettingsChannelTests {
    @Test("A channel is added in Russian, merged into another (journaled, the analytics follow), and the merge undone; a taken name is refused beside its field", arguments: TestDatabase.backends)
    func addMergeUndo(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup: a lead of the new channel, once it exists
            let client = try await WebClient.onSettings(app, "channels")
            _ = try await client.post("/language", ["language": "ru", "return_to": "/settings/channels"])
            // action
            let added = try await client.post("/settings/channels", ["name": "Яндекс Директ", "name_ru": "", "channel_group": "paid", "active": "true"])
            let channels = try await app.services.store.all(.channel).map(LeadChannel.init(record:))
            let direct = try #require(channels.first { $0.name == "Яндекс Директ" })
            let web = try #require(channels.first { $0.sourceKey == "web_form" })
            _ = try await app.call(.POST, "/api/v1/leads", as: "rep1", json: ["company_name": "Амур", "channel_id": .id(direct.id)]).requireID()
            let taken = try await client.post("/settings/channels", ["name": "яндекс директ", "channel_group": "paid", "active": "true"])
            let merged = try await client.post("/settings/channels/\(direct.id)", ["name": "Яндекс Директ", "channel_group": "paid", "active": "true",
                                                                                  "merged_into_id": String(web.id)])
            let page = try await client.get("/settings/channels")
            let analytics = try await app.call(.GET, "/api/v1/analytics/channels", as: "head")
            let undone = try await client.post("/settings/channels/\(direct.id)", ["name": "Яндекс Директ", "channel_group": "paid", "active": "true",
                                                                                  "merged_into_id": ""])
            // check
            #expect(added.status == .seeOther && added.location == "/settings/channels?notice=added#channel-\(direct.id)", "\(added.body.prefix(300))")
            #expect(direct.group == .paid && direct.nameRu == nil)
            #expect(taken.status == .unprocessableEntity && taken.body.contains("new-channel-name-error"), "\(taken.status)")
            #expect(taken.body.contains("канал «яндекс директ» уже есть"))
            #expect(merged.status == .seeOther)
            #expect(page.body.contains("Объединён с Форма на сайте"), "the merge is shown with the other channel's Russian name")
            guard case .object(let value)? = analytics["value"], case .array(let rows)? = value["by_channel"] else { Issue.record("\(analytics.text)"); return }
            let ids = rows.compactMap { row -> Int64? in if case .object(let o) = row, case .number(let n)? = o["channel_id"] { Int64(n) } else { nil } }
            #expect(ids == [web.id], "the lead counts under the channel it was merged into: \(ids)")
            let history = try await app.services.store.journal(of: .channel, direct.id)
            #expect(history.count == 3 && history.last?.changes.contains { $0.field == "merged_into_id" && $0.new.isNull } == true)
            #expect(undone.status == .seeOther)
        }
    }
}
