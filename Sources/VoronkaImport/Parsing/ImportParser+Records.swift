import Foundation
import VoronkaCore

extension ImportParser {
    func company(_ r: inout RowReader) -> ImportedCompany? {
        let name = r.required(.companyName)
        let revenue = r.money(.annualRevenue)
        let currency = r.currency(mark: revenue?.currency)
        let revenueMinor = r.minorUnits(revenue, .annualRevenue, currency: currency)
        let headcount = r.integer(.headcount)
        let createdAt = r.date(.createdAt)
        let ref = CompanyRef(sourceID: r.text(.sourceID), taxID: r.text(.taxID), name: name)
        if name != nil, ref.key == nil { r.problem(.companyName, ImportMessage("has no letters or digits to tell the company by")) }
        guard let name, let key = ref.key, r.problems.isEmpty else { return nil }
        return ImportedCompany(
            key: key, sourceID: ref.sourceID, name: name, taxID: ref.taxID, industry: r.text(.industry),
            annualRevenue: revenueMinor, currency: currency, headcount: headcount, ownerName: r.text(.ownerName),
            email: r.text(.email), phone: r.text(.phone), source: r.text(.source), createdAt: createdAt, custom: r.custom(),
            implied: false, location: r.location)
    }

    func contact(_ r: inout RowReader) -> ImportedContact? {
        let name = r.required(.contactName)
        let createdAt = r.date(.createdAt)
        guard let name, r.problems.isEmpty else { return nil }
        return ImportedContact(
            sourceID: r.text(.sourceID), name: name, company: r.company(), companyKey: nil, email: r.text(.email),
            phone: r.text(.phone), position: r.text(.position), ownerName: r.text(.ownerName), createdAt: createdAt,
            custom: r.custom(), location: r.location)
    }

    func user(_ r: inout RowReader) -> ImportedUser? {
        guard let name = r.required(.ownerName) else { return nil }
        return ImportedUser(name: name, email: r.text(.email), managerName: r.text(.managerName), team: r.text(.team),
                            implied: false, location: r.location)
    }

    func product(_ r: inout RowReader) -> ImportedProduct? {
        let name = r.required(.productName)
        let price = r.money(.price)
        let currency = r.currency(mark: price?.currency)
        let priceMinor = r.minorUnits(price, .price, currency: currency)
        guard let name, r.problems.isEmpty else { return nil }
        return ImportedProduct(name: name, category: r.text(.category), price: priceMinor, currency: currency,
                               location: r.location)
    }
}

/// A lead source from the words exports commonly use, when no value map names one.
enum LeadSourceGuess {
    /// Checked in order: the first group with a word inside the text wins.
    private static let words: [(LeadSource, [String])] = [
        (.email, ["e-mail", "email", "почт", "рассылк"]),
        (.phone, ["звон", "телефон", "phone", "call"]),
        (.webForm, ["сайт", "web", "site", "форм", "form", "чат", "chat", "organic", "search", "поиск"]),
        (.referral, ["рекоменд", "referral", "partner", "партн", "word of mouth"]),
        (.event, ["выставк", "конференц", "семинар", "мероприят", "event", "trade show", "seminar", "conference"]),
        (.outbound, ["холодн", "исходящ", "cold", "outbound", "purchased list"]),
        (.reactivation, ["существующ", "повторн", "existing", "reactivat"]),
    ]

    static func guess(_ text: String) -> LeadSource? {
        let folded = Folding.fold(text)
        return words.first { $0.1.contains { folded.contains($0) } }?.0
    }
}
