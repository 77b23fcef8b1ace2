/// The companies of an import, merged by key, and the lookups that give any row's company its key:
/// tax id first, then the source system's id, then the normalised name (taken to a tax-id company when exactly
/// one has that name). A company that only other rows name is added, marked implied.
struct CompanyIndex {
    private(set) var all: [ImportedCompany] = []
    private var byKey: [CompanyKey: Int] = [:]
    private var bySourceID: [String: CompanyKey] = [:]
    /// Normalised name → the keys of tax-id companies with that name.
    private var taxKeysByName: [String: Set<CompanyKey>] = [:]
    /// A name as written → its key, so that each distinct spelling is normalised once.
    private var nameKeys: [String: CompanyKey?] = [:]

    /// Companies from companies files: those with a tax id first, so that a row naming the same company by name
    /// only joins it. Rows with the same key merge (the first one's values win, later ones fill what is empty).
    init(_ companies: [ImportedCompany]) {
        for company in companies where company.taxID != nil { add(company) }
        for company in companies where company.taxID == nil { add(company) }
    }

    private mutating func add(_ company: ImportedCompany) {
        var company = company
        if company.taxID == nil, let key = uniqueTaxKey(company.name) { company.key = key }
        if let at = byKey[company.key] {
            all[at].merge(company)
        } else {
            byKey[company.key] = all.count
            all.append(company)
        }
        if let id = company.sourceID { bySourceID[id] = company.key }
        if company.taxID != nil { taxKeysByName[normalisedCompanyName(company.name), default: []].insert(company.key) }
    }

    /// The key of the company a row names, adding an implied company when no companies file has it.
    mutating func resolve(_ ref: CompanyRef, at location: SourceLocation) -> CompanyKey? {
        guard !ref.isEmpty else { return nil }
        var key = ref.taxID.flatMap(CompanyKey.taxID)
        if key == nil, let id = ref.sourceID { key = bySourceID[id] }
        if key == nil, let name = ref.name { key = nameKey(name) }
        if key == nil, let id = ref.sourceID { key = CompanyKey.sourceID(id) }
        guard let key else { return nil }
        if let at = byKey[key] { return all[at].key }
        byKey[key] = all.count
        all.append(ImportedCompany(
            key: key, sourceID: ref.sourceID, name: ref.name ?? ref.sourceID ?? ref.taxID ?? key.rawValue, taxID: ref.taxID,
            industry: nil, annualRevenue: nil, currency: "RUB", headcount: nil, ownerName: nil, email: nil, phone: nil,
            source: nil, createdAt: nil, custom: [:], implied: true, location: location))
        if let id = ref.sourceID { bySourceID[id] = key }
        return key
    }

    /// The key of a name: the tax-id company of that name when exactly one has it, else the name's own key.
    private mutating func nameKey(_ name: String) -> CompanyKey? {
        if let known = nameKeys[name] { return known }
        let key = uniqueTaxKey(name) ?? CompanyKey.name(name)
        nameKeys[name] = key
        return key
    }

    private func uniqueTaxKey(_ name: String) -> CompanyKey? {
        guard let keys = taxKeysByName[normalisedCompanyName(name)], keys.count == 1 else { return nil }
        return keys.first
    }
}

extension ImportedCompany {
    /// Fills what this company leaves empty from another row of the same company.
    mutating func merge(_ other: ImportedCompany) {
        sourceID = sourceID ?? other.sourceID
        taxID = taxID ?? other.taxID
        industry = industry ?? other.industry
        if annualRevenue == nil, let revenue = other.annualRevenue { annualRevenue = revenue; currency = other.currency }
        headcount = headcount ?? other.headcount
        ownerName = ownerName ?? other.ownerName
        email = email ?? other.email
        phone = phone ?? other.phone
        source = source ?? other.source
        createdAt = createdAt ?? other.createdAt
        custom.merge(other.custom) { mine, _ in mine }
        implied = implied && other.implied
    }
}
