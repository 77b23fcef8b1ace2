/// The data of the growth (rescued leads, referrals) and data-quality (CRM completeness, qualification health) sections.
extension DashboardPage {
    /// Leads rescued from junk or nurture, and leads earned by referral.
    public struct Growth: Sendable, Hashable {
        /// Rescues of one owner in one quarter.
        public struct Rescue: Sendable, Hashable {
            public var ownerName: String?
            /// "2025-Q1".
            public var quarter: String
            public var reactivated: Int
            public var rescued: Int
            public var won: Int
            public var wonAmount: Double
            public init(ownerName: String?, quarter: String, reactivated: Int, rescued: Int, won: Int, wonAmount: Double) {
                self.ownerName = ownerName; self.quarter = quarter; self.reactivated = reactivated; self.rescued = rescued
                self.won = won; self.wonAmount = wonAmount
            }
        }

        /// Referral leads of one owner (or the total, without an owner).
        public struct Referral: Sendable, Hashable {
            public var ownerName: String?
            public var leads: Int
            public var qualified: Int
            public var won: Int
            public var conversion: Double?
            public var wonAmount: Double
            public init(ownerName: String? = nil, leads: Int = 0, qualified: Int = 0, won: Int = 0, conversion: Double? = nil, wonAmount: Double = 0) {
                self.ownerName = ownerName; self.leads = leads; self.qualified = qualified; self.won = won
                self.conversion = conversion; self.wonAmount = wonAmount
            }
        }

        public var rescues: [Rescue]
        public var rescued: Int
        public var rescuedWon: Int
        public var rescuedWonAmount: Double
        public var referrals: [Referral]
        public var referralTotal: Referral

        public init(rescues: [Rescue] = [], rescued: Int = 0, rescuedWon: Int = 0, rescuedWonAmount: Double = 0, referrals: [Referral] = [],
                    referralTotal: Referral = .init()) {
            self.rescues = rescues; self.rescued = rescued; self.rescuedWon = rescuedWon; self.rescuedWonAmount = rescuedWonAmount
            self.referrals = referrals; self.referralTotal = referralTotal
        }
    }

    /// How complete the CRM records are.
    public struct Completeness: Sendable, Hashable {
        public struct Owner: Sendable, Hashable {
            /// Nil for the total or for deals without an owner.
            public var ownerName: String?
            public var deals: Int
            public var meanShare: Double?
            public var complete: Int
            public var untouched: Int
            public init(ownerName: String? = nil, deals: Int = 0, meanShare: Double? = nil, complete: Int = 0, untouched: Int = 0) {
                self.ownerName = ownerName; self.deals = deals; self.meanShare = meanShare; self.complete = complete; self.untouched = untouched
            }
        }

        /// How often a required field is filled; `field` is its key (`amount`, `expected_close`, `contact`...).
        public struct Field: Sendable, Hashable {
            public var field: String
            public var share: Double?
            public init(field: String, share: Double?) { self.field = field; self.share = share }
        }

        public struct Deal: Sendable, Hashable {
            public var deal: DealRef
            public var share: Double
            /// Keys of the missing required fields.
            public var missing: [String]
            public var daysSinceUpdate: Int
            public init(deal: DealRef, share: Double, missing: [String], daysSinceUpdate: Int) {
                self.deal = deal; self.share = share; self.missing = missing; self.daysSinceUpdate = daysSinceUpdate
            }
        }

        public var untouchedDays: Int
        public var overall: Owner
        public var owners: [Owner]
        public var fields: [Field]
        /// Least complete first.
        public var worst: [Deal]

        public init(untouchedDays: Int = 14, overall: Owner = .init(), owners: [Owner] = [], fields: [Field] = [], worst: [Deal] = []) {
            self.untouchedDays = untouchedDays; self.overall = overall; self.owners = owners; self.fields = fields; self.worst = worst
        }
    }

    /// Qualification health, from the server's violation report.
    public struct QualificationHealth: Sendable, Hashable {
        /// Deals past the first meeting whose self-check does not hold yet.
        public var unqualifiedPastFirstMeeting: [DealRef]
        /// Open deals without a next step under control (no planned activity).
        public var uncontrolled: [DealRef]
        /// Deals whose expected profit is under the minimum economics, without an exception.
        public var underMinimumEconomics: [DealRef]
        /// The full counts; the lists above may be cut short.
        public var unqualifiedCount: Int
        public var uncontrolledCount: Int
        public var underMinimumCount: Int

        /// Counts left nil are the lists' lengths.
        public init(unqualifiedPastFirstMeeting: [DealRef] = [], uncontrolled: [DealRef] = [], underMinimumEconomics: [DealRef] = [],
                    unqualifiedCount: Int? = nil, uncontrolledCount: Int? = nil, underMinimumCount: Int? = nil) {
            self.unqualifiedPastFirstMeeting = unqualifiedPastFirstMeeting; self.uncontrolled = uncontrolled
            self.underMinimumEconomics = underMinimumEconomics
            self.unqualifiedCount = unqualifiedCount ?? unqualifiedPastFirstMeeting.count
            self.uncontrolledCount = uncontrolledCount ?? uncontrolled.count
            self.underMinimumCount = underMinimumCount ?? underMinimumEconomics.count
        }
    }
}

extension DashboardPage {
    /// Times that contradict each other: the counts, and the records furthest off.
    public struct DataQuality: Sendable, Hashable {
        public struct Row: Sendable, Hashable {
            /// "won_before_received", "closed_before_created" or "answered_before_received".
            public var kind: String
            public var record: String
            public var url: String?
            public var daysEarly: Double
            public init(kind: String, record: String, url: String?, daysEarly: Double) {
                self.kind = kind; self.record = record; self.url = url; self.daysEarly = daysEarly
            }
        }
        public var wonBeforeReceived = 0
        public var closedBeforeCreated = 0
        public var answeredBeforeReceived = 0
        public var rows: [Row] = []
        public init() {}
    }
}

