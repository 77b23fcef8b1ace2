import VoronkaCore

/// One pipeline as columns of stages holding deal cards; cards move by drag and drop or by a small form.
public enum PipelineBoardPage {
    /// A pipeline in the switcher.
    public struct PipelineLink: Sendable, Hashable {
        public var name: String
        public var url: String
        public var isCurrent: Bool
        public init(name: String, url: String, isCurrent: Bool) { self.name = name; self.url = url; self.isCurrent = isCurrent }
    }

    /// A deal on the board.
    public struct Card: Sendable, Hashable {
        public var dealID: Int64
        public var title: String
        public var companyName: String
        /// Minor units of `currency`.
        public var amount: Int64
        public var currency: String
        public var grade: DealGrade
        /// Seconds since the deal entered its stage (a deal of last evening shows hours, not zero days).
        public var timeInStage: Double
        /// Longer in the stage than the stage expects.
        public var stalled: Bool
        public var ownerName: String?
        /// The deal page.
        public var url: String
        /// POST with `stage_id` (and `csrf_token`) to move the deal.
        public var moveURL: String

        public init(dealID: Int64, title: String, companyName: String, amount: Int64, currency: String, grade: DealGrade,
                    timeInStage: Double, stalled: Bool, ownerName: String?, url: String, moveURL: String) {
            self.dealID = dealID; self.title = title; self.companyName = companyName; self.amount = amount; self.currency = currency
            self.grade = grade; self.timeInStage = timeInStage; self.stalled = stalled; self.ownerName = ownerName
            self.url = url; self.moveURL = moveURL
        }
    }

    /// A stage with its totals and cards.
    public struct Column: Sendable, Hashable {
        public var stageID: Int64
        public var name: String
        public var kind: StageKind
        /// The stage's win probability in percent.
        public var probability: Int
        /// Takes qualified deals only.
        public var gated: Bool
        /// What must hold to enter, in words.
        public var entryRule: String?
        /// All deals in the stage (the cards may be fewer).
        public var count: Int
        /// Minor units of the board's currency.
        public var sum: Int64
        public var weightedSum: Int64
        public var cards: [Card]
        /// Whether `sum` and `weightedSum` hold (a filtered board counts deals only).
        public var sumsKnown = true
        /// Deals left out of the sums: their currency has no rate to the board's.
        public var unconverted = 0
        /// A new deal in this stage; nil hides the link.
        public var newDealURL: String?
        /// The next cards of the column, when it has more than it shows.
        public var moreURL: String?

        public init(stageID: Int64, name: String, kind: StageKind = .open, probability: Int, gated: Bool = false, entryRule: String? = nil,
                    count: Int, sum: Int64, weightedSum: Int64, cards: [Card]) {
            self.stageID = stageID; self.name = name; self.kind = kind; self.probability = probability; self.gated = gated
            self.entryRule = entryRule; self.count = count; self.sum = sum; self.weightedSum = weightedSum; self.cards = cards
        }
    }

    /// A move the server refused, with why.
    public struct Refusal: Sendable, Hashable {
        /// Why a deal may not enter the stage.
        public enum Reason: Sendable, Hashable {
            case needNotDescribed, budgetNotAllocated, noDeadline, noDecisionMaker
            /// A reason of another rule, in both languages.
            case other(BilingualText)

            /// The reason for a field of `Qualification.gate`'s errors; nil for another field.
            public init?(gateField field: String) {
                switch field {
                case "need_described": self = .needNotDescribed
                case "budget_status": self = .budgetNotAllocated
                case "deadline": self = .noDeadline
                case "contact_ids": self = .noDecisionMaker
                default: return nil
                }
            }
        }

        public var dealTitle: String
        public var stageName: String
        public var reasons: [Reason]

        public init(dealTitle: String, stageName: String, reasons: [Reason]) {
            self.dealTitle = dealTitle; self.stageName = stageName; self.reasons = reasons
        }
    }

    /// The board's filters.
    public struct Filter: Sendable, Hashable {
        public var ownerChoices: [Choice] = []
        public var ownerID: String = ""
        public var grade: String = ""
        /// GET target (the board, or its focused stage).
        public var action: String = ""
        /// Kept by the form (the focused stage).
        public var keep: [String: String] = [:]
        public init() {}

        public struct Choice: Sendable, Hashable {
            public var id: String
            public var name: String
            public init(id: String, name: String) { self.id = id; self.name = name }
        }
    }

    /// A stage in the switcher.
    public struct StageLink: Sendable, Hashable {
        public var name: String
        public var count: Int
        public var url: String
        public var isCurrent: Bool
        public init(name: String, count: Int, url: String, isCurrent: Bool) { self.name = name; self.count = count; self.url = url; self.isCurrent = isCurrent }
    }

    /// The board of one pipeline.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var pipelines: [PipelineLink]
        public var pipelineName: String
        /// The currency of the columns' sums.
        public var currency: String
        public var columns: [Column]
        public var refusal: Refusal?
        /// The board's filters (GET `owner_id`, `grade`), the choices they offer, and what is chosen.
        public var filter = Filter()
        /// Every stage with its count, to switch to one stage's cards (on a phone, one column at a time).
        public var stageLinks: [StageLink] = []
        /// The one stage shown, a page at a time, when the board is focused on it (`stage`).
        public var focusedStageID: Int64?
        public var pager: Pager?

        public init(shell: Shell, pipelines: [PipelineLink], pipelineName: String, currency: String, columns: [Column], refusal: Refusal? = nil) {
            self.shell = shell; self.pipelines = pipelines; self.pipelineName = pipelineName; self.currency = currency
            self.columns = columns; self.refusal = refusal
        }
    }
}
