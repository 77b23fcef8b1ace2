/// The answer of one check: it holds, it does not, or the data to tell is missing.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    case pass, fail, unknown

    /// All checks together: any fail fails, else any unknown is unknown, else pass (also for no checks).
    public static func all(_ verdicts: [Verdict]) -> Verdict {
        if verdicts.contains(.fail) { return .fail }
        if verdicts.contains(.unknown) { return .unknown }
        return .pass
    }

    /// `.pass` for true, `.fail` for false, `.unknown` for nil.
    public init(_ flag: Bool?) {
        switch flag {
        case true?: self = .pass
        case false?: self = .fail
        case nil: self = .unknown
        }
    }
}

/// A sentence for a person, in English and in Russian.
public struct BilingualText: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The English text.
    public var en: String
    /// The Russian text.
    public var ru: String

    /// A text in both languages.
    public init(en: String, ru: String) { self.en = en; self.ru = ru }

    /// The English text, for logs and test failures.
    public var description: String { en }
}
