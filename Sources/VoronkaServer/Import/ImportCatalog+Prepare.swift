import Foundation
import VoronkaCore
import VoronkaImport
import VoronkaStore

extension ImportCatalog {
    /// Users, products, pipelines and stages, in one transaction: few rows, each matched by name before it is created.
    /// `eventRanges`: where each deal's stage events are in the plan (`ImportPlan.stageEventRanges()`).
    func prepare(_ plan: ImportPlan, eventRanges: [String: Range<Int>], options: ImportOptions, tx: StoreTransaction) async throws {
        try await prepareUsers(plan, options, tx)
        try await prepareProducts(plan, tx)
        try await preparePipelines(plan, eventRanges, options, tx)
        try await prepareChannels(plan, tx)
    }

    /// Every channel the leads name: an existing one by its name, Russian name or source key (after merges), else a new
    /// channel of that name, its group guessed from its words, listed in the result.
    private func prepareChannels(_ plan: ImportPlan, _ tx: StoreTransaction) async throws {
        channels = ChannelDirectory(try await tx.all(.channel).map(LeadChannel.init(record:)))
        for source in LeadSource.allCases { channelBySource[source] = channels.find(source.rawValue)?.id }
        for lead in plan.leads {
            guard let text = lead.channel, channelByText[text] == nil else { continue }
            if let found = channels.find(text) { channelByText[text] = found.id; continue }
            var channel = LeadChannel(name: String(text.prefix(200)), group: ChannelGroup.guess(text))
            guard let id = try await tx.insert(.channel, channel.record, at: tx.now).int("id") else { throw StoreError.unsupported("insert returned no id") }
            channel.id = id
            channels.add(channel)
            channelsMade.append(channel)
            channelByText[text] = id
        }
    }

    private func prepareUsers(_ plan: ImportPlan, _ options: ImportOptions, _ tx: StoreTransaction) async throws {
        for r in try await tx.records(.user, fields: ["id", "name", "email"]) {
            guard let id = r.int("id") else { continue }
            if let name = r.text("name") { userByName[Folding.fold(name)] = userByName[Folding.fold(name)] ?? id }
            if let email = r.text("email") { userByEmail[email.lowercased()] = id }
        }
        var created: Set<Int64> = []
        for user in plan.users {
            let folded = Folding.fold(user.name)
            if let email = user.email?.lowercased(), let id = userByEmail[email] { userByName[folded] = userByName[folded] ?? id; continue }
            if userByName[folded] != nil { continue }
            var email = user.email?.lowercased() ?? Self.placeholderEmail(user.name, system: options.system)
            var n = 1
            while userByEmail[email] != nil { n += 1; email = Self.placeholderEmail(user.name + " \(n)", system: options.system) }
            let record = User(name: user.name, email: email, role: .salesRep, active: false).record
            guard let id = try await tx.insert(.user, record, at: tx.now).int("id") else { throw StoreError.unsupported("insert returned no id") }
            userByName[folded] = id
            userByEmail[email] = id
            created.insert(id)
        }
        for user in plan.users {
            guard let id = userByName[Folding.fold(user.name)], created.contains(id), let manager = self.user(user.managerName), manager != id,
                  let record = try await tx.fetch(.user, id) else { continue }
            var next = record
            next["manager_id"] = .int(manager)
            try await tx.update(.user, from: record, to: next, action: .import)
        }
    }

    /// "anna.snelling@maven.import.invalid": a unique address that cannot receive mail (.invalid is reserved).
    static func placeholderEmail(_ name: String, system: String) -> String {
        let slug = Folding.fold(name).unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : "." }.joined()
            .split(separator: ".").joined(separator: ".")
        return "\(slug.isEmpty ? "user" : slug)@\(system).import.invalid"
    }

    private func prepareProducts(_ plan: ImportPlan, _ tx: StoreTransaction) async throws {
        for r in try await tx.records(.product, fields: ["id", "name"]) {
            if let id = r.int("id"), let name = r.text("name") { productByName[Folding.fold(name)] = id }
        }
        for product in plan.products where productByName[Folding.fold(product.name)] == nil {
            var record = Record()
            record["name"] = .text(product.name)
            record["category"] = product.category.map(FieldValue.text) ?? .null
            record["price"] = product.price.map(FieldValue.int) ?? .null
            record["currency"] = .text(product.currency)
            record["keywords"] = .json(.array([]))
            record["active"] = .bool(true)
            guard let id = try await tx.insert(.product, record, at: tx.now).int("id") else { throw StoreError.unsupported("insert returned no id") }
            productByName[Folding.fold(product.name)] = id
        }
    }
}
