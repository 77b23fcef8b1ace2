import Foundation
import VoronkaCore


/// Turns imported rows into the records Voronka keeps, with ids resolved through the catalog. No I/O.
public struct ImportRecords {
    public let catalog: ImportCatalog
    public let now: Date
    public let names: NameLookups

    public init(catalog: ImportCatalog, now: Date) {
        self.catalog = catalog; self.now = now; names = NameLookups(catalog)
    }

    /// The key of the company a row names, as the plan resolved it.
    public static let noCompany = "placeholder:none"

    public func companies(_ rows: [ImportedCompany], needsPlaceholder: Bool) -> [PendingRecord] {
        var items = rows.map { c in
            var r = RecordValues(.company)
            r["name"] = .text(c.name)
            r["tax_id"] = c.taxID.map(FieldValue.text) ?? .null
            r["industry"] = c.industry.map(FieldValue.text) ?? .null
            r["annual_revenue"] = c.annualRevenue.map(FieldValue.int) ?? .null
            r["currency"] = .text(c.currency)
            r["headcount"] = c.headcount.map(FieldValue.int) ?? .null
            r["owner_id"] = names.user(c.ownerName).map(FieldValue.int) ?? .null
            r["source"] = c.source.map(FieldValue.text) ?? .null
            r["custom"] = .json(.object(c.custom.mapValues(JSONValue.string)))
            r["tags"] = .json(.array([]))
            var item = PendingRecord(sourceID: c.key.rawValue, initial: r, createdAt: c.createdAt, now: now)
            // A company keyed by its tax id or name is also known by the source's id, so that a later run naming it
            // by that id alone (a contacts file) finds it.
            if !c.implied, let id = c.sourceID, let alias = CompanyKey.sourceID(id)?.rawValue, alias != item.sourceID { item.aliases = [alias] }
            return item
        }
        guard needsPlaceholder else { return items }
        var none = RecordValues(.company)
        none["name"] = .text("(no company)")
        none["currency"] = .text("RUB")
        none["custom"] = .json(.object([:]))
        none["tags"] = .json(.array([]))
        items.append(PendingRecord(sourceID: Self.noCompany, initial: none, createdAt: nil, now: now))
        return items
    }

    public func company(_ key: CompanyKey?) -> Int64 {
        key.flatMap { catalog.companyIDs[$0.rawValue] } ?? catalog.companyIDs[Self.noCompany] ?? 0
    }

    /// "company key|folded name": how rows without a contact id name a person.
    public static func contactKey(_ company: CompanyKey?, _ name: String) -> String {
        "\(company?.rawValue ?? noCompany)|\(Folding.fold(name))"
    }

    /// Contacts of contacts files, then the people deals and leads name (by company and name) that no file lists.
    public func contacts(_ plan: ImportPlan) -> [PendingRecord] {
        var items: [PendingRecord] = []
        var index: [String: Int] = [:]
        func add(sourceID: String, alias: String?, name: String, company: CompanyKey?, email: String?, phone: String?, position: String?, createdAt: Date?,
                 custom: [String: String] = [:]) {
            if index[sourceID] != nil || alias.flatMap({ index[$0] }) != nil { return }
            var r = RecordValues(.contact)
            r["company_id"] = .int(self.company(company))
            r["name"] = .text(name)
            r["position"] = position.map(FieldValue.text) ?? .null
            r["email"] = email.map(FieldValue.text) ?? .null
            r["phone"] = phone.map(FieldValue.text) ?? .null
            r["roles"] = .json(.array([]))
            r["custom"] = .json(.object(custom.mapValues(JSONValue.string)))
            var item = PendingRecord(sourceID: sourceID, initial: r, createdAt: createdAt, now: now)
            if let alias, alias != sourceID { item.aliases = [alias] }
            index[sourceID] = items.count
            if let alias { index[alias] = items.count }
            items.append(item)
        }
        for c in plan.contacts {
            let key = Self.contactKey(c.companyKey, c.name)
            add(sourceID: c.sourceID.map { "id:" + $0 } ?? key, alias: key, name: c.name, company: c.companyKey, email: c.email, phone: c.phone,
                position: c.position, createdAt: c.createdAt, custom: c.custom)
        }
        for l in plan.leads {
            guard let name = l.contactName else { continue }
            add(sourceID: Self.contactKey(l.companyKey, name), alias: nil, name: name, company: l.companyKey, email: l.email, phone: l.phone,
                position: nil, createdAt: l.receivedAt)
        }
        for d in plan.deals {
            guard let name = d.contactName else { continue }
            add(sourceID: Self.contactKey(d.companyKey, name), alias: nil, name: name, company: d.companyKey, email: d.contactEmail,
                phone: d.contactPhone, position: nil, createdAt: d.createdAt)
        }
        return items
    }

    /// A lead in the lead pipeline (its first open stage unless the row names another). Nil, with a problem, when the
    /// stage is rejected or there is no lead pipeline.
    public func lead(_ l: ImportedLead, problems: inout [ImportMessage]) -> PendingRecord? {
        let pipeline = catalog.leadPipeline
        var stage = catalog.firstStage(pipeline, .open)
        if let name = l.stageName {
            switch names.stage(pipeline, name) {
            case .some(.some(let id)): stage = id
            case .some(.none): problems.append(ImportMessage("{0}: lead {1} is in stage “{2}”, which this import rejects; left out", .text("\(l.location)"), .text(l.sourceID), .text(name))); return nil
            case .none: break
            }
        }
        guard let stage else { problems.append(ImportMessage("{0}: no lead pipeline to put lead {1} in; left out", .text("\(l.location)"), .text(l.sourceID))); return nil }
        var r = RecordValues(.lead)
        r["received_at"] = .time(l.receivedAt)
        r["source"] = .text((l.source ?? .import).rawValue)
        r["channel_id"] = catalog.channel(l.channel, source: l.source).map(FieldValue.int) ?? .null
        r["request_text"] = l.requestText.map(FieldValue.text) ?? .null
        r["requested_product_ids"] = .json(.array(l.productName.flatMap { catalog.productByName[Folding.fold($0)] }.map { [.number(Double($0))] } ?? []))
        r["contact_name"] = l.contactName.map(FieldValue.text) ?? .null
        r["contact_email"] = l.email.map(FieldValue.text) ?? .null
        r["contact_phone"] = l.phone.map(FieldValue.text) ?? .null
        r["company_name"] = l.company.name.map(FieldValue.text) ?? .null
        r["company_id"] = l.companyKey.flatMap { catalog.companyIDs[$0.rawValue] }.map(FieldValue.int) ?? .null
        r["contact_id"] = l.contactName.flatMap { catalog.contactIDs[Self.contactKey(l.companyKey, $0)] }.map(FieldValue.int) ?? .null
        r["owner_id"] = names.user(l.ownerName).map(FieldValue.int) ?? .null
        r["pipeline_id"] = .int(pipeline)
        r["stage_id"] = .int(stage)
        switch l.outcome {
        case .won: r["outcome"] = .text(LeadOutcome.deal.rawValue)
        case .lost: r["outcome"] = .text(LeadOutcome.junk.rawValue)
        case .open: break
        }
        r["outcome_reason"] = l.lostReason.map(FieldValue.text) ?? .null
        r["fire"] = .bool(false)
        r["custom"] = .json(.object(l.custom.mapValues(JSONValue.string)))
        for (field, value) in l.attribution { r[field] = .text(value) }
        return PendingRecord(sourceID: l.sourceID, initial: r, createdAt: l.receivedAt, now: now)
    }
}

/// Stages and owners by the names rows write, remembered: millions of rows name a handful of each, and folding a name
/// and building its key cost more than the rest of a row.
public final class NameLookups: @unchecked Sendable {
    // Used by one conversion at a time (a `RecordFeed` converts one batch at a time), after the catalog is prepared.
    private let catalog: ImportCatalog
    private var stages: [Int64: [String: Int64??]] = [:]
    private var users: [String: Int64?] = [:]

    public init(_ catalog: ImportCatalog) { self.catalog = catalog }

    /// `ImportCatalog.stage(_:_:)`.
    public func stage(_ pipeline: Int64, _ name: String) -> Int64?? {
        if let known = stages[pipeline]?[name] { return known }
        let found = catalog.stage(pipeline, name)
        stages[pipeline, default: [:]][name] = .some(found)
        return found
    }

    /// `ImportCatalog.user(_:)`.
    public func user(_ name: String?) -> Int64? {
        guard let name else { return nil }
        if let known = users[name] { return known }
        let found = catalog.user(name)
        users[name] = .some(found)
        return found
    }
}
