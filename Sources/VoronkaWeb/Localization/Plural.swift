import VoronkaCore

/// Nouns that appear with a count, in their plural forms.
public enum PluralNoun: String, CaseIterable, Sendable {
    case deal, lead, newLead, contact, company, day, year, character

    /// English singular and plural.
    var english: (one: String, other: String) {
        switch self {
        case .deal: ("deal", "deals")
        case .lead: ("lead", "leads")
        case .newLead: ("new lead", "new leads")
        case .contact: ("contact", "contacts")
        case .company: ("company", "companies")
        case .day: ("day", "days")
        case .year: ("year", "years")
        case .character: ("character", "characters")
        }
    }

    /// Russian forms for 1, for 2–4 and for 5 (1 сделка, 2 сделки, 5 сделок).
    var russian: (one: String, few: String, many: String) {
        switch self {
        case .deal: ("сделка", "сделки", "сделок")
        case .lead: ("лид", "лида", "лидов")
        case .newLead: ("новый лид", "новых лида", "новых лидов")
        case .contact: ("контакт", "контакта", "контактов")
        case .company: ("компания", "компании", "компаний")
        case .day: ("день", "дня", "дней")
        case .year: ("год", "года", "лет")
        case .character: ("символ", "символа", "символов")
        }
    }
}

/// Plural rules of the interface languages (CLDR, whole numbers).
public enum Plural {
    /// The Russian category of a count: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 25 → many.
    public enum RussianForm: Sendable, Equatable { case one, few, many }

    /// The Russian plural category of a whole number.
    public static func russianForm(_ n: Int) -> RussianForm {
        let n = n.magnitude
        let last = n % 10, lastTwo = n % 100
        if last == 1, lastTwo != 11 { return .one }
        if (2...4).contains(last), !(12...14).contains(lastTwo) { return .few }
        return .many
    }

    /// The noun's form for a count, without the number.
    public static func word(_ noun: PluralNoun, _ count: Int, _ language: VoronkaCore.Language) -> String {
        switch language {
        case .en:
            return count == 1 ? noun.english.one : noun.english.other
        case .ru:
            switch russianForm(count) {
            case .one: return noun.russian.one
            case .few: return noun.russian.few
            case .many: return noun.russian.many
            }
        }
    }
}
