import Foundation
import VoronkaCore

/// New leads with their age, response timer, triage and the actions that decide them.
public enum LeadInboxPage {
    /// Where the first response stands against the target time.
    public enum ResponseTimer: Sendable, Hashable {
        /// No response yet, and time left before the target.
        case running(remaining: TimeInterval)
        /// No response, and the target has passed.
        case overdue(by: TimeInterval)
        /// Answered after this long; `onTime` when within the target.
        case answered(after: TimeInterval, onTime: Bool)
    }

    /// What triage suggests for a lead, and the rules and terms that decided it.
    public struct Triage: Sendable, Hashable {
        public var suggested: LeadOutcome
        public var reasons: [TriageReason]
        public var summary: BilingualText

        public init(suggested: LeadOutcome, reasons: [TriageReason], summary: BilingualText) {
            self.suggested = suggested; self.reasons = reasons; self.summary = summary
        }

        /// The suggestion of a triage run.
        public init(_ result: TriageResult) {
            self.init(suggested: result.outcome, reasons: result.reasons, summary: result.summary)
        }
    }

    /// Where a row's forms post; each carries `csrf_token`, the decisions also `reason`.
    public struct Actions: Sendable, Hashable {
        public var triage: String
        public var convert: String
        public var nurture: String
        public var junk: String

        public init(triage: String, convert: String, nurture: String, junk: String) {
            self.triage = triage; self.convert = convert; self.nurture = nurture; self.junk = junk
        }
    }

    /// One lead in the inbox.
    public struct Row: Sendable, Hashable {
        public var id: Int64
        public var receivedAt: Date
        /// How long ago the lead came in (the controller's clock, not the view's).
        public var age: TimeInterval
        public var timer: ResponseTimer
        public var companyName: String?
        public var contactName: String?
        public var requestText: String?
        public var source: LeadSource
        /// The lead's channel in the user's language; the source's name is shown when it has none.
        public var channelName: String?
        /// Where the lead came from as web analytics tag it ("yandex / cpc / spring") and its landing page.
        public var campaign: String?
        public var landingPage: String?
        public var ownerName: String?
        /// A hot lead: the target audience asking for what we sell.
        public var fire: Bool
        /// Nil until triage has run.
        public var triage: Triage?
        /// The decision already taken, if any; the actions are then not offered.
        public var outcome: LeadOutcome?
        public var actions: Actions
        /// Decided leads: the form that withdraws the decision, the reason given and the deal made.
        public var undoURL: String?
        public var outcomeReason: String?
        public var dealURL: String?
        /// The title the conversion suggests for the deal; the rep confirms or changes it.
        public var dealTitle: String = ""

        public init(id: Int64, receivedAt: Date, age: TimeInterval, timer: ResponseTimer, companyName: String? = nil,
                    contactName: String? = nil, requestText: String? = nil, source: LeadSource, ownerName: String? = nil,
                    fire: Bool = false, triage: Triage? = nil, outcome: LeadOutcome? = nil, actions: Actions) {
            self.id = id; self.receivedAt = receivedAt; self.age = age; self.timer = timer; self.companyName = companyName
            self.contactName = contactName; self.requestText = requestText; self.source = source; self.ownerName = ownerName
            self.fire = fire; self.triage = triage; self.outcome = outcome; self.actions = actions
        }
    }

    /// A decision the server refused: it went against the suggestion without a reason.
    public struct Problem: Sendable, Hashable {
        public var leadID: Int64
        public var outcome: LeadOutcome
        public init(leadID: Int64, outcome: LeadOutcome) { self.leadID = leadID; self.outcome = outcome }
    }

    /// The inbox's paging, in its own words.
    public static let pagerTexts = Pager.Texts(label: .inboxPages, range: .inboxShowing, previous: .inboxNewer, next: .inboxOlder, size: .inboxPageSize)

    /// The inbox: new leads, in the order the controller gives them.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var rows: [Row]
        public var problem: Problem?
        /// Nil when the rows are all there is.
        public var paging: Pager?
        /// The form for a lead taken by phone or mail; nil hides the button.
        public var newLeadURL: String?
        /// The list shown: new leads, or those already decided (where a decision can be withdrawn).
        public var decided = false
        /// The two lists' addresses, for the tabs.
        public var inboxURL = SiteURL.leads.path
        public var decidedURL = SiteURL.leads.path + "?view=decided"

        public init(shell: Shell, rows: [Row], problem: Problem? = nil, paging: Pager? = nil) {
            self.shell = shell; self.rows = rows; self.problem = problem; self.paging = paging
        }
    }

    /// Whether deciding `outcome` goes against the triage suggestion, so that a reason is required.
    public static func overrides(_ outcome: LeadOutcome, _ triage: Triage?) -> Bool {
        triage.map { $0.suggested != outcome } ?? false
    }
}
