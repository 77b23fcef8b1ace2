import Foundation

/// A claimed reason to take a deal below the minimum profit.
public struct EconomicsException: Hashable, Sendable {
    /// Why a small deal is still worth it.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A small first order from a buyer that can order much more.
        case largeBuyerSmallOrder = "large_buyer_small_order"
        /// A trial delivery before a regular contract.
        case trialDelivery = "trial_delivery"
    }

    /// The kind of exception claimed.
    public let kind: Kind
    /// The rep's words, never empty.
    public let reason: String

    /// Claims an exception; a missing or blank reason is an error on "economics_exception_reason".
    public init(kind: Kind, reason: String?) throws(FieldError) {
        let text = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw FieldError("economics_exception_reason", .exceptionReasonRequired(kind: kind.rawValue))
        }
        self.kind = kind
        self.reason = text
    }
}

/// A deal's expected profit against the minimum worthwhile profit.
public enum EconomicsResult: Hashable, Sendable {
    /// At or above the minimum.
    case above
    case below
    /// Below the minimum, with an exception claimed.
    case belowExcused(EconomicsException.Kind, reason: String)
    /// The expected profit or the minimum is not known.
    case unknown

    /// For the self-check list: above and excused pass, below fails.
    public var verdict: Verdict {
        switch self {
        case .above, .belowExcused: .pass
        case .below: .fail
        case .unknown: .unknown
        }
    }
}

/// Whether deals are worth doing at the price.
public enum Economics {
    /// Compares the deal's expected_profit with the settings' minimum; a deal without an expected profit is unknown.
    /// The exception only matters below the minimum.
    public static func evaluate(deal: Deal, settings: EconomicsSettings, exception: EconomicsException? = nil) -> EconomicsResult {
        guard let profit = deal.expectedProfit, let minimum = settings.minimumProfit else { return .unknown }
        if profit >= minimum { return .above }
        if let exception { return .belowExcused(exception.kind, reason: exception.reason) }
        return .below
    }
}
