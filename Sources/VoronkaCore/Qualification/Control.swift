/// One open deal as pipeline control sees it.
public struct DealControl: Hashable, Sendable {
    /// The deal's id.
    public var dealID: Int64
    /// The deal's grade by need, budget and urgency.
    public var grade: DealGrade
    /// See `Qualification.isQualified`.
    public var qualified: Bool
    /// In an open stage past the first-meeting stage without being qualified.
    public var violation: Bool
    /// Past the control stage with the budget status unknown or the need not described.
    public var uncontrolled: Bool
    /// The win probability in percent: the deal's override, else its stage's.
    public var probability: Int64
    /// The probability the capped weighted pipeline uses: at most the cap for an uncontrolled deal.
    public var cappedProbability: Int64
}

/// Qualification violations, uncontrolled deals and the weighted pipeline with and without the cap.
public struct ControlReport: Hashable, Sendable {
    /// The deals in open stages, in the order given.
    public var deals: [DealControl]
    /// The sum of amount × probability, in minor units, each deal's share rounded to a whole minor unit.
    public var weightedPipeline: Int64
    /// The same with uncontrolled deals at their capped probability.
    public var weightedPipelineCapped: Int64

    /// The ids of deals past the first-meeting stage without qualification.
    public var violations: [Int64] { deals.filter(\.violation).map(\.dealID) }
    /// The ids of deals past the control stage with budget or need unknown.
    public var uncontrolled: [Int64] { deals.filter(\.uncontrolled).map(\.dealID) }
}

/// Pipeline control: who skipped qualification, and how much of the forecast rests on unknowns.
public enum Control {
    /// Reviews a pipeline's deals against its stages. Deals in won, lost or postponed stages, or in a stage not
    /// among `stages`, are left out. `grade` grades a deal, usually `Grading.grade(deal:contacts:)` with its contacts.
    public static func review(deals: [Deal], stages: [Stage], settings: ControlSettings,
                              grade: (Deal) -> GradeResult) -> ControlReport {
        let byID = Dictionary(stages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let firstMeeting = settings.firstMeetingPosition(in: stages)
        let control = settings.controlPosition(in: stages)
        var report = ControlReport(deals: [], weightedPipeline: 0, weightedPipelineCapped: 0)
        for deal in deals {
            guard let stage = byID[deal.stageID], stage.kind == .open else { continue }
            let graded = grade(deal)
            let qualified = Qualification.isQualified(graded)
            let violation = !qualified && firstMeeting.map { stage.position > $0 } == true
            let uncontrolled = control.map { stage.position > $0 } == true
                && (deal.budgetStatus == .unknown || deal.needDescribed != true)
            let probability = deal.probabilityOverride ?? stage.probability
            let capped = uncontrolled ? min(probability, Int64(settings.cap)) : probability
            report.deals.append(DealControl(dealID: deal.id, grade: graded.grade, qualified: qualified, violation: violation,
                                            uncontrolled: uncontrolled, probability: probability, cappedProbability: capped))
            report.weightedPipeline += share(deal.amount, probability)
            report.weightedPipelineCapped += share(deal.amount, capped)
        }
        return report
    }

    /// amount × percent / 100, rounded half up.
    private static func share(_ amount: Int64, _ percent: Int64) -> Int64 {
        (amount * percent + 50) / 100
    }
}
