import VoronkaCore

/// One company: its fields and attributes, contacts, deals, purchases by month and a hint when it buys every year.
public enum CompanyPage {
    /// One of the company's deals.
    public struct DealRow: Sendable, Hashable {
        public var id: Int64
        public var title: String
        public var url: String
        public var stageName: String
        public var stageKind: StageKind
        /// Minor units of `currency`.
        public var amount: Int64
        public var currency: String
        public var grade: DealGrade
        public var ownerName: String?

        public init(id: Int64, title: String, url: String, stageName: String, stageKind: StageKind, amount: Int64, currency: String,
                    grade: DealGrade, ownerName: String?) {
            self.id = id; self.title = title; self.url = url; self.stageName = stageName; self.stageKind = stageKind
            self.amount = amount; self.currency = currency; self.grade = grade; self.ownerName = ownerName
        }
    }

    /// Won amounts closed in one month.
    public struct MonthAmount: Sendable, Hashable {
        public var year: Int
        public var month: Int
        /// Minor units of the model's `purchaseCurrency`.
        public var amount: Int64
        public init(year: Int, month: Int, amount: Int64) { self.year = year; self.month = month; self.amount = amount }
    }

    /// The company buys in (about) the same month every year.
    public struct YearlyBuyer: Sendable, Hashable {
        /// The usual month, 1–12.
        public var month: Int
        /// The years it bought in, oldest first.
        public var years: [Int]
        public var nextExpected: Day?
        public init(month: Int, years: [Int], nextExpected: Day?) { self.month = month; self.years = years; self.nextExpected = nextExpected }
    }

    /// Everything the company page shows.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var company: Company
        public var ownerName: String?
        /// Definitions of the company's custom attributes, in display order.
        public var attributes: [AttributeDefinition]
        public var contacts: [Contact]
        /// Links to contact pages, where there are any.
        public var deals: [DealRow]
        /// Consecutive months, oldest first, including months without purchases.
        public var purchases: [MonthAmount]
        public var purchaseCurrency: String
        public var yearlyBuyer: YearlyBuyer?
        /// The forms that edit the company, add a contact and open a deal at it; nil hides them.
        public var editURL: String?
        public var newContactURL: String?
        public var newDealURL: String?
        /// Open nudges about this company (a yearly buyer to call).
        public var nudges: [RecordNudge] = []

        public init(shell: Shell, company: Company, ownerName: String?, attributes: [AttributeDefinition] = [], contacts: [Contact],
                    deals: [DealRow], purchases: [MonthAmount], purchaseCurrency: String,
                    yearlyBuyer: YearlyBuyer? = nil) {
            self.shell = shell; self.company = company; self.ownerName = ownerName; self.attributes = attributes
            self.contacts = contacts; self.deals = deals; self.purchases = purchases
            self.purchaseCurrency = purchaseCurrency; self.yearlyBuyer = yearlyBuyer
        }
    }
}
