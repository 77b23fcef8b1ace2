import VoronkaCore

/// Everything a view needs to speak the user's language: texts, plural forms and formats.
public struct Localizer: Sendable {
    public let language: VoronkaCore.Language
    public let format: Format

    public init(_ language: VoronkaCore.Language, utcOffsetMinutes: Int = 0) {
        self.language = language
        format = Format(language, utcOffsetMinutes: utcOffsetMinutes)
    }

    /// The text of a key.
    public subscript(_ key: StringKey) -> String { Strings.text(key, language) }

    /// The text of a key with its `{placeholders}` filled.
    public func callAsFunction(_ key: StringKey, _ values: [String: String]) -> String {
        Strings.fill(self[key], values)
    }

    /// The side of a bilingual text in this language.
    public func pick(_ text: BilingualText) -> String { language == .ru ? text.ru : text.en }

    /// A count with its noun: `1 deal`, `5 deals` / `1 сделка`, `2 сделки`, `5 сделок`.
    public func count(_ n: Int, _ noun: PluralNoun) -> String {
        format.number(n) + Format.nbsp + Plural.word(noun, n, language)
    }
}
