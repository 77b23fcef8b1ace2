import Foundation
import Testing
import VoronkaCore
@testable import VoronkaImport
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

/// Lead channels: made by imports, merged later, and the analytics following them.
@Suite("Lead channels")
struct ChannelTests {
    /// A funnel whose conversion by channel is known in advance: channel k has `leads[k]` leads, the first `won[k]` of
    /// them won 30 days after they arrived. "E-mail" and "Referral" are channels every installation has.
    struct Funnel {
        static let names = ["Organic Search", "Paid Search", "Social", "E-mail", "Referral", "Display", "Direct", "Partner webinar"]
        static let leads = [40, 55, 70, 85, 100, 115, 130, 145]
        static let won = [2, 11, 7, 34, 25, 46, 13, 58]

        /// The leads file and the file of won deals (a won date, no stage), in two runs' worth.
        static func files() -> (leads: String, deals: String) {
            var leads = "Lead id;First contact;Marketing channel\n", deals = "Lead id;Won date;Declared revenue\n"
            let start = Day(year: 2024, month: 1, day: 1)!
            var n = 0
            for (k, name) in names.enumerated() {
                for i in 0..<Self.leads[k] {
                    n += 1
                    let arrived = start.adding(days: n % 180)
                    leads += "L\(n);\(arrived);\(name)\n"
                    if i < won[k] { deals += "L\(n);\(arrived.adding(days: 30));\(1_000 * (k + 1))\n" }
                }
            }
            return (leads, deals)
        }

        static let leadsMapping = ImportMapping(kind: .leads, columns: ["Lead id": .field(.sourceID), "First contact": .field(.receivedAt),
                                                                        "Marketing channel": .field(.source)])
        /// A won date alone makes a deal won (no stage column, no outcome rule).
        static let dealsMapping = ImportMapping(kind: .deals, columns: ["Lead id": .field(.leadSourceID), "Won date": .field(.wonAt),
                                                                        "Declared revenue": .field(.amount)])

        /// Imports the leads, then the deals in a second run; returns the leads' run.
        static func load(_ app: TestApp) async throws -> ImportResult {
            let (leadsCSV, dealsCSV) = files()
            let leads = try await ImportSamples.write(ImportPlan(sources: [ImportSource(name: "leads.csv", bytes: Array(leadsCSV.utf8), mapping: leadsMapping)]),
                                                      system: "marketing", app)
            var mapping = dealsMapping
            mapping.currency = "USD"
            _ = try await ImportSamples.write(ImportPlan(sources: [ImportSource(name: "won.csv", bytes: Array(dealsCSV.utf8), mapping: mapping)]),
                                              system: "marketing", app)
            return leads
        }
    }

    /// The 95% Wilson score interval, written out apart from the code under test.
    static func wilson(_ x: Int, _ n: Int) -> (Double, Double) {
        let z = 1.959964, p = Double(x) / Double(n), n = Double(n)
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        return (centre - half, centre + half)
    }

    /// The `by_channel` rows of a report (channels, velocity, response times) by channel name.
    static func rows(_ reply: TestApp.Reply, names: [Int64: String]) -> [String: [String: JSONValue]] {
        guard case .object(let value)? = reply["value"], case .array(let rows)? = value["by_channel"] else { return [:] }
        var out: [String: [String: JSONValue]] = [:]
        for case .object(let row) in rows {
            guard case .number(let id)? = row["channel_id"], let name = names[Int64(id)] else { continue }
            out[name] = row
        }
        return out
    }

    static func number(_ row: [String: JSONValue]?, _ key: String) -> Double? {
        if case .number(let n)? = row?[key] { n } else { nil }
    }

    static func channelNames(_ app: TestApp) async throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: try await app.services.store.all(.channel).map(LeadChannel.init(record:)).map { ($0.id, $0.name) })
    }

    @Test("Eight channels through import → report: each channel's leads, wins, conversion and interval are the funnel's; new channels are made and listed, known ones matched", arguments: TestDatabase.backends)
    func eightChannels(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let leadsRun = try await Funnel.load(app)
            // action
            let report = try await app.call(.GET, "/api/v1/analytics/channels?maturity_days=90", as: "head")
            let paid = try await app.call(.GET, "/api/v1/analytics/channels?maturity_days=90&channel_group=paid", as: "head")
            let velocity = try await app.call(.GET, "/api/v1/analytics/velocity?as_of=2024-12-31", as: "head")
            let response = try await app.call(.GET, "/api/v1/analytics/response_times", as: "head")
            // check
            #expect(report.status == .ok, "\(report.text.prefix(300))")
            #expect(Set(leadsRun.channelsMade.map(\.name)) == ["Organic Search", "Paid Search", "Social", "Display", "Direct", "Partner webinar"])
            #expect(Dictionary(uniqueKeysWithValues: leadsRun.channelsMade.map { ($0.name, $0.group) })
                    == ["Organic Search": .organic, "Paid Search": .paid, "Social": .social, "Display": .paid, "Direct": .direct,
                        "Partner webinar": .partner])
            let rows = Self.rows(report, names: try await Self.channelNames(app))
            #expect(rows.count == 8, "\(report.text.prefix(600))")
            for (k, name) in Funnel.names.enumerated() {
                let row = rows[name], n = Funnel.leads[k], w = Funnel.won[k]
                #expect(Self.number(row, "leads") == Double(n) && Self.number(row, "mature_leads") == Double(n), "\(name)")
                #expect(Self.number(row, "won") == Double(w), "\(name)")
                #expect(abs((Self.number(row, "conversion") ?? -1) - Double(w) / Double(n)) < 1e-6, "\(name)")
                let (low, high) = Self.wilson(w, n)
                #expect(abs((Self.number(row, "conversion_low") ?? -1) - low) < 1e-5 && abs((Self.number(row, "conversion_high") ?? -1) - high) < 1e-5, "\(name)")
                #expect(Self.number(row, "median_days_to_win") == 30, "\(name)")
            }
            // The velocity and response reports break down by the same channels.
            let names = try await Self.channelNames(app)
            let velocityRows = Self.rows(velocity, names: names), responseRows = Self.rows(response, names: names)
            #expect(velocityRows.count == 8 && responseRows.count == 8, "\(velocity.text.prefix(300))")
            for (k, name) in Funnel.names.enumerated() {
                #expect(Self.number(velocityRows[name], "won_deals") == Double(Funnel.won[k]), "velocity of \(name)")
                #expect(Self.number(responseRows[name], "leads") == Double(Funnel.leads[k]), "response of \(name)")
            }
            let paidN = Funnel.leads[1] + Funnel.leads[5], paidW = Funnel.won[1] + Funnel.won[5]
            guard case .object(let value)? = paid["value"], case .object(let overall)? = value["overall"] else { Issue.record("\(paid.text)"); return }
            #expect(Self.number(overall, "leads") == Double(paidN) && Self.number(overall, "won") == Double(paidW), "only the paid group")
        }
    }

    @Test("A channel an import made, merged into another: the analytics count its leads there, the merge is journaled, and undoing it splits them again", arguments: TestDatabase.backends)
    func mergeAndUndo(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            _ = try await Funnel.load(app)
            var names = try await Self.channelNames(app)
            let display = try #require(names.first { $0.value == "Display" }?.key), paidSearch = try #require(names.first { $0.value == "Paid Search" }?.key)
            // action
            let merge = try await app.call(.PATCH, "/api/v1/channels/\(display)", as: "head", json: ["merged_into_id": JSONValue.id(paidSearch)])
            let merged = try await app.call(.GET, "/api/v1/analytics/channels?maturity_days=90", as: "head")
            let viaMerged = try await app.call(.GET, "/api/v1/analytics/conversion?maturity_days=90&channel_id=\(display)", as: "head")
            let history = try await app.call(.GET, "/api/v1/channels/\(display)/history", as: "head")
            let undo = try await app.call(.PATCH, "/api/v1/channels/\(display)", as: "head", json: ["merged_into_id": .null])
            let split = try await app.call(.GET, "/api/v1/analytics/channels?maturity_days=90", as: "head")
            // check
            #expect(merge.status == .ok, "\(merge.text)")
            names = try await Self.channelNames(app)
            let together = Self.rows(merged, names: names)
            #expect(together.count == 7 && together["Display"] == nil)
            #expect(Self.number(together["Paid Search"], "leads") == Double(Funnel.leads[1] + Funnel.leads[5]))
            #expect(Self.number(together["Paid Search"], "won") == Double(Funnel.won[1] + Funnel.won[5]))
            guard case .object(let conversion)? = viaMerged["value"], case .number(let mature)? = conversion["mature_leads"] else { Issue.record("\(viaMerged.text)"); return }
            #expect(Int(mature) == Funnel.leads[1] + Funnel.leads[5], "a merged channel's filter is the channel it was merged into")
            #expect(history.text.contains("merged_into_id"), "\(history.text.prefix(400))")
            #expect(undo.status == .ok)
            #expect(Self.rows(split, names: names).count == 8)
        }
    }

    @Test("Channel rules: names unique as search folds them, no merge into itself or back round a loop, no deletion of a channel with leads, written by heads only; a lead without a channel gets its source's", arguments: TestDatabase.backends)
    func rules(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let seo = try await app.call(.POST, "/api/v1/channels", as: "head", json: ["name": "Поиск Яндекса", "channel_group": "organic"]).requireID()
            let ads = try await app.call(.POST, "/api/v1/channels", as: "head", json: ["name": "Директ", "channel_group": "paid"]).requireID()
            // action
            let taken = try await app.call(.POST, "/api/v1/channels", as: "head", json: ["name": "поиск яндекса"])
            let itself = try await app.call(.PATCH, "/api/v1/channels/\(seo)", as: "head", json: ["merged_into_id": JSONValue.id(seo)])
            let forward = try await app.call(.PATCH, "/api/v1/channels/\(seo)", as: "head", json: ["merged_into_id": JSONValue.id(ads)])
            let back = try await app.call(.PATCH, "/api/v1/channels/\(ads)", as: "head", json: ["merged_into_id": JSONValue.id(seo)])
            let byRep = try await app.call(.POST, "/api/v1/channels", as: "rep1", json: ["name": "Cold calls"])
            let lead = try await app.call(.POST, "/api/v1/leads", as: "rep1", json: ["company_name": "Амур", "source": "event"])
            let tagged = try await app.call(.POST, "/api/v1/leads", as: "rep1", json: ["company_name": "Амур", "channel_id": JSONValue.id(ads)])
            let deleteUsed = try await app.call(.DELETE, "/api/v1/channels/\(ads)", as: "head")
            let badGroup = try await app.call(.GET, "/api/v1/analytics/channels?channel_group=tv", as: "head")
            // check
            #expect(taken.status == .conflict && taken.errorFields == ["name"], "\(taken.text)")
            #expect(itself.status == .unprocessableEntity && itself.errorFields == ["merged_into_id"], "\(itself.text)")
            #expect(forward.status == .ok)
            #expect(back.status == .unprocessableEntity && back.errorFields == ["merged_into_id"], "\(back.text)")
            #expect(byRep.status == .forbidden)
            let event = try await app.services.store.all(.channel).map(LeadChannel.init(record:)).first { $0.sourceKey == "event" }
            #expect(lead.status == .created && lead["channel_id"] == JSONValue.id(event?.id), "\(lead.text)")
            #expect(tagged["channel_id"] == JSONValue.id(ads))
            #expect(deleteUsed.status == .conflict, "\(deleteUsed.text)")
            #expect(badGroup.status == .unprocessableEntity && badGroup.errorFields == ["channel_group"])
        }
    }
}
