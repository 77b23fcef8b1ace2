import Foundation

/// A company field an audience rule looks at.
public enum AudienceField: Hashable, Sendable {
    case industry, segment, source
    /// Annual revenue; rules state it in major units (roubles), companies store minor units (kopecks).
    /// It is compared in the company's own currency: there is no exchange rate in the core.
    case annualRevenue
    case headcount
    case tags
    /// A custom attribute, written `custom.<key>`.
    case custom(String)

    /// Parses "industry", "segment", "annual_revenue", "headcount", "source", "tags" or "custom.<key>".
    public init?(_ name: String) {
        switch name {
        case "industry": self = .industry
        case "segment": self = .segment
        case "source": self = .source
        case "annual_revenue": self = .annualRevenue
        case "headcount": self = .headcount
        case "tags": self = .tags
        default:
            guard name.hasPrefix("custom.") else { return nil }
            let key = String(name.dropFirst("custom.".count))
            let definition = AttributeDefinition(entity: "company", key: key, type: .text, label: key)
            guard definition.validate().isEmpty else { return nil }
            self = .custom(key)
        }
    }

    /// The name as rules and settings write it.
    public var name: String {
        switch self {
        case .industry: "industry"
        case .segment: "segment"
        case .source: "source"
        case .annualRevenue: "annual_revenue"
        case .headcount: "headcount"
        case .tags: "tags"
        case .custom(let key): "custom.\(key)"
        }
    }

    /// What the field holds; it decides which operators apply.
    enum Kind { case text, number, list, any }

    var kind: Kind {
        switch self {
        case .industry, .segment, .source: .text
        case .annualRevenue, .headcount: .number
        case .tags: .list
        case .custom: .any
        }
    }

    /// The words for the field when a rule gives no label.
    var defaultLabel: BilingualText {
        switch self {
        case .industry: BilingualText(en: "industry", ru: "отрасль")
        case .segment: BilingualText(en: "segment", ru: "сегмент")
        case .source: BilingualText(en: "source", ru: "источник")
        case .annualRevenue: BilingualText(en: "annual revenue", ru: "годовая выручка")
        case .headcount: BilingualText(en: "headcount", ru: "численность")
        case .tags: BilingualText(en: "tags", ru: "метки")
        case .custom(let key): BilingualText(en: key, ru: key)
        }
    }
}

/// A field's value as a rule sees it.
enum Observed: Equatable {
    case missing
    /// A number; `unit` is the currency code for revenue.
    case number(Double, unit: String?)
    case text(String)
    case flag(Bool)
    case list([String])
}

/// The facts rules are checked against: a stored company, company data a lead supplied, or both.
/// The first source that holds a value for a field answers for it.
struct AudienceFacts {
    struct Source {
        var company: Company
        /// Whether the source states tags at all (a lead's data may not; a stored company always does).
        var hasTags: Bool
    }

    var sources: [Source]

    init(_ company: Company) { sources = [Source(company: company, hasTags: true)] }
    init(sources: [Source]) { self.sources = sources }

    func observe(_ field: AudienceField) -> Observed {
        for source in sources {
            let value = Self.observe(field, in: source)
            if value != .missing { return value }
        }
        return .missing
    }

    private static func observe(_ field: AudienceField, in source: Source) -> Observed {
        let c = source.company
        func text(_ s: String?) -> Observed {
            guard let s, !s.trimmingCharacters(in: .whitespaces).isEmpty else { return .missing }
            return .text(s)
        }
        switch field {
        case .industry: return text(c.industry)
        case .segment: return text(c.segment)
        case .source: return text(c.source)
        case .annualRevenue:
            return c.annualRevenue.map { .number(Money.decimal(minorUnits: $0, currency: c.currency), unit: c.currency) } ?? .missing
        case .headcount: return c.headcount.map { .number(Double($0), unit: nil) } ?? .missing
        case .tags: return source.hasTags ? .list(c.tags) : .missing
        case .custom(let key):
            switch c.custom[key] {
            case .number(let n)?: return .number(n, unit: nil)
            case .string(let s)?: return text(s)
            case .bool(let b)?: return .flag(b)
            default: return .missing
            }
        }
    }
}
