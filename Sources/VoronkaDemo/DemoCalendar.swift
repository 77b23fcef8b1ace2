import Foundation
import VoronkaCore

/// When leads come in: about two and a half years up to `now`, fewer in January, August and at weekends,
/// more in March–April and September–November, with mild growth.
struct DemoCalendar: Sendable {
    /// Midnight (UTC) of the first day.
    let start: Double
    /// The last moment a lead may arrive (a little before `now`, so that every lead can have some history).
    let end: Double
    private let dayStarts: [Double]
    private let cumulative: [Double]

    static let monthWeights: [Double] = [0.55, 0.9, 1.25, 1.25, 0.95, 0.9, 0.85, 0.6, 1.15, 1.25, 1.2, 0.95]

    init(now: Double, days: Int = 913) {
        end = now - 3 * DemoTime.hour
        let lastDay = Int((end / DemoTime.day).rounded(.down))
        let firstDay = lastDay - days
        start = Double(firstDay) * DemoTime.day
        var starts: [Double] = []
        var sums: [Double] = []
        starts.reserveCapacity(days + 1)
        sums.reserveCapacity(days + 1)
        var sum = 0.0
        for n in firstDay...lastDay {
            let day = Day(daysSinceEpoch: n)
            let weekday = ((n + 3) % 7 + 7) % 7 // 0 is Monday; 1970-01-01 was a Thursday
            var w = DemoCalendar.monthWeights[day.month - 1]
            if weekday == 5 { w *= 0.2 } else if weekday == 6 { w *= 0.12 }
            if day.month == 1, day.day <= 8 { w *= 0.25 } // New Year holidays
            w *= 0.8 + 0.4 * Double(n - firstDay) / Double(max(1, days))
            let dayStart = Double(n) * DemoTime.day
            if n == lastDay { w *= max(0, (end - dayStart) / DemoTime.day) }
            sum += w
            starts.append(dayStart)
            sums.append(sum)
        }
        dayStarts = starts
        cumulative = sums
    }

    /// The arrival time of lead `index` of `total`: stratified over the seasonal distribution, so that leads come in order.
    func leadTime(_ index: Int, of total: Int, _ rng: inout SplitMix64) -> Double {
        let target = (Double(index) + rng.unit()) / Double(max(total, 1)) * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        let dayStart = dayStarts[lo]
        // Mostly working hours in Moscow (05:00–15:00 UTC), sometimes any time.
        var t = rng.chance(0.85) ? dayStart + rng.uniform(5, 15) * DemoTime.hour : dayStart + rng.unit() * DemoTime.day
        if t > end { t = dayStart + rng.unit() * max(0, end - dayStart) }
        return DemoTime.whole(t)
    }

    /// A time of day in Moscow working hours on the day of `t`.
    static func workingTime(onDayOf t: Double, _ rng: inout SplitMix64) -> Double {
        DemoTime.whole((t / DemoTime.day).rounded(.down) * DemoTime.day + rng.uniform(6, 14) * DemoTime.hour)
    }
}
