import Testing
@testable import VoronkaCore

@Suite("Deal economics")
struct QualificationEconomicsTests {
    typealias F = QualificationFixtures

    /// 500,000 roubles a month (in kopecks) over 100 deals.
    static let settings = EconomicsSettings(monthlyCosts: 50_000_000, dealsPerMonth: 100)

    @Test("500,000 roubles a month over 100 deals is a minimum of 5,000 roubles (500,000 kopecks) per deal")
    func minimumFromCosts() {
        // check
        #expect(Self.settings.minimumProfit == 500_000)
    }

    @Test("A fixed minimum wins; a share is rounded up to a whole kopeck; with neither the minimum is unknown")
    func minimumVariants() {
        // check
        #expect(EconomicsSettings(monthlyCosts: 50_000_000, dealsPerMonth: 100, fixedMinimum: 1_000_000).minimumProfit == 1_000_000)
        #expect(EconomicsSettings(monthlyCosts: 100, dealsPerMonth: 3).minimumProfit == 34)
        #expect(EconomicsSettings(monthlyCosts: 50_000_000).minimumProfit == nil)
    }

    @Test("Expected profit at the minimum is above; a kopeck less is below; an exception excuses it; none is unknown")
    func results() throws {
        // setup
        let trial = try EconomicsException(kind: .trialDelivery, reason: " first delivery before the framework contract ")
        // action
        let atMinimum = Economics.evaluate(deal: F.deal(expectedProfit: 500_000), settings: Self.settings)
        let below = Economics.evaluate(deal: F.deal(expectedProfit: 499_999), settings: Self.settings)
        let excused = Economics.evaluate(deal: F.deal(expectedProfit: 499_999), settings: Self.settings, exception: trial)
        let excusedAbove = Economics.evaluate(deal: F.deal(expectedProfit: 700_000), settings: Self.settings, exception: trial)
        let unknown = Economics.evaluate(deal: F.deal(expectedProfit: nil), settings: Self.settings)
        let noMinimum = Economics.evaluate(deal: F.deal(expectedProfit: 1), settings: EconomicsSettings(monthlyCosts: 0))
        // check
        #expect(atMinimum == .above)
        #expect(below == .below)
        #expect(excused == .belowExcused(.trialDelivery, reason: "first delivery before the framework contract"))
        #expect(excusedAbove == .above)
        #expect(unknown == .unknown)
        #expect(noMinimum == .unknown)
        #expect([atMinimum, below, excused, unknown].map(\.verdict) == [.pass, .fail, .pass, .unknown])
    }

    @Test("An exception without a reason is an error on economics_exception_reason")
    func exceptionNeedsReason() {
        for reason in [nil, "", "   "] as [String?] {
            // action
            var field: String?
            do throws(FieldError) {
                _ = try EconomicsException(kind: .largeBuyerSmallOrder, reason: reason)
            } catch {
                field = error.field
            }
            // check
            #expect(field == "economics_exception_reason")
        }
    }
}
