import VoronkaCore

/// The interface texts in English and Russian, looked up by key.
public enum Strings {
    /// The table of one language.
    public static func table(_ language: VoronkaCore.Language) -> [StringKey: String] {
        switch language {
        case .en: allEnglish
        case .ru: allRussian
        }
    }

    /// The text of a key; a key missing from the table (a test forbids it) shows the English text, then the key.
    public static func text(_ key: StringKey, _ language: VoronkaCore.Language) -> String {
        table(language)[key] ?? allEnglish[key] ?? key.rawValue
    }

    /// Each language's texts from every page group, joined once.
    static let allEnglish = english.merging(englishDashboards) { a, _ in a }.merging(englishSettings) { a, _ in a }
        .merging(englishErrors) { a, _ in a }.merging(englishNotices) { a, _ in a }
        .merging(englishPaging) { a, _ in a }
    static let allRussian = russian.merging(russianDashboards) { a, _ in a }.merging(russianSettings) { a, _ in a }
        .merging(russianErrors) { a, _ in a }.merging(russianNotices) { a, _ in a }
        .merging(russianPaging) { a, _ in a }

    /// Fills `{name}` placeholders; unknown ones stay as written, so a mistake shows rather than vanishes.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return out + rest[open...] }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The names of the placeholders in a text, e.g. `["id"]` for "Lead #{id}".
    public static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// A language's name in that language, for the switch.
    public static func autonym(_ language: VoronkaCore.Language) -> String {
        switch language {
        case .en: "English"
        case .ru: "Русский"
        }
    }
}
