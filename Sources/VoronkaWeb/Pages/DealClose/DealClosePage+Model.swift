import VoronkaCore

/// Closing a deal as lost or postponing it: the page a move to a lost or postponed stage leads to when it lacks the
/// reason or the date, from the board (drag and drop or the move form) and from the deal page alike. Its form posts
/// the same move again, with the answer.
public enum DealClosePage {
    /// Form fields the page writes and the move reads.
    public enum Field {
        /// One of the offered reasons (`other` for none of them).
        public static let reasonChoice = "lost_reason_choice"
        /// Details, or the whole reason with `other`.
        public static let reasonNote = "lost_reason_note"
        /// 1, 3 or 6: months from today.
        public static let postponeMonths = "postpone_months"
        public static let postponedUntil = "postponed_until"
        /// Marks a submission of this page: a refusal comes back to it instead of leading here again.
        public static let closing = "closing"
        public static let other = "other"
    }

    /// The months a postponement offers at one click.
    public static let quickMonths = [1, 3, 6]

    /// A postponement at one click: months from today and the day that is.
    public struct QuickPick: Sendable, Hashable {
        public var months: Int
        public var day: Day
        public init(months: Int, day: Day) { self.months = months; self.day = day }
    }

    /// What the stage needs.
    public enum Need: Sendable, Hashable {
        /// A lost stage: a reason, from `reasons` or typed.
        case reason(reasons: [String])
        /// A postponed stage: the day to re-check the deal.
        case date(quickPicks: [QuickPick])
    }

    /// The refused field and why.
    public struct Problem: Sendable, Hashable {
        public var field: String
        public var message: BilingualText
        public init(field: String, message: BilingualText) { self.field = field; self.message = message }
    }

    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var dealTitle: String
        public var dealURL: String
        public var stageID: Int64
        public var stageName: String
        public var need: Need
        /// POST: the move, with `stage_id`, `return_to`, `closing` and the answer.
        public var action: String
        /// Where the page goes back to (Cancel) and the move returns to.
        public var returnTo: String
        /// What the refused submission held, to keep it.
        public var typed: [String: String]
        public var problem: Problem?

        public init(shell: Shell, dealTitle: String, dealURL: String, stageID: Int64, stageName: String, need: Need, action: String,
                    returnTo: String, typed: [String: String] = [:], problem: Problem? = nil) {
            self.shell = shell; self.dealTitle = dealTitle; self.dealURL = dealURL; self.stageID = stageID; self.stageName = stageName
            self.need = need; self.action = action; self.returnTo = returnTo; self.typed = typed; self.problem = problem
        }
    }
}
