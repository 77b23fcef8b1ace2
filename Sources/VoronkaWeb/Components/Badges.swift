import Foundation
import Plot
import VoronkaCore

extension Node where Context: HTML.BodyContext {
    /// The AAA/BBB/CCC grade as a badge; its meaning is in text, not only in colour.
    static func gradeBadge(_ grade: DealGrade, _ t: Localizer) -> Node {
        .span(.class("grade grade-" + (grade == .ungraded ? "none" : grade.rawValue.lowercased())),
              .attr("title", t[.grade] + ": " + t.name(grade)),
              .span(.class("visually-hidden"), .plain(t[.grade] + ": ")),
              .plain(grade == .ungraded ? "—" : grade.rawValue))
    }

    /// A verdict as an icon with its word for screen readers and a tooltip.
    static func verdictIcon(_ verdict: Verdict, _ t: Localizer) -> Node {
        let icon = switch verdict {
        case .pass: "✓"
        case .fail: "✗"
        case .unknown: "?"
        }
        return .span(.class("verdict verdict-" + verdict.rawValue), .attr("title", t.name(verdict)),
                     .span(.attr("aria-hidden", "true"), .plain(icon)),
                     .span(.class("visually-hidden"), .plain(t.name(verdict))))
    }

    /// A `<time>` with the machine-readable instant and the text shown.
    static func instant(_ date: Date, _ text: String) -> Node {
        .time(.attr("datetime", Timestamp.format(date)), .plain(text))
    }

    /// A `<time>` for a calendar day.
    static func day(_ day: Day, _ f: Format) -> Node {
        .time(.attr("datetime", Format.iso(day)), .plain(f.date(day)))
    }

    /// A table of label and value rows (`<th scope="row">`).
    static func factTable(_ caption: String?, _ rows: [(label: String, value: Markup)]) -> Node {
        .div(.class("table-scroll"),
             .table(.class("facts"),
                    .unwrap(caption) { .caption(.class("visually-hidden"), .plain($0)) },
                    .tbody(.each(rows) { row in .tr(.th(.attr("scope", "row"), .plain(row.label)), .td(row.value)) })))
    }
}

/// Values shown to people: custom attributes and stored field values.
public enum Display {
    /// The label and value of each defined attribute that has a value, in the definitions' order.
    static func attributes(_ definitions: [AttributeDefinition], _ values: [String: JSONValue], _ t: Localizer) -> [(label: String, value: String)] {
        definitions.compactMap { def in
            guard let value = values[def.key], value != .null else { return nil }
            let label = t.language == .ru ? (def.labelRu ?? def.label) : def.label
            let unit = def.unit.map { Format.nbsp + $0 } ?? ""
            let text: String = switch (def.type, value) {
            case (.number, .number(let n)): t.format.trimmed(n, maxDigits: 2) + unit
            case (.flag, .bool(let b)): t.yesNo(b)
            case (.date, .string(let s)): Day(s).map(t.format.date) ?? s
            case (_, .string(let s)): s + unit
            case (_, .number(let n)): t.format.trimmed(n, maxDigits: 2) + unit
            case (_, .bool(let b)): t.yesNo(b)
            default: Format.dash
            }
            return (label, text)
        }
    }

    /// A stored value of a field of the given type, for the timeline; nil shows as "Not set".
    static func value(_ value: FieldValue, type: FieldType, currency: String, _ t: Localizer) -> String {
        switch value {
        case .null: t[.notSet]
        case .int(let n): type == .money ? t.format.money(n, currency: currency) : type == .id ? "#" + String(n) : t.format.number(n)
        case .double(let d): t.format.trimmed(d, maxDigits: 2)
        case .text(let s): s
        case .bool(let b): t.yesNo(b)
        case .time(let d): t.format.dateTime(d)
        case .day(let d): t.format.date(d)
        case .json(let j): json(j)
        }
    }

    static func json(_ j: JSONValue) -> String {
        switch j {
        case .null: Format.dash
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): s
        case .array(let a): a.map(json).joined(separator: ", ")
        case .object(let o): o.sorted(by: { $0.key < $1.key }).map { $0.key + ": " + json($0.value) }.joined(separator: ", ")
        }
    }

    /// A decimal for a money input, in major units with a dot and the currency's decimals: `1234567.50`, `12500`
    /// (JPY), `12.345` (KWD).
    public static func moneyInput(_ minorUnits: Int64?, currency: String? = nil) -> String {
        guard let minorUnits else { return "" }
        let m = minorUnits.magnitude
        let scale = UInt64(Currency.scale(currency)), digits = Currency.digits(currency)
        let sign = minorUnits < 0 ? "-" : ""
        guard scale > 1 else { return sign + String(m) }
        let fraction = String(m % scale)
        return sign + String(m / scale) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
