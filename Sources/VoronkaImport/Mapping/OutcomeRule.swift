import Foundation

/// Whether an imported deal (or lead) is still open, won or lost. For a lead, won means converted or qualified
/// and lost means junk.
public enum ImportedOutcome: String, Sendable, Hashable, CaseIterable {
    case open, won, lost
}

/// One rule for telling won and lost rows: the first rule that matches decides; with none matching, the stage
/// decides when it is a won or lost stage of Voronka's default pipelines ("Won", "Проиграна"), else the row is open.
public struct OutcomeRule: Hashable, Sendable {
    /// What the rule looks at: a mapped field (the value as written and after the value map) or any column by name.
    public enum Subject: Hashable, Sendable {
        case field(TargetField)
        case column(String)
    }

    public enum Test: Hashable, Sendable {
        /// Equal to one of these, ignoring case and surrounding spaces.
        case equals([String])
        /// A yes value (yes, true, 1, да).
        case isTrue
        /// An amount other than zero (Maven: close_value is non-zero exactly when the deal is won).
        case nonZero
        case nonEmpty
    }

    /// What a matching row becomes.
    public enum Then: String, Hashable, Sendable {
        case open, won, lost
        /// The row is left out of the import, with a note (Pipedrive's deleted deals).
        case skip
    }

    public var subject: Subject
    public var test: Test
    public var then: Then

    public init(_ subject: Subject, _ test: Test, then: Then) {
        self.subject = subject; self.test = test; self.then = then
    }

    /// Shorthand for the common rule "this field equals one of these".
    public static func field(_ field: TargetField, equals values: [String], then: Then) -> OutcomeRule {
        OutcomeRule(.field(field), .equals(values), then: then)
    }

    /// Shorthand for "this column is a yes".
    public static func column(_ column: String, isTrue then: Then) -> OutcomeRule {
        OutcomeRule(.column(column), .isTrue, then: then)
    }

    /// Whether the rule matches a value as written (and, for a field, as mapped); `folded` is `foldedValues`.
    func matches(raw: String?, mapped: String?, folded: Set<String>) -> Bool {
        switch test {
        case .equals:
            return [raw, mapped].contains { value in
                guard let value, !value.isEmpty else { return false }
                return folded.contains(Folding.fold(value))
            }
        case .isTrue:
            return (try? ValueParsers.bool(raw ?? "")) == true
        case .nonZero:
            guard let raw, let amount = try? ValueParsers.money(raw) else { return false }
            return amount.units != 0
        case .nonEmpty:
            return !(raw ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        }
    }

    /// The values of an `equals` test, folded once.
    var foldedValues: Set<String> {
        guard case .equals(let values) = test else { return [] }
        return Set(values.map(Folding.fold))
    }
}
