import Foundation
import VoronkaCore

/// The lead funnel's stages by their part: found by kind and position, never by name.
struct LeadPlan: Sendable {
    let pipelineID: Int64
    let new: Int64
    let inWork: Int64
    let qualified: Int64
    let nurture: Int64
    let junk: Int64

    init?(_ context: DemoContext) {
        guard let pipeline = context.pipelines.filter({ $0.kind == .lead })
            .sorted(by: { ($0.position, $0.id) < ($1.position, $1.id) }).first else { return nil }
        let stages = context.stages.filter { $0.pipelineID == pipeline.id }.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        let open = stages.filter { $0.kind == .open }
        guard let first = open.first, let won = stages.first(where: { $0.kind == .won }),
              let lost = stages.first(where: { $0.kind == .lost }) else { return nil }
        pipelineID = pipeline.id
        new = first.id
        inWork = open.count > 1 ? open[1].id : first.id
        qualified = won.id
        nurture = stages.first(where: { $0.kind == .postponed })?.id ?? lost.id
        junk = lost.id
    }
}

/// A deal pipeline's stages and how deals move through them.
struct DealPlan: Sendable {
    let pipelineID: Int64
    /// Open stages by position: the path a deal walks.
    let open: [Stage]
    /// Won stages by position: the first is "won"; later ones follow delivery (services).
    let won: [Stage]
    let lost: Stage
    let postponed: Stage?
    /// The chance to be lost on leaving each open stage.
    let lostChance: [Double]
    let postponeChance = 0.04
    /// The expected length of the whole path, in days.
    let cycleDays: Double

    init?(_ pipeline: Pipeline, stages all: [Stage]) {
        let stages = all.filter { $0.pipelineID == pipeline.id }.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        let open = stages.filter { $0.kind == .open }
        let won = stages.filter { $0.kind == .won }
        guard !open.isEmpty, !won.isEmpty, let lost = stages.first(where: { $0.kind == .lost }) else { return nil }
        pipelineID = pipeline.id
        self.open = open
        self.won = won
        self.lost = lost
        postponed = stages.first { $0.kind == .postponed }
        // About 23% of deals reach "won": per stage they go on with chance c = 0.23^(1/n); qualification weeds out more.
        let n = open.count
        let goOn = pow(0.23, 1 / Double(n))
        let base = max(0.02, 1 - goOn - postponeChance)
        lostChance = (0..<n).map { i in
            n == 1 ? base : i == 0 ? base + 0.08 : max(0.02, base - 0.08 / Double(n - 1))
        }
        cycleDays = open.reduce(0) { $0 + DealPlan.meanDays($1) }
    }

    static func meanDays(_ stage: Stage) -> Double { Double(stage.expectedDays ?? 20) }

    /// The deal pipelines of a context by position: the first for equipment, the second for services.
    /// Active pipelines only, unless none is active.
    static func all(_ context: DemoContext) -> [DealPlan] {
        let deal = context.pipelines.filter { $0.kind == .deal }.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        let active = deal.filter(\.active).compactMap { DealPlan($0, stages: context.stages) }
        return active.isEmpty ? deal.compactMap { DealPlan($0, stages: context.stages) } : active
    }
}

/// A yearly buyer's purchase: one deal in its purchase month each year.
struct RepeatDeal: Sendable {
    let company: Int32
    let at: Double
    let year: Int
}
