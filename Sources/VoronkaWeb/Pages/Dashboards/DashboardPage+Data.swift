import VoronkaAnalytics

/// The data of each dashboard section. Amounts are in the model's currency, major units (roubles, not kopecks);
/// shares run from 0 to 1; nil means "not known" and shows as "—".
extension DashboardPage {
    /// Lead-to-win conversion by entry cohort, year over year, the Kaplan–Meier curve and stage-to-stage conversion.
    public struct Funnel: Sendable, Hashable {
        public enum Grain: String, Sendable, Hashable { case month, quarter, year }

        /// One entry cohort; immature ones (younger than the maturity window) are left out of the totals.
        public struct Cohort: Sendable, Hashable {
            /// "2025-03", "2025-Q1" or "2025".
            public var label: String
            public var year: Int
            /// Month 1–12, quarter 1–4, or 1 for a year cohort.
            public var index: Int
            public var leads: Int
            public var won: Int
            /// won / leads; for an immature cohort the provisional share so far.
            public var conversion: Double?
            public var mature: Bool
            /// Differs from its baseline beyond chance.
            public var flagged: Bool
            public var baselineConversion: Double?
            public var pValue: Double?

            public init(label: String, year: Int, index: Int, leads: Int, won: Int, conversion: Double?, mature: Bool,
                        flagged: Bool = false, baselineConversion: Double? = nil, pValue: Double? = nil) {
                self.label = label; self.year = year; self.index = index; self.leads = leads; self.won = won
                self.conversion = conversion; self.mature = mature; self.flagged = flagged
                self.baselineConversion = baselineConversion; self.pValue = pValue
            }
        }

        /// A cohort against the same cohort a year before.
        public struct YearOverYear: Sendable, Hashable {
            public var cohort: String
            public var previous: String
            public var leads: Int
            public var won: Int
            public var previousLeads: Int
            public var previousWon: Int
            public var conversion: Double
            public var previousConversion: Double
            public var pValue: Double
            public var flagged: Bool

            public init(cohort: String, previous: String, leads: Int, won: Int, previousLeads: Int, previousWon: Int,
                        conversion: Double, previousConversion: Double, pValue: Double, flagged: Bool) {
                self.cohort = cohort; self.previous = previous; self.leads = leads; self.won = won
                self.previousLeads = previousLeads; self.previousWon = previousWon; self.conversion = conversion
                self.previousConversion = previousConversion; self.pValue = pValue; self.flagged = flagged
            }
        }

        /// The Kaplan–Meier cumulative conversion at a day since entry, with its 95 % band.
        public struct CurvePoint: Sendable, Hashable {
            public var day: Int
            public var conversion: Double
            public var lower: Double
            public var upper: Double
            public init(day: Int, conversion: Double, lower: Double, upper: Double) {
                self.day = day; self.conversion = conversion; self.lower = lower; self.upper = upper
            }
        }

        /// One step of a pipeline's stage-to-stage funnel.
        public struct Step: Sendable, Hashable {
            public var name: String
            public var reached: Int
            /// Share of those that reached this step and reached the next.
            public var conversion: Double?
            public init(name: String, reached: Int, conversion: Double?) { self.name = name; self.reached = reached; self.conversion = conversion }
        }

        public struct Pipeline: Sendable, Hashable {
            public var name: String
            public var deals: Int
            public var steps: [Step]
            public init(name: String, deals: Int, steps: [Step]) { self.name = name; self.deals = deals; self.steps = steps }
        }

        public var grain: Grain
        public var maturityDays: Int
        public var matureLeads: Int
        public var matureWon: Int
        public var matureConversion: Double?
        /// N in "N to 1".
        public var leadsPerWin: Double?
        /// Oldest first.
        public var cohorts: [Cohort]
        public var yearOverYear: [YearOverYear]
        public var curve: [CurvePoint]
        public var pipelines: [Pipeline]

        public init(grain: Grain = .month, maturityDays: Int = 90, matureLeads: Int = 0, matureWon: Int = 0, matureConversion: Double? = nil,
                    leadsPerWin: Double? = nil, cohorts: [Cohort] = [], yearOverYear: [YearOverYear] = [], curve: [CurvePoint] = [],
                    pipelines: [Pipeline] = []) {
            self.grain = grain; self.maturityDays = maturityDays; self.matureLeads = matureLeads; self.matureWon = matureWon
            self.matureConversion = matureConversion; self.leadsPerWin = leadsPerWin; self.cohorts = cohorts
            self.yearOverYear = yearOverYear; self.curve = curve; self.pipelines = pipelines
        }
    }

    /// Weighted pipeline by month of expected close, configured against learned probabilities, and their calibration.
    public struct Forecast: Sendable, Hashable {
        public enum Period: Sendable, Hashable {
            case month(year: Int, month: Int)
            /// Expected close before the as-of day.
            case overdue
            /// No expected close.
            case unscheduled
        }

        public struct Month: Sendable, Hashable {
            public var period: Period
            public var deals: Int
            public var amount: Double
            public var weightedConfigured: Double
            public var weightedLearned: Double
            public init(period: Period, deals: Int, amount: Double, weightedConfigured: Double, weightedLearned: Double) {
                self.period = period; self.deals = deals; self.amount = amount
                self.weightedConfigured = weightedConfigured; self.weightedLearned = weightedLearned
            }
        }

        public struct StageRate: Sendable, Hashable {
            public var stageName: String
            public var pipelineName: String?
            public var configured: Double
            /// Nil without closed history.
            public var learned: Double?
            public var closedDeals: Int
            public var wonDeals: Int
            public init(stageName: String, pipelineName: String?, configured: Double, learned: Double?, closedDeals: Int, wonDeals: Int) {
                self.stageName = stageName; self.pipelineName = pipelineName; self.configured = configured; self.learned = learned
                self.closedDeals = closedDeals; self.wonDeals = wonDeals
            }
        }

        /// Predictions whose probability fell in [lower, upper), for configured and learned probabilities.
        public struct Bin: Sendable, Hashable {
            public var lower: Double
            public var upper: Double
            public var configuredPredictions: Int
            public var configuredObserved: Double?
            public var learnedPredictions: Int
            public var learnedObserved: Double?
            public init(lower: Double, upper: Double, configuredPredictions: Int, configuredObserved: Double?, learnedPredictions: Int,
                        learnedObserved: Double?) {
                self.lower = lower; self.upper = upper; self.configuredPredictions = configuredPredictions
                self.configuredObserved = configuredObserved; self.learnedPredictions = learnedPredictions; self.learnedObserved = learnedObserved
            }
        }

        /// "overdue" first, then months in order, then "unscheduled".
        public var months: [Month]
        public var totalAmount: Double
        public var totalConfigured: Double
        public var totalLearned: Double
        public var stages: [StageRate]
        public var predictions: Int
        public var brierConfigured: Double?
        public var brierLearned: Double?
        public var bins: [Bin]

        public init(months: [Month] = [], totalAmount: Double = 0, totalConfigured: Double = 0, totalLearned: Double = 0,
                    stages: [StageRate] = [], predictions: Int = 0, brierConfigured: Double? = nil, brierLearned: Double? = nil,
                    bins: [Bin] = []) {
            self.months = months; self.totalAmount = totalAmount; self.totalConfigured = totalConfigured; self.totalLearned = totalLearned
            self.stages = stages; self.predictions = predictions; self.brierConfigured = brierConfigured
            self.brierLearned = brierLearned; self.bins = bins
        }
    }

    /// Time in stage per stage, and the stalled deals.
    public struct StageTimes: Sendable, Hashable {
        public struct Row: Sendable, Hashable {
            public var stageName: String
            public var pipelineName: String?
            public var visits: Int
            public var medianDays: Double?
            public var p80Days: Double?
            public var p95Days: Double?
            public var expectedDays: Int?
            public init(stageName: String, pipelineName: String?, visits: Int, medianDays: Double?, p80Days: Double?, p95Days: Double?,
                        expectedDays: Int?) {
                self.stageName = stageName; self.pipelineName = pipelineName; self.visits = visits; self.medianDays = medianDays
                self.p80Days = p80Days; self.p95Days = p95Days; self.expectedDays = expectedDays
            }
        }

        public struct Stalled: Sendable, Hashable {
            public var deal: DealRef
            public var stageName: String
            public var daysInStage: Double
            public var limitDays: Double
            /// The limit is the stage's expected duration; otherwise its historical 80th percentile.
            public var limitIsExpected: Bool
            public init(deal: DealRef, stageName: String, daysInStage: Double, limitDays: Double, limitIsExpected: Bool) {
                self.deal = deal; self.stageName = stageName; self.daysInStage = daysInStage; self.limitDays = limitDays
                self.limitIsExpected = limitIsExpected
            }
        }

        public var rows: [Row]
        /// All stalled deals; `stalled` may list fewer.
        public var stalledCount: Int
        public var stalled: [Stalled]
        /// Every stalled deal counted by owner, the most first; each links to that owner's stalled deals.
        public var byOwner: [OwnerCount] = []
        /// The pages of the stalled list.
        public var pager: Pager?
        /// The stalled list's order, and the address of the list in each order (its sortable headings).
        public var order: StalledOrder = .overdue
        public var orderURLs: [StalledOrder: String] = [:]

        public struct OwnerCount: Sendable, Hashable {
            public var ownerName: String?
            public var count: Int
            public var url: String?
            public init(ownerName: String?, count: Int, url: String?) { self.ownerName = ownerName; self.count = count; self.url = url }
        }

        public init(rows: [Row] = [], stalledCount: Int = 0, stalled: [Stalled] = []) {
            self.rows = rows; self.stalledCount = stalledCount; self.stalled = stalled
        }
    }

    /// Sales velocity overall, per owner and by month.
    public struct Velocity: Sendable, Hashable {
        public struct Row: Sendable, Hashable {
            /// The owner; nil overall or for deals without one.
            public var ownerName: String?
            public var openDeals: Int
            public var winRate: Double?
            public var averageWonAmount: Double?
            public var averageCycleDays: Double?
            /// Currency per day.
            public var perDay: Double?
            public init(ownerName: String? = nil, openDeals: Int = 0, winRate: Double? = nil, averageWonAmount: Double? = nil,
                        averageCycleDays: Double? = nil, perDay: Double? = nil) {
                self.ownerName = ownerName; self.openDeals = openDeals; self.winRate = winRate
                self.averageWonAmount = averageWonAmount; self.averageCycleDays = averageCycleDays; self.perDay = perDay
            }
        }

        public struct TrendPoint: Sendable, Hashable {
            public var year: Int
            public var month: Int
            public var perDay: Double?
            public init(year: Int, month: Int, perDay: Double?) { self.year = year; self.month = month; self.perDay = perDay }
        }

        public var overall: Row
        public var byOwner: [Row]
        public var trend: [TrendPoint]

        public init(overall: Row = .init(), byOwner: [Row] = [], trend: [TrendPoint] = []) {
            self.overall = overall; self.byOwner = byOwner; self.trend = trend
        }
    }

    /// First-response time to leads per owner, against the response target.
    public struct Response: Sendable, Hashable {
        public struct Row: Sendable, Hashable {
            public var ownerName: String?
            public var leads: Int
            public var answered: Int
            public var medianHours: Double?
            public var p90Hours: Double?
            /// Answered after the target, plus unanswered and past it.
            public var breaches: Int
            public init(ownerName: String? = nil, leads: Int = 0, answered: Int = 0, medianHours: Double? = nil, p90Hours: Double? = nil,
                        breaches: Int = 0) {
                self.ownerName = ownerName; self.leads = leads; self.answered = answered; self.medianHours = medianHours
                self.p90Hours = p90Hours; self.breaches = breaches
            }
        }

        public var targetHours: Double
        public var overall: Row
        public var byOwner: [Row]

        public init(targetHours: Double = 4, overall: Row = .init(), byOwner: [Row] = []) {
            self.targetHours = targetHours; self.overall = overall; self.byOwner = byOwner
        }
    }
}
