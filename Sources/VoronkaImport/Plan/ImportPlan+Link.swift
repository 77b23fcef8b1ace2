import Foundation

extension ImportPlan {
    /// Links the parsed files: companies first, so that every other row can name one by key.
    mutating func link(_ parsed: consuming [ParsedFile]) {
        var parsed = parsed
        // The rows of every file, in file order, taken out of the files: one file's array is then not shared, and
        // changing it in place copies nothing.
        func take<Row>(_ path: WritableKeyPath<RowSet, [Row]>) -> [Row] {
            var out: [Row] = []
            for i in parsed.indices where !parsed[i].rows[keyPath: path].isEmpty {
                if out.isEmpty { swap(&out, &parsed[i].rows[keyPath: path]) } else { out += parsed[i].rows[keyPath: path]; parsed[i].rows[keyPath: path] = [] }
            }
            return out
        }
        var companies = CompanyIndex(take(\.companies))

        rows.contacts = take(\.contacts)
        for i in rows.contacts.indices { rows.contacts[i].companyKey = companies.resolve(rows.contacts[i].company, at: rows.contacts[i].location) }
        rows.leads = unique(take(\.leads), kind: "lead", id: \.sourceID, location: \.location)
        for i in rows.leads.indices { rows.leads[i].companyKey = companies.resolve(rows.leads[i].company, at: rows.leads[i].location) }
        let hasLeadsFile = parsed.contains { $0.report.kind == .leads }
        let leadsByID = Dictionary(rows.leads.map { ($0.sourceID, $0) }, uniquingKeysWith: { _, last in last })
        rows.deals = unique(take(\.deals), kind: "deal", id: \.sourceID, location: \.location)
        for i in rows.deals.indices {
            if let leadID = rows.deals[i].leadSourceID {
                if let lead = leadsByID[leadID] { rows.deals[i].fill(from: lead) }
                else if hasLeadsFile {
                    problems.append(RowProblem(rows.deals[i].location, message: ImportMessage("names lead {0}, which no leads file of this import has", .text("\(leadID)")), severity: .warning))
                }
            }
            rows.deals[i].companyKey = companies.resolve(rows.deals[i].company, at: rows.deals[i].location)
        }
        rows.companies = companies.all
        rows.stageEvents = history(take(\.stageEvents), hasDealsFile: parsed.contains { $0.report.kind == .deals })
        rows.users = people(parsed.flatMap(\.users))
        rows.products = unique(parsed.flatMap(\.products), kind: "product", id: \.name, location: \.location)
    }

    /// One row per id: the last one read, in the place of the first; each repeat is a warning.
    private mutating func unique<Row>(_ rows: [Row], kind: String, id: KeyPath<Row, String>, location: KeyPath<Row, SourceLocation>) -> [Row] {
        var last: [String: Int] = [:]
        last.reserveCapacity(rows.count)
        var repeated = false
        for (i, row) in rows.enumerated() {
            if let earlier = last.updateValue(i, forKey: row[keyPath: id]) {
                repeated = true
                problems.append(RowProblem(row[keyPath: location], message: ImportMessage("repeats {0} {1} of {2}; this later row is kept", .kind("\(kind)"), .text("\(row[keyPath: id])"), .text("\(rows[earlier][keyPath: location])")), severity: .warning))
            }
        }
        guard repeated else { return rows }
        var placed = Set<String>()
        return rows.compactMap { row -> Row? in
            guard placed.insert(row[keyPath: id]).inserted, let kept = last[row[keyPath: id]] else { return nil }
            return rows[kept]
        }
    }

    /// Events grouped by deal (in the order deals first appear) and sorted by time within each, without repeats of
    /// the stage the deal is already in (Salesforce writes a history row for every change of amount or close date).
    private mutating func history(_ events: [ImportedStageEvent], hasDealsFile: Bool) -> [ImportedStageEvent] {
        // Sorting indexes by (group, time, line) compares numbers only; a group is a deal, numbered as it first appears.
        var groupOf: [String: Int] = [:]
        var groups: [Int] = []
        groups.reserveCapacity(events.count)
        for (i, event) in events.enumerated() {
            // A deal's rows mostly follow one another: the row before tells the group without a lookup.
            if i > 0, events[i - 1].dealSourceID == event.dealSourceID { groups.append(groups[i - 1]); continue }
            if let g = groupOf[event.dealSourceID] { groups.append(g); continue }
            groupOf[event.dealSourceID] = groupOf.count
            groups.append(groupOf.count - 1)
        }
        func before(_ a: Int, _ b: Int) -> Bool {
            (groups[a], events[a].enteredAt, events[a].location.line, a) < (groups[b], events[b].enteredAt, events[b].location.line, b)
        }
        // Exports list a deal's history together and in time order, mostly: then the rows are in order already.
        let inOrder = events.indices.dropFirst().allSatisfy { before($0 - 1, $0) }
        let order = inOrder ? Array(events.indices) : events.indices.sorted(by: before)
        let dealIDs = hasDealsFile ? Set(rows.deals.map(\.sourceID)) : []
        var out: [ImportedStageEvent] = []
        out.reserveCapacity(events.count)
        var previous: Int?
        for i in order {
            let event = events[i]
            if let p = previous, groups[p] == groups[i] {
                previous = i
                if events[p].stageName == event.stageName { continue }
            } else {
                previous = i
                if hasDealsFile, !dealIDs.contains(event.dealSourceID) {
                    problems.append(RowProblem(event.location, message: ImportMessage("names deal {0}, which no deals file of this import has; the deal's history rows are left out (import them with their deal)", .text("\(event.dealSourceID)")), severity: .warning))
                }
            }
            out.append(event)
        }
        return out
    }

    /// Users from users files (merged by name), then every manager and owner named elsewhere, as implied users.
    private func people(_ listed: [ImportedUser]) -> [ImportedUser] {
        var byName: [String: Int] = [:]
        var out: [ImportedUser] = []
        func add(_ user: ImportedUser) {
            let key = Folding.fold(user.name)
            if let at = byName[key] {
                out[at].email = out[at].email ?? user.email
                out[at].managerName = out[at].managerName ?? user.managerName
                out[at].team = out[at].team ?? user.team
            } else {
                byName[key] = out.count
                out.append(user)
            }
        }
        listed.forEach(add)
        var seen = Set<String>()
        func addNamed(_ name: String?, _ location: SourceLocation) {
            guard let name, seen.insert(name).inserted, byName[Folding.fold(name)] == nil else { return }
            add(ImportedUser(name: name, email: nil, managerName: nil, team: nil, implied: true, location: location))
        }
        for user in listed { addNamed(user.managerName, user.location) }
        for deal in rows.deals { addNamed(deal.ownerName, deal.location) }
        for lead in rows.leads { addNamed(lead.ownerName, lead.location) }
        for company in rows.companies { addNamed(company.ownerName, company.location) }
        for contact in rows.contacts { addNamed(contact.ownerName, contact.location) }
        for event in rows.stageEvents { addNamed(event.ownerName, event.location) }
        return out
    }
}

extension ImportedDeal {
    /// Takes what the deal's row leaves empty from the lead it came from.
    mutating func fill(from lead: ImportedLead) {
        if company.isEmpty { company = lead.company }
        contactName = contactName ?? lead.contactName
        contactEmail = contactEmail ?? lead.email
        contactPhone = contactPhone ?? lead.phone
        ownerName = ownerName ?? lead.ownerName
        if source == nil, channel == nil { source = lead.source; channel = lead.channel }
        createdAt = createdAt ?? lead.receivedAt
        productName = productName ?? lead.productName
    }
}
