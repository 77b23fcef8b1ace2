import VoronkaAnalytics
import VoronkaCore

extension DashboardPage {
    /// The names behind the ids of an analytics dashboard, looked up by the controller.
    public struct Names: Sendable, Hashable {
        public var users: [Int64: String]
        public var stages: [Int64: String]
        public var pipelines: [Int64: String]
        /// Titles of the deals the lists name (stalled, least complete).
        public var deals: [Int64: String]
        /// A deal's link is this prefix and its id, e.g. `/deals/` → `/deals/501`.

        public init(users: [Int64: String] = [:], stages: [Int64: String] = [:], pipelines: [Int64: String] = [:],
                    deals: [Int64: String] = [:]) {
            self.users = users; self.stages = stages; self.pipelines = pipelines; self.deals = deals
        }

        func user(_ id: Int64?) -> String? { id.flatMap { users[$0] } }
        func stage(_ id: Int64) -> String { stages[id] ?? "#" + String(id) }
        func pipeline(_ id: Int64?) -> String? { id.flatMap { pipelines[$0] } }
        func deal(_ id: Int64, owner: Int64?) -> DealRef {
            DealRef(id: id, title: deals[id] ?? "#" + String(id), url: SiteURL.deal(id).path, ownerName: user(owner))
        }
    }
}

extension DashboardPage.Model {
    /// Fills every section from the analytics dashboard; qualification health comes from the server's violation report.
    public init(shell: Shell, path: String, section: DashboardPage.Section, filter: DashboardPage.Filter, dashboard d: Dashboard,
                names: DashboardPage.Names, qualification: DashboardPage.QualificationHealth = .init()) {
        typealias Page = DashboardPage
        let t = shell.localizer
        let asOf = Day(d.asOf) ?? Day(daysSinceEpoch: 0)
        self.init(shell: shell, path: path, section: section, filter: filter, asOf: asOf, currency: d.forecast.currency,
                  funnel: Page.funnel(d, names, t), forecast: Page.forecast(d, names),
                  stages: Page.StageTimes(
                    rows: d.timeInStage.stages.map { s in
                        .init(stageName: names.stage(s.stageID), pipelineName: names.pipeline(s.pipelineID), visits: s.closedVisits + s.openVisits,
                              medianDays: s.medianDays, p80Days: s.p80Days, p95Days: s.p95Days, expectedDays: s.expectedDays)
                    },
                    stalledCount: d.stalled.count,
                    stalled: d.stalled.deals.map { s in
                        .init(deal: names.deal(s.dealID, owner: s.ownerID), stageName: names.stage(s.stageID), daysInStage: s.daysInStage,
                              limitDays: s.limitDays, limitIsExpected: s.basis == "expected_days")
                    }),
                  velocity: Page.Velocity(
                    overall: Page.velocityRow(d.velocity.overall, names), byOwner: d.velocity.byOwner.map { Page.velocityRow($0, names) },
                    trend: d.velocity.trend.compactMap { r in
                        r.month.flatMap(Page.yearMonth).map { Page.Velocity.TrendPoint(year: $0.year, month: $0.month, perDay: r.perDay) }
                    }),
                  response: Page.Response(targetHours: d.responseTimes.targetHours, overall: Page.responseRow(d.responseTimes.overall, names),
                                          byOwner: d.responseTimes.byOwner.map { Page.responseRow($0, names) }),
                  growth: Page.Growth(
                    rescues: d.rescuedLeads.rows.map { r in
                        .init(ownerName: names.user(r.ownerID), quarter: r.quarter, reactivated: r.reactivated, rescued: r.rescued, won: r.won,
                              wonAmount: r.wonAmount)
                    },
                    rescued: d.rescuedLeads.rescued, rescuedWon: d.rescuedLeads.won, rescuedWonAmount: d.rescuedLeads.wonAmount,
                    referrals: d.referrals.rows.map { Page.referral($0, names) }, referralTotal: Page.referral(d.referrals.total, names)),
                  completeness: Page.Completeness(
                    untouchedDays: d.completeness.untouchedDays, overall: Page.ownerCompleteness(d.completeness.overall, names),
                    owners: d.completeness.owners.map { Page.ownerCompleteness($0, names) },
                    fields: d.completeness.fields.map { .init(field: $0.field, share: $0.share) },
                    worst: d.completeness.worst.map { w in
                        .init(deal: names.deal(w.dealID, owner: w.ownerID), share: w.share, missing: w.missing, daysSinceUpdate: w.daysSinceUpdate)
                    }),
                  qualification: qualification)
        dataQuality.wonBeforeReceived = d.dataQuality.wonBeforeReceived
        dataQuality.closedBeforeCreated = d.dataQuality.closedBeforeCreated
        dataQuality.answeredBeforeReceived = d.dataQuality.answeredBeforeReceived
        dataQuality.rows = d.dataQuality.issues.map { i in
            if let deal = i.dealID {
                let ref = names.deal(deal, owner: nil)
                return .init(kind: i.kind, record: ref.title, url: ref.url, daysEarly: i.daysEarly)
            }
            let lead = i.leadID ?? 0
            return .init(kind: i.kind, record: t(.leadNumber, ["id": String(lead)]), url: nil, daysEarly: i.daysEarly)
        }
    }
}

extension DashboardPage {
    /// "2025-03" → (2025, 3).
    static func yearMonth(_ label: String) -> (year: Int, month: Int)? {
        let parts = label.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return (year, month)
    }

    /// "2025-03" → (2025, 3), "2025-Q2" → (2025, 2), "2025" → (2025, 1).
    static func cohortPosition(_ label: String) -> (year: Int, index: Int)? {
        if let ym = yearMonth(label) { return (ym.year, ym.month) }
        let parts = label.split(separator: "-")
        if parts.count == 2, let year = Int(parts[0]), parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()) { return (year, q) }
        return Int(label).map { ($0, 1) }
    }

    static func funnel(_ d: Dashboard, _ names: Names, _ t: Localizer) -> Funnel {
        let c = d.conversion
        let comparisons = Dictionary(d.anomalies.cohorts.map { ($0.cohort, $0) }, uniquingKeysWith: { a, _ in a })
        let grain: Funnel.Grain = switch c.grain {
        case .month: .month
        case .quarter: .quarter
        case .year: .year
        }
        return Funnel(
            grain: grain, maturityDays: c.maturityDays, matureLeads: c.matureLeads, matureWon: c.matureWon,
            matureConversion: c.matureConversion, leadsPerWin: c.matureLeadsPerWin,
            cohorts: c.cohorts.compactMap { row in
                guard let position = cohortPosition(row.cohort) else { return nil }
                let comparison = comparisons[row.cohort]
                // An immature cohort has no rate in the report; the provisional share is shown hatched, as not final.
                let conversion = row.conversion ?? (row.leads > 0 ? Double(row.won) / Double(row.leads) : nil)
                return Funnel.Cohort(label: row.cohort, year: position.year, index: position.index, leads: row.leads, won: row.won,
                             conversion: conversion, mature: row.mature, flagged: comparison?.flagged ?? false,
                             baselineConversion: comparison?.baselineConversion, pValue: comparison?.test.pValue)
            },
            yearOverYear: d.anomalies.yearOverYear.map { y in
                .init(cohort: y.cohort, previous: y.previous, leads: y.leads, won: y.won, previousLeads: y.previousLeads,
                      previousWon: y.previousWon, conversion: y.conversion, previousConversion: y.previousConversion,
                      pValue: y.test.pValue, flagged: y.flagged)
            },
            curve: d.curve.map { .init(day: $0.day, conversion: $0.conversion, lower: $0.lower, upper: $0.upper) },
            pipelines: d.stageConversion.pipelines.map { p in
                .init(name: names.pipeline(p.pipelineID) ?? "#" + String(p.pipelineID), deals: p.deals,
                      steps: p.steps.map { s in
                          .init(name: s.stageID.map(names.stage) ?? t[.stageWon], reached: s.reached, conversion: s.conversion)
                      })
            })
    }

    static func forecast(_ d: Dashboard, _ names: Names) -> Forecast {
        let fc = d.forecast, cal = d.calibration
        func period(_ label: String) -> Forecast.Period {
            if let ym = yearMonth(label) { return .month(year: ym.year, month: ym.month) }
            return label == "overdue" ? .overdue : .unscheduled
        }
        return Forecast(
            months: fc.months.map { .init(period: period($0.month), deals: $0.deals, amount: $0.amount,
                                          weightedConfigured: $0.weightedConfigured, weightedLearned: $0.weightedLearned) },
            totalAmount: fc.total.amount, totalConfigured: fc.total.weightedConfigured, totalLearned: fc.total.weightedLearned,
            stages: fc.stages.map { s in
                .init(stageName: names.stage(s.stageID), pipelineName: names.pipeline(s.pipelineID), configured: s.configured,
                      learned: s.learned, closedDeals: s.closedDeals, wonDeals: s.wonDeals)
            },
            predictions: cal.predictions, brierConfigured: cal.configured.brier, brierLearned: cal.learned.brier,
            bins: cal.configured.bins.indices.map { i in
                let c = cal.configured.bins[i]
                let l = i < cal.learned.bins.count ? cal.learned.bins[i] : nil
                return Forecast.Bin(lower: c.lower, upper: c.upper, configuredPredictions: c.predictions, configuredObserved: c.observedWinShare,
                             learnedPredictions: l?.predictions ?? 0, learnedObserved: l?.observedWinShare)
            })
    }

    static func velocityRow(_ r: VelocityRow, _ names: Names) -> Velocity.Row {
        .init(ownerName: names.user(r.ownerID), openDeals: r.openDeals, winRate: r.winRate, averageWonAmount: r.averageWonAmount,
              averageCycleDays: r.averageCycleDays, perDay: r.perDay)
    }

    static func responseRow(_ r: ResponseRow, _ names: Names) -> Response.Row {
        .init(ownerName: names.user(r.ownerID), leads: r.leads, answered: r.answered, medianHours: r.medianHours, p90Hours: r.p90Hours,
              breaches: r.breaches)
    }

    static func referral(_ r: ReferralRow, _ names: Names) -> Growth.Referral {
        .init(ownerName: names.user(r.ownerID), leads: r.leads, qualified: r.qualified, won: r.won, conversion: r.conversion,
              wonAmount: r.wonAmount)
    }

    static func ownerCompleteness(_ o: OwnerCompleteness, _ names: Names) -> Completeness.Owner {
        .init(ownerName: names.user(o.ownerID), deals: o.deals, meanShare: o.meanShare, complete: o.complete, untouched: o.untouched)
    }
}
