import Foundation
import Testing
import VoronkaCore
import VoronkaImport
import VoronkaServer
import VoronkaStore
import VoronkaTestSupport

/// Exports for the import tests: the presets' samples, and Salesforce exports generated at any size.
enum ImportSamples {
    /// Each preset's sample files, as one export of one source system.
    static let presetExports: [(String, [(String, [UInt8])])] = [
        ("bitrix24", [("deals.csv", PresetSamples.bitrix24Deals), ("leads.csv", PresetSamples.bitrix24Leads)].map { ($0.0, Array($0.1.utf8)) }),
        ("amocrm", [("amo.csv", Array(PresetSamples.amoCRMDeals.utf8))]),
        ("pipedrive", [("pipedrive.csv", Array(PresetSamples.pipedriveDeals.utf8))]),
        ("hubspot", [("hubspot.csv", Array(PresetSamples.hubSpotDeals.utf8))]),
        ("salesforce", [("Opportunity.csv", Array(PresetSamples.salesforceOpportunity.utf8)),
                        ("OpportunityHistory.csv", Array(PresetSamples.salesforceOpportunityHistory.utf8))]),
        ("maven", [("accounts.csv", PresetSamples.mavenAccounts), ("products.csv", PresetSamples.mavenProducts),
                   ("sales_teams.csv", PresetSamples.mavenTeams), ("sales_pipeline.csv", PresetSamples.mavenPipeline)].map { ($0.0, Array($0.1.utf8)) }),
    ]

    static func write(_ plan: ImportPlan, system: String, _ app: TestApp, pipeline: String? = nil, batchSize: Int = 5000,
                      failInBatch: Int? = nil, rebuildIndexesFrom: Int = ImportOptions().rebuildIndexesFrom) async throws -> ImportResult {
        let options = ImportOptions(system: system, pipeline: pipeline, batchSize: batchSize, failInBatch: failInBatch,
                                    rebuildIndexesFrom: rebuildIndexesFrom)
        return try await ImportWriter(store: app.services.store, options: options, actor: app.users["admin"], now: TestApp.today).write(plan)
    }

    static func utc(_ text: String) -> Date {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.date(from: text)!
    }

    static let changedWinTime = utc("2024-04-10 12:00")

    /// A Salesforce Opportunity export with its OpportunityHistory: every third deal won, lost or open in
    /// "Negotiation/Review". `changed`: that deal (an open one) is won later, at a new amount, as a newer export shows.
    static func salesforce(deals: Int, changed: Int? = nil) -> ImportPlan {
        var opportunities = ["Id,AccountId,Name,Amount,StageName,CloseDate,IsClosed,IsWon,OwnerId,CreatedDate,LeadSource,CurrencyIsoCode"]
        var history = ["Id,OpportunityId,StageName,Amount,CloseDate,Probability,CreatedDate,CreatedById,IsDeleted"]
        for i in 1...deals {
            let id = "006GEN\(i)"
            let day = String(format: "%02d", i % 28 + 1)
            var (stage, closed, won) = [("Closed Won", true, true), ("Closed Lost", true, false), ("Negotiation/Review", false, false)][i % 3]
            var amount = "\(1000 * i)", close = "2024-03-\(day)"
            if i == changed { (stage, closed, won, amount, close) = ("Closed Won", true, true, "9999", "2024-04-10") }
            opportunities.append("\(id),001ACC\(i % 7),Opportunity \(i),\(amount),\(stage),\(close),\(closed),\(won),005OWN\(i % 3),2024-01-\(day)T10:00:00.000Z,Web,USD")
            history.append("017A\(i),\(id),Prospecting,\(amount),\(close),10,2024-01-\(day)T10:00:00.000Z,005x,false")
            history.append("017B\(i),\(id),Negotiation/Review,\(amount),\(close),60,2024-02-\(day)T10:00:00.000Z,005x,false")
            if i == changed { history.append("017C\(i),\(id),Closed Won,\(amount),\(close),100,2024-04-10T12:00:00.000Z,005x,false") }
            else if closed { history.append("017C\(i),\(id),\(stage),\(amount),\(close),100,\(close)T16:00:00.000Z,005x,false") }
        }
        return ImportPlan(sources: [ImportSource(name: "Opportunity.csv", bytes: Array((opportunities.joined(separator: "\n") + "\n").utf8)),
                                        ImportSource(name: "OpportunityHistory.csv", bytes: Array((history.joined(separator: "\n") + "\n").utf8))])
    }

    /// The origins of the journal entries after `seq`.
    static func origins(_ store: SQLStore, after seq: Int64) async throws -> Set<String> {
        var out = Set<String>()
        try await store.exportJournal { page in for row in page where row.seq > seq { out.insert(row.origin) } }
        return out
    }

    /// Runs `body` on a new test application and returns its database as text: every record of the kinds an import
    /// writes, and the journal without its numbering and recording times (a rolled-back PostgreSQL sequence leaves gaps).
    static func database(_ backend: Backend, _ body: (TestApp) async throws -> Void) async throws -> (records: [String], journal: [String]) {
        var dump: (records: [String], journal: [String]) = ([], [])
        try await withTestApp(backend) { app in
            try await body(app)
            let store = app.services.store
            for kind in [EntityKind.company, .contact, .lead, .deal, .pipeline, .stage, .product] {
                // Seeded pipelines and stages carry the time their migration ran, which differs between two databases.
                let fields = kind == .pipeline || kind == .stage ? kind.fields.filter { $0.name != "created_at" && $0.name != "updated_at" } : kind.fields
                dump.records += try await store.all(kind).map { "\(kind.rawValue) " + $0.jsonText(fields: fields) }
            }
            try await store.exportJournal { page in
                dump.journal += page.filter { $0.origin == "import" }.map {
                    [Timestamp.format($0.at), $0.entity, String($0.entityID), $0.action, $0.stageID.map(String.init) ?? "", $0.changes].joined(separator: " ")
                }
            }
        }
        return dump
    }
}

/// The Maven CRM data set in shared/ (beside the project checkout).
enum MavenFiles {
    static let candidates = [
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data/maven-crm"),
        URL(fileURLWithPath: "/work/shared/data/maven-crm"),
    ]
    static let found = candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("sales_pipeline.csv").path) }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: try #require(found).appendingPathComponent(name)))
    }

    /// Rows after the header, split on commas (the files have no quoted fields).
    static func naive(_ name: String) throws -> [[String]] {
        String(decoding: try bytes(name), as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst()
            .map { $0.trimmingCharacters(in: .newlines).split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Whole days between two "yyyy-MM-dd" dates.
    static func days(_ from: String, _ to: String) -> Int {
        Int((ImportSamples.utc(to + " 00:00").timeIntervalSince(ImportSamples.utc(from + " 00:00")) / 86_400).rounded())
    }
}
