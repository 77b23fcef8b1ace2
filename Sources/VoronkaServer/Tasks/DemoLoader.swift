import Foundation
import VoronkaCore
import VoronkaDemo
import VoronkaStore

/// Fills the database with the deterministic demo company, batch by batch, each batch one transaction.
public enum DemoLoader {
    public struct Summary: Sendable {
        public let deals: Int
        public let rows: Int
        public let journalEntries: Int
        public let seconds: Double
        /// The password every demo user signs in with.
        public let usersPassword: String
        public let userEmails: [String]
    }

    /// Companies whose lead was sent to nurture join the nurture group (the tag triage gives them), journaled as the demo's doing.
    static func tagNurtureCompanies(_ store: SQLStore, now: Date) async throws {
        var query = ListQuery()
        query.conditions = [.equals("outcome", [.text(LeadOutcome.nurture.rawValue)])]
        query.limit = 1000
        var seen = Set<Int64>()
        while true {
            let page = try await store.list(.lead, query: query)
            let companies = Set(page.records.compactMap { $0.int("company_id") }).subtracting(seen)
            seen.formUnion(companies)
            if !companies.isEmpty {
                try await store.write(actor: nil, origin: "demo", at: now) { tx in
                    for company in try await tx.records(.company, ids: companies.sorted()) {
                        var tags = company.strings("tags")
                        guard !tags.contains(LeadTriage.nurtureTag) else { continue }
                        tags.append(LeadTriage.nurtureTag)
                        var tagged = company
                        tagged["tags"] = .json(.array(tags.map(JSONValue.string)))
                        try await tx.update(.company, from: company, to: tagged)
                    }
                }
            }
            guard page.nextCursor != nil, let last = page.records.last?.int("id") else { return }
            query.after = (value: .int(last), id: last)
        }
    }

    /// The qualification settings of the demo company, unless some are set already: the audience of an industrial seller
    /// (steam above 3 t/h, turnover above a billion roubles, process industries) and 500,000 roubles of costs over 100 deals a month.
    static func seedSettings(_ store: SQLStore, now: Date) async throws {
        let audience: JSONValue = ["rules": [
            ["field": "custom.steam_tph", "operator": "greater", "value": 3, "label": "steam output", "label_ru": "паропроизводительность", "unit": "t/h", "unit_ru": "т/ч"],
            ["field": "annual_revenue", "operator": "greater", "value": 1_000_000_000, "label": "annual turnover", "label_ru": "годовой оборот"],
            ["field": "industry", "operator": "one_of", "value": ["food", "chemicals", "pulp and paper", "pharmaceuticals", "energy"]],
        ]]
        let values: [(SettingKey, JSONValue)] = [
            (.audience, audience),
            (.economics, ["monthly_costs": 500_000, "deals_per_month": 100, "fixed_minimum": .null]),
        ]
        try await store.write(actor: nil, origin: "demo", at: now) { tx in
            for (key, value) in values where try await tx.setting(key.rawValue) == nil {
                try await tx.setSetting(key.rawValue, try key.normalize(value))
            }
        }
    }

    /// Generates `deals` deals (with their leads, companies, contacts, activities and history) as of `now`.
    /// `deferIndexesFrom`: from how many deals the tables' secondary indexes are dropped for the load and built after it.
    public static func load(_ services: Services, deals: Int, seed: UInt64 = 2026, now: Date, deferIndexesFrom: Int = 20_000,
                            progress: @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws -> Summary {
        let store = services.store
        if try await store.count(.deal, includeDeleted: true) > 0 {
            throw DomainError.conflict(field: "deals", reason: "the database already has deals; the demo fills an empty one (use another --data directory)")
        }
        let pipelines = try await store.all(.pipeline).map(Pipeline.init(record:))
        let stages = try await store.all(.stage).map(Stage.init(record:))
        let admin = try await store.all(.user).first { User(record: $0).role == .admin }?.int("id")
        var channels: [LeadSource: Int64] = [:]
        for channel in try await store.all(.channel).map(LeadChannel.init(record:)) {
            if let key = channel.sourceKey.flatMap(LeadSource.init(rawValue:)), channels[key] == nil { channels[key] = channel.id }
        }
        let context = DemoContext(nextID: try await store.nextIDs(), pipelines: pipelines, stages: stages, adminID: admin, channels: channels)
        var generator = DemoGenerator(seed: seed, deals: deals, now: now, context: context)
        try await seedSettings(store, now: now)
        let started = Date()
        var done = 0, rows = 0, entries = 0
        var users: [Int64] = []
        var emails: [String] = []
        progress(0, deals)
        // A large demo fills empty tables: their indexes are built once at the end, as an import's are (SQLite).
        let deferred = deals >= deferIndexesFrom
        if deferred { try await store.prepareBulkLoad() }
        try await store.withIndexesDeferred(of: deferred ? [.company, .contact, .lead, .deal, .activity] : [], journal: deferred) {
            while let batch = generator.next() {
                for row in batch.rows where row.kind == .user {
                    guard let id = row.record.int("id") else { continue }
                    users.append(id)
                    emails.append(row.record.text("email") ?? "")
                }
                try await store.write(actor: nil, origin: "demo", at: now) { tx in
                    try await tx.bulkInsert(batch.rows)
                    try await tx.appendJournal(batch.journal)
                }
                done += batch.dealCount
                rows += batch.rows.count
                entries += batch.journal.count
                progress(done, deals)
            }
        }
        try await store.syncIDSequences()
        try await tagNurtureCompanies(store, now: now)
        let password = Secrets.password()
        try await store.setPasswordHash(try await Passwords.hash(password, cost: services.configuration.passwordCost), userIDs: users)
        return Summary(deals: done, rows: rows, journalEntries: entries, seconds: Date().timeIntervalSince(started),
                       usersPassword: password, userEmails: emails)
    }
}
