import Foundation

/// One rule's answer for one company, with the reason in words.
public struct AudienceRuleResult: Hashable, Sendable {
    /// The rule checked.
    public var rule: AudienceRule
    /// Pass, fail, or unknown when the value is missing or of another type.
    public var verdict: Verdict
    /// E.g. "steam output 5 t/h > 3 t/h" / "паропроизводительность 5 т/ч > 3 т/ч".
    public var explanation: BilingualText
}

extension AudienceRule {
    /// Checks the rule against a company: unknown when the field holds no value or one of another type.
    public func evaluate(_ company: Company) -> AudienceRuleResult { evaluate(AudienceFacts(company)) }

    func evaluate(_ facts: AudienceFacts) -> AudienceRuleResult {
        let observed = facts.observe(field)
        let name = labelText
        func done(_ verdict: Verdict, _ en: String, _ ru: String) -> AudienceRuleResult {
            AudienceRuleResult(rule: self, verdict: verdict, explanation: BilingualText(en: en, ru: ru))
        }
        func compare(_ v: Double, _ t: Double, _ unit: String?, _ holds: Bool, _ yes: String, _ no: String) -> AudienceRuleResult {
            let value = number(v, unit), threshold = number(t, unit), sign = holds ? yes : no
            return done(Verdict(holds), "\(name.en) \(value.en) \(sign) \(threshold.en)", "\(name.ru) \(value.ru) \(sign) \(threshold.ru)")
        }
        func flag(_ v: Bool, wanted: Bool) -> AudienceRuleResult {
            done(Verdict(v == wanted), "\(name.en): \(v ? "yes" : "no")", "\(name.ru): \(v ? "да" : "нет")")
        }

        switch (op, observed) {
        case (_, .missing):
            return done(.unknown, "\(name.en): no data", "\(name.ru): нет данных")
        case (.greater(let t), .number(let v, let u)): return compare(v, t, u, v > t, ">", "≤")
        case (.greaterOrEqual(let t), .number(let v, let u)): return compare(v, t, u, v >= t, "≥", "<")
        case (.less(let t), .number(let v, let u)): return compare(v, t, u, v < t, "<", "≥")
        case (.lessOrEqual(let t), .number(let v, let u)): return compare(v, t, u, v <= t, "≤", ">")
        case (.equals(.number(let t)), .number(let v, let u)): return compare(v, t, u, v == t, "=", "≠")
        case (.equals(.bool(let t)), .flag(let v)): return flag(v, wanted: t)
        case (.isTrue, .flag(let v)): return flag(v, wanted: true)
        case (.isFalse, .flag(let v)): return flag(v, wanted: false)
        case (.equals(.string(let t)), .text(let v)):
            let holds = Fold.text(v) == Fold.text(t), sign = holds ? "=" : "≠"
            return done(Verdict(holds), "\(name.en) \(Quote.en(v)) \(sign) \(Quote.en(t))", "\(name.ru) \(Quote.ru(v)) \(sign) \(Quote.ru(t))")
        case (.oneOf(let list), .text(let v)):
            let holds = list.contains { Fold.text($0) == Fold.text(v) }
            return done(Verdict(holds),
                        "\(name.en) \(Quote.en(v)) is \(holds ? "" : "not ")one of: \(Quote.en(list))",
                        "\(name.ru) \(Quote.ru(v)) \(holds ? "" : "не ")входит в список: \(Quote.ru(list))")
        case (.oneOf(let list), .list(let tags)):
            let holds = tags.contains { tag in list.contains { Fold.text($0) == Fold.text(tag) } }
            return done(Verdict(holds),
                        "\(name.en) \(Quote.en(tags)) include \(holds ? "one" : "none") of: \(Quote.en(list))",
                        "\(name.ru) \(Quote.ru(tags)): \(holds ? "есть" : "нет ни одной") из списка \(Quote.ru(list))")
        case (.contains(let t), .list(let tags)):
            let holds = tags.contains { Fold.text($0) == Fold.text(t) }
            return done(Verdict(holds),
                        "\(name.en) \(Quote.en(tags)) \(holds ? "include" : "do not include") \(Quote.en(t))",
                        "\(name.ru) \(Quote.ru(tags)): \(holds ? "есть" : "нет") \(Quote.ru(t))")
        case (.contains(let t), .text(let v)):
            let holds = Fold.text(v).contains(Fold.text(t))
            return done(Verdict(holds),
                        "\(name.en) \(Quote.en(v)) \(holds ? "contains" : "does not contain") \(Quote.en(t))",
                        "\(name.ru) \(Quote.ru(v)) \(holds ? "содержит" : "не содержит") \(Quote.ru(t))")
        default:
            let condition = "\(op.name) \(op.operand?.jsonText ?? "")".trimmingCharacters(in: .whitespaces)
            let shown = describe(observed)
            return done(.unknown, "\(name.en): the value \(shown.en) cannot be checked with \(condition)",
                        "\(name.ru): значение \(shown.ru) нельзя проверить условием \(condition)")
        }
    }

    /// A number with the rule's unit (else the value's own, such as a currency), e.g. "5 t/h" / "5 т/ч".
    private func number(_ value: Double, _ observedUnit: String?) -> BilingualText {
        let en = unit ?? observedUnit, ru = unitRu ?? unit ?? observedUnit
        func with(_ text: String, _ unit: String?) -> String { unit.map { $0.isEmpty ? text : "\(text) \($0)" } ?? text }
        return BilingualText(en: with(NumberText.en(value), en), ru: with(NumberText.ru(value), ru))
    }

    private func describe(_ observed: Observed) -> BilingualText {
        switch observed {
        case .missing: BilingualText(en: "none", ru: "нет")
        case .number(let v, let u): number(v, u)
        case .text(let s): BilingualText(en: Quote.en(s), ru: Quote.ru(s))
        case .flag(let b): BilingualText(en: b ? "yes" : "no", ru: b ? "да" : "нет")
        case .list(let list): BilingualText(en: Quote.en(list), ru: Quote.ru(list))
        }
    }
}

/// Text compared the way people mean it: case-insensitive, ё = е, outer spaces ignored.
enum Fold {
    static func text(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "ё", with: "е")
    }
}

/// Values quoted inside explanations: "food" in English, «food» in Russian.
enum Quote {
    static func en(_ s: String) -> String { "\"\(s)\"" }
    static func ru(_ s: String) -> String { "«\(s)»" }
    static func en(_ list: [String]) -> String { list.isEmpty ? "(none)" : list.map(en).joined(separator: ", ") }
    static func ru(_ list: [String]) -> String { list.isEmpty ? "(нет)" : list.map(ru).joined(separator: ", ") }
}
