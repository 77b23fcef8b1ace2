import Foundation
import VoronkaCore
import VoronkaImport

/// Turns imported rows into the records Voronka keeps, with ids resolved through the catalog. No I/O.
struct ImportRecords {
    let catalog: ImportCatalog
    let now: Date

    /// The key of the company a row names, as the plan resolved it.
    static let noCompany = "placeholder:none"

    func companies(_ rows: [ImportedCompany], needsPlaceholder: Bool) -> [PendingRecord] {
        var items = rows.map { c in
            var r = Record()
            r["name"] = .text(c.name)
            r["tax_id"] = c.taxID.map(FieldValue.text) ?? .null
            r["industry"] = c.industry.map(FieldValue.text) ?? .null
            r["annual_revenue"] = c.annualRevenue.map(FieldValue.int) ?? .null
            r["currency"] = .text(c.currency)
            r["headcount"] = c.headcount.map(FieldValue.int) ?? .null
            r["owner_id"] = catalog.user(c.ownerName).map(FieldValue.int) ?? .null
            r["source"] = c.source.map(FieldValue.text) ?? .null
            r["custom"] = .json(.object(c.custom.mapValues(JSONValue.string)))
            r["tags"] = .json(.array([]))
            return PendingRecord(sourceID: c.key.rawValue, initial: r, createdAt: c.createdAt, now: now, kind: .company)
        }
        guard needsPlaceholder else { return items }
        var none = Record()
        none["name"] = .text("(no company)")
        none["currency"] = .text("RUB")
        none["custom"] = .json(.object([:]))
        none["tags"] = .json(.array([]))
        items.append(PendingRecord(sourceID: Self.noCompany, initial: none, createdAt: nil, now: now, kind: .company))
        return items
    }

    private func company(_ key: CompanyKey?) -> Int64 {
        key.flatMap { catalog.companyIDs[$0.rawValue] } ?? catalog.companyIDs[Self.noCompany] ?? 0
    }

    /// "company key|folded name": how rows without a contact id name a person.
    static func contactKey(_ company: CompanyKey?, _ name: String) -> String {
        "\(company?.rawValue ?? noCompany)|\(ImportNames.fold(name))"
    }

    /// Contacts of contacts files, then the people deals and leads name (by company and name) that no file lists.
    func contacts(_ plan: ImportPlan) -> [PendingRecord] {
        var items: [PendingRecord] = []
        var index: [String: Int] = [:]
        func add(sourceID: String, alias: String?, name: String, company: CompanyKey?, email: String?, phone: String?, position: String?, createdAt: Date?) {
            if index[sourceID] != nil || alias.flatMap({ index[$0] }) != nil { return }
            var r = Record()
            r["company_id"] = .int(self.company(company))
            r["name"] = .text(name)
            r["position"] = position.map(FieldValue.text) ?? .null
            r["email"] = email.map(FieldValue.text) ?? .null
            r["phone"] = phone.map(FieldValue.text) ?? .null
            r["roles"] = .json(.array([]))
            var item = PendingRecord(sourceID: sourceID, initial: r, createdAt: createdAt, now: now, kind: .contact)
            if let alias, alias != sourceID { item.aliases = [alias] }
            index[sourceID] = items.count
            if let alias { index[alias] = items.count }
            items.append(item)
        }
        for c in plan.contacts {
            let key = Self.contactKey(c.companyKey, c.name)
            add(sourceID: c.sourceID.map { "id:" + $0 } ?? key, alias: key, name: c.name, company: c.companyKey, email: c.email, phone: c.phone,
                position: c.position, createdAt: c.createdAt)
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

    func leads(_ rows: [ImportedLead]) -> (items: [PendingRecord], problems: [String]) {
        var items: [PendingRecord] = []
        var problems: [String] = []
        let pipeline = catalog.leadPipeline
        let firstStage = catalog.firstStage(pipeline, .open)
        for l in rows {
            var stage = firstStage
            if let name = l.stageName {
                switch catalog.stage(pipeline, name) {
                case .some(.some(let id)): stage = id
                case .some(.none): problems.append("\(l.location): lead \(l.sourceID) is in stage \"\(name)\", which this import rejects; left out"); continue
                case .none: break
                }
            }
            guard let stage else { problems.append("\(l.location): no lead pipeline to put lead \(l.sourceID) in; left out"); continue }
            var r = Record()
            r["received_at"] = .time(l.receivedAt)
            r["source"] = .text((l.source ?? .import).rawValue)
            r["request_text"] = l.requestText.map(FieldValue.text) ?? .null
            r["requested_product_ids"] = .json(.array(l.productName.flatMap { catalog.productByName[ImportNames.fold($0)] }.map { [.number(Double($0))] } ?? []))
            r["contact_name"] = l.contactName.map(FieldValue.text) ?? .null
            r["contact_email"] = l.email.map(FieldValue.text) ?? .null
            r["contact_phone"] = l.phone.map(FieldValue.text) ?? .null
            r["company_name"] = l.company.name.map(FieldValue.text) ?? .null
            r["company_id"] = l.companyKey.flatMap { catalog.companyIDs[$0.rawValue] }.map(FieldValue.int) ?? .null
            r["contact_id"] = l.contactName.flatMap { catalog.contactIDs[Self.contactKey(l.companyKey, $0)] }.map(FieldValue.int) ?? .null
            r["owner_id"] = catalog.user(l.ownerName).map(FieldValue.int) ?? .null
            r["pipeline_id"] = .int(pipeline)
            r["stage_id"] = .int(stage)
            switch l.outcome {
            case .won: r["outcome"] = .text(LeadOutcome.deal.rawValue)
            case .lost: r["outcome"] = .text(LeadOutcome.junk.rawValue)
            case .open: break
            }
            r["outcome_reason"] = l.lostReason.map(FieldValue.text) ?? .null
            r["fire"] = .bool(false)
            items.append(PendingRecord(sourceID: l.sourceID, initial: r, createdAt: l.receivedAt, now: now, kind: .lead))
        }
        return (items, problems)
    }

    /// Deals with their stage history: created in the first stage they were seen in, then moved at every event, and
    /// closed in a won or lost stage when their outcome says so.
    func deals(_ plan: ImportPlan) -> (items: [PendingRecord], problems: [String]) {
        var events: [String: [ImportedStageEvent]] = [:]
        for e in plan.stageEvents { events[e.dealSourceID, default: []].append(e) }
        var leadOfDeal: [String: String] = [:]
        for l in plan.leads { if let d = l.dealSourceID { leadOfDeal[d] = l.sourceID } }
        var items: [PendingRecord] = []
        var problems: [String] = []
        items.reserveCapacity(plan.deals.count)
        deals: for d in plan.deals {
            let pipeline = catalog.pipeline(named: d.pipelineName)
            func resolve(_ name: String, _ at: SourceLocation) -> Int64?? {
                switch catalog.stage(pipeline, name) {
                case .some(.some(let id)): return .some(id)
                case .some(.none): problems.append("\(at): deal \(d.sourceID) names stage \"\(name)\", which this import rejects; left out"); return .none
                case .none: problems.append("\(at): deal \(d.sourceID) names stage \"\(name)\", unknown in pipeline \(catalog.pipelineName(pipeline)); left out"); return .none
                }
            }
            guard case .some(.some(var final)) = resolve(d.stageName, d.location) else { continue }
            var path: [(stage: Int64, at: Date)] = []
            for e in events[d.sourceID] ?? [] {
                guard case .some(.some(let id)) = resolve(e.stageName, e.location) else { continue deals }
                if path.last?.stage != id { path.append((id, e.enteredAt)) }
            }
            // The outcome decides the closing stage when the stage named is not one (a lost deal in "Negotiation").
            let wanted: StageKind? = d.outcome == .won ? .won : d.outcome == .lost ? .lost : nil
            if let wanted, catalog.stageKind(final) != wanted {
                guard let closing = catalog.firstStage(pipeline, wanted) else {
                    problems.append("\(d.location): deal \(d.sourceID) is \(wanted.rawValue), and pipeline \(catalog.pipelineName(pipeline)) has no \(wanted.rawValue) stage; left out")
                    continue
                }
                if path.last?.stage != final { path.append((final, path.last?.at ?? d.createdAt ?? d.closedAt ?? now)) }
                final = closing
            }
            let closedAt = catalog.stageKind(final).isClosed ? (d.closedAt ?? path.last(where: { $0.stage == final })?.at ?? d.createdAt ?? now) : nil
            if path.last?.stage != final { path.append((final, closedAt ?? path.last?.at ?? d.createdAt ?? now)) }
            let dated = d.createdAt != nil || !(events[d.sourceID] ?? []).isEmpty || d.closedAt != nil
            let createdAt = min(d.createdAt ?? path[0].at, path[0].at)
            var r = Record()
            r["title"] = .text(d.title)
            r["company_id"] = .int(company(d.companyKey))
            let contact = d.contactName.flatMap { catalog.contactIDs[Self.contactKey(d.companyKey, $0)] }
            r["contact_ids"] = .json(.array(contact.map { [.number(Double($0))] } ?? []))
            r["owner_id"] = catalog.user(d.ownerName).map(FieldValue.int) ?? .null
            r["pipeline_id"] = .int(pipeline)
            r["stage_id"] = .int(path[0].stage)
            // An undated row gets no entry time: it would be the import's "now", different on every rerun.
            r["stage_entered_at"] = dated ? .time(createdAt) : .null
            r["amount"] = .int(d.amount)
            r["currency"] = .text(d.currency)
            r["expected_close"] = d.expectedClose.map(FieldValue.day) ?? .null
            r["lost_reason"] = d.lostReason.map(FieldValue.text) ?? .null
            let leadID = (d.leadSourceID ?? leadOfDeal[d.sourceID]).flatMap { catalog.leadIDs[$0] }
            r["lead_id"] = leadID.map(FieldValue.int) ?? .null
            r["referral"] = .bool(d.source == .referral)
            r["tender"] = .bool(false)
            r["tags"] = .json(.array([]))
            r["custom"] = .json(.object(d.custom.mapValues(JSONValue.string)))
            var steps: [PendingRecord.Step] = []
            for (stage, at) in path.dropFirst() {
                var values: [(String, FieldValue)] = [("stage_id", .int(stage)), ("stage_entered_at", .time(at))]
                if catalog.stageKind(stage).isClosed { values.append(("closed_at", .time(stage == final ? closedAt ?? at : at))) }
                steps.append(PendingRecord.Step(at: max(at, createdAt), values: values))
            }
            if steps.isEmpty, let closedAt { r["closed_at"] = .time(closedAt); r["stage_entered_at"] = .time(closedAt) }
            items.append(PendingRecord(sourceID: d.sourceID, initial: r, steps: steps, createdAt: dated ? createdAt : nil, now: now, kind: .deal))
        }
        return (items, problems)
    }
}
