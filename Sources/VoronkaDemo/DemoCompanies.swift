import Foundation
import VoronkaCore

/// The demo's client companies, kept as small arrays (ids, owners, creation times, purchase months, contact ranges);
/// names and contacts are recomputed from the seed whenever a lead or deal needs them.
struct DemoCompanies: Sendable {
    let seed: UInt64
    let count: Int
    let firstID: Int64
    let firstContactID: Int64
    /// Companies below this index were imported before the leads' window; the rest were added over it.
    let importCount: Int
    private(set) var owner: [Int64] = []
    private(set) var created: [Double] = []
    /// The month (1...12) a yearly buyer buys in, 0 for the others.
    private(set) var yearlyMonth: [UInt8] = []
    private(set) var contactStart: [Int32] = []
    private(set) var contactCount: [UInt8] = []
    private(set) var contactTotal = 0

    static let skeletonSalt: UInt64 = 0xC0
    static let detailSalt: UInt64 = 0xC1
    static let contactSalt: UInt64 = 0xC2
    static let positionSalt: UInt64 = 0xC4

    init(seed: UInt64, count: Int, firstID: Int64, firstContactID: Int64, reps: [Int64], windowStart: Double, now: Double) {
        self.seed = seed; self.count = count; self.firstID = firstID; self.firstContactID = firstContactID
        importCount = max(1, count * 6 / 10)
        owner.reserveCapacity(count); created.reserveCapacity(count); yearlyMonth.reserveCapacity(count)
        contactStart.reserveCapacity(count); contactCount.reserveCapacity(count)
        let contactWeights = cumulativeWeights([30, 35, 25, 10])
        let importFrom = windowStart - 40 * DemoTime.day
        let laterSpan = max(DemoTime.day, now - 5 * DemoTime.day - windowStart)
        for i in 0..<count {
            var rng = SplitMix64(seed: seed, salt: DemoCompanies.skeletonSalt, index: i)
            owner.append(reps.isEmpty ? 0 : reps[rng.below(reps.count)])
            let t = i < importCount
                ? importFrom + Double(i) / Double(importCount) * 30 * DemoTime.day
                : windowStart + (Double(i - importCount) + 0.5) / Double(count - importCount) * laterSpan
            created.append(DemoTime.whole(t))
            yearlyMonth.append(i < importCount && rng.chance(1.0 / 6) ? UInt8(2 + rng.below(11)) : 0)
            let contacts = 1 + rng.weighted(contactWeights)
            contactStart.append(Int32(contactTotal))
            contactCount.append(UInt8(contacts))
            contactTotal += contacts
        }
    }

    func id(_ i: Int) -> Int64 { firstID + Int64(i) }
    func contactID(_ i: Int, _ k: Int) -> Int64 { firstContactID + Int64(contactStart[i]) + Int64(k) }

    /// How many companies existed at time `t` (they are created in index order).
    func existing(at t: Double) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if created[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: Names

    private static let suffixes = DemoVocabulary.industries.flatMap { industry in industry.suffixes }
    private static let suffixesPerIndustry = DemoVocabulary.industries[0].suffixes.count
    private static let combinations = DemoVocabulary.roots.count * suffixes.count * DemoVocabulary.tails.count

    /// The company's name, short name (for deal titles), web domain and industry.
    func naming(_ i: Int) -> (name: String, short: String, domain: String, industry: Int) {
        // An affine map that visits every combination once before any repeats.
        let n = DemoCompanies.combinations
        let j = (i % n * 7919 + Int(seed % UInt64(n))) % n
        let tail = DemoVocabulary.tails[j % DemoVocabulary.tails.count]
        let suffixIndex = j / DemoVocabulary.tails.count % DemoCompanies.suffixes.count
        let suffix = DemoCompanies.suffixes[suffixIndex]
        let root = DemoVocabulary.roots[j / DemoVocabulary.tails.count / DemoCompanies.suffixes.count]
        var rng = SplitMix64(seed: seed, salt: 0xC3, index: i)
        // Past the combinations, names repeat with a number, as in "Урал-Энерго-2".
        let number = i < n ? "" : "-" + String(i / n + 1)
        let short = root.ru + "-" + suffix.ru + tail.ru + number
        let name: String
        if rng.chance(0.1) {
            name = root.title + suffix.title + number + " " + rng.pick(DemoVocabulary.latinLegalForms)
        } else {
            name = rng.pick(DemoVocabulary.legalForms) + " «" + short + "»"
        }
        return (name, short, root.latin + "-" + suffix.latin + tail.latin + number + ".ru", suffixIndex / DemoCompanies.suffixesPerIndustry)
    }

    // MARK: Records

    /// The company as created.
    func record(_ i: Int) -> Record {
        let naming = naming(i)
        var rng = SplitMix64(seed: seed, salt: DemoCompanies.detailSalt, index: i)
        let rub = exp(log(5e7) + rng.unit() * (log(5e10) - log(5e7)))
        let revenue = Int64((rub / 1000).rounded()) * 1000
        let segment = revenue >= 10_000_000_000 ? "enterprise" : revenue >= 1_000_000_000 ? "mid-market" : "small"
        let headcount = Int64(max(12, rub / rng.uniform(2_000_000, 8_000_000)).rounded())
        var custom: [String: JSONValue] = [:]
        if rng.chance(0.8) {
            let hasSteam = rng.chance(naming.industry == 6 ? 0.5 : 0.85)
            custom["has_boiler_house"] = .bool(hasSteam && rng.chance(0.8))
            if hasSteam {
                custom["steam_tph"] = .number((min(300, max(0.5, rng.logNormal(median: 12, sigma: 1))) * 2).rounded() / 2)
            }
        }
        var tags: [String] = []
        if yearlyMonth[i] != 0 { tags.append("yearly_buyer") }
        for _ in 0..<rng.below(3) {
            let tag = rng.pick(DemoVocabulary.companyTags)
            if !tags.contains(tag) { tags.append(tag) }
        }
        if segment == "enterprise", !tags.contains("key_account"), rng.chance(0.5) { tags.append("key_account") }
        let source = i < importCount && rng.chance(0.6) ? "import" : rng.pick(DemoVocabulary.companySources)
        let serial = (i % 10_000_000 * 7_654_321 + 1_234_567) % 10_000_000
        let company = Company(
            id: id(i), name: naming.name, taxID: DemoVocabulary.inn(region: rng.pick(DemoVocabulary.regionCodes), serial: serial),
            industry: DemoVocabulary.industries[naming.industry].name, segment: segment, annualRevenue: revenue * 100,
            headcount: headcount, custom: custom, ownerID: owner[i], source: source, tags: tags,
            notes: rng.chance(0.15) ? rng.pick(DemoVocabulary.companyNotes) : nil)
        return company.record
    }

    /// A contact of company `i`: its name, position (an index into `DemoVocabulary.positions`), email and phone.
    func contact(_ i: Int, _ k: Int, domain: String) -> (name: String, position: Int, email: String?, phone: String?) {
        var rng = SplitMix64(seed: seed, salt: DemoCompanies.contactSalt, index: Int(contactStart[i]) + k)
        let person = DemoVocabulary.person(&rng)
        let position = position(i, k)
        var email: String?
        if rng.chance(0.9) {
            switch rng.below(3) {
            case 0: email = person.first + "." + person.last + "@" + domain
            case 1: email = String(person.first.prefix(1)) + "." + person.last + "@" + domain
            default: email = person.last + "@" + domain
            }
        }
        let phone = rng.chance(0.85) ? DemoVocabulary.phone(&rng) : nil
        return (person.name, position, email, phone)
    }

    /// The position of contact `k` of company `i` (an index into `DemoVocabulary.positions`); the first contact
    /// of every company decides (a chief engineer, technical or general director).
    func position(_ i: Int, _ k: Int) -> Int {
        var rng = SplitMix64(seed: seed, salt: DemoCompanies.positionSalt, index: Int(contactStart[i]) + k)
        return k == 0 ? DemoCompanies.decidingPositions[rng.below(DemoCompanies.decidingPositions.count)]
            : rng.below(DemoVocabulary.positions.count)
    }

    static let decidingPositions = DemoVocabulary.positions.indices.filter { DemoVocabulary.positions[$0].roles.contains(.decisionMaker) }

    /// Contact `k` of company `i` as far as grading needs it: id, company and buying roles.
    func gradingContact(_ i: Int, _ k: Int) -> Contact {
        Contact(id: contactID(i, k), companyID: id(i), name: "", roles: DemoVocabulary.positions[position(i, k)].roles)
    }

    func contactRecord(_ i: Int, _ k: Int, domain: String) -> Record {
        let c = contact(i, k, domain: domain)
        let position = DemoVocabulary.positions[c.position]
        return Contact(id: contactID(i, k), companyID: id(i), name: c.name, position: position.title, email: c.email,
                       phone: c.phone, roles: position.roles).record
    }
}
