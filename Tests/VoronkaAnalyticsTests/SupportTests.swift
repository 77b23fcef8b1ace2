import Foundation
import Testing
@testable import VoronkaAnalytics

@Suite("Percentiles and significance tests")
struct SupportTests {
    @Test("Nearest rank: the value at rank ⌈p · n⌉")
    func nearestRank() {
        // setup
        var four = [4.0, 1, 3, 2]
        var one = [7.0]
        var none: [Double] = []
        // action, check
        #expect(Percentile.nearestRank(&four, [0.5, 0.8, 0.95, 0.25]) == [2, 4, 4, 1])
        #expect(Percentile.nearestRank(&one, [0.5, 0.95]) == [7, 7])
        #expect(Percentile.nearestRank(&none, [0.5]) == nil)
        #expect(Percentile.nearestRank(histogram: [0, 2, 0, 3], total: 5, 0.5) == 3)
    }

    @Test("Bucketed percentiles equal sorting, also past the last bucket", arguments: [1, 2, 3, 4] as [UInt64])
    func grouped(seed: UInt64) {
        // setup
        var rng = Seeded(seed)
        let groups = 4
        var values = [[Double]](repeating: [], count: groups)
        for _ in 0..<(1 + rng.below(3_000)) {
            let g = rng.below(groups)
            let v = rng.chance(0.1) ? rng.exponential(500) : rng.chance(0.3) ? Double(rng.below(5)) : rng.exponential(3)
            values[g].append(v)
        }
        var grouped = GroupedPercentiles(groups: groups, scale: 10, buckets: 200, ps: [0.5, 0.8, 0.95, 0.999], combined: true)
        // action
        for (g, vs) in values.enumerated() { for v in vs { grouped.count(g, v) } }
        grouped.plan()
        for (g, vs) in values.enumerated() { for v in vs.reversed() { grouped.offer(g, v) } }
        let result = grouped.result()
        // check
        func sorted(_ vs: [Double]) -> [Double]? {
            let s = vs.sorted()
            return s.isEmpty ? nil : [0.5, 0.8, 0.95, 0.999].map { s[Percentile.rank($0, s.count) - 1] }
        }
        for g in 0..<groups { #expect(result[g] == sorted(values[g])) }
        #expect(result[groups] == sorted(values.flatMap { $0 }))
    }

    @Test("Fisher's exact test and the z-test against known values")
    func tests() {
        // check: the lady tasting tea, [[3, 1], [1, 3]]: two-sided p = 34/70 = 0.485714
        #expect(abs(Significance.fisher(3, 4, 1, 4) - 0.485714) < 1e-6)
        #expect(Significance.compare(3, 4, 1, 4).test == "fisher")
        // 21/50 vs 126/300 (42 % both): p = 1; 1/50 vs 126/300: p = 5.1487e-8
        #expect(abs(Significance.zTest(21, 50, 126, 300) - 1) < 1e-9)
        #expect(abs(Significance.zTest(1, 50, 126, 300) - 5.1487143e-8) < 1e-13)
        #expect(Significance.compare(0, 0, 1, 5).pValue == 1)
        #expect(Significance.zTest(0, 10, 0, 10) == 1)
    }

    @Test("A few of the largest stay sorted in TopK")
    func topK() {
        // setup
        var top = TopK<Int>(3, by: >)
        // action
        for v in [5, 1, 9, 3, 9, 7, 2] { top.offer(v) }
        // check
        #expect(top.items == [9, 9, 7])
    }
}

@Suite("Calendar months")
struct MonthsTests {
    @Test("Month arithmetic is total: before year 1 and after 9999 it neither traps nor leaves the calendar",
          arguments: [-30, -13, -12, -1, 0, 11, 12, 1900 * 12, 9999 * 12 + 11, 10_000 * 12, 12_345 * 12 + 7])
    func total(month: Int) {
        // action
        let first = Months.firstDay(month)
        let next = Months.firstDay(month + 1)
        // check: a month is 28 to 31 days long and its first day falls in it
        #expect((28...31).contains(next - first), "month \(month)")
        #expect(Months.month(ofDay: first) == month && Months.month(ofDay: next - 1) == month, "month \(month)")
        #expect(Months.label(month).hasSuffix(String(format: "-%02d", (month % 12 + 12) % 12 + 1)))
    }

    @Test("Known first days: 1970-01, 2024-02 and 0000-03 (year 0 of the proleptic calendar)")
    func known() {
        #expect(Months.firstDay(1970 * 12) == 0)
        #expect(Months.firstDay(2024 * 12 + 1) == 19_754)
        #expect(Months.firstDay(2) == -719_468)
    }
}
