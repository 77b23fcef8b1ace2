/// Round tick values covering a range, and the linear map from values to coordinates.
struct ChartScale {
    let lo: Double
    let hi: Double
    let step: Double
    /// Coordinates of `lo` and `hi`.
    let from: Double
    let to: Double

    /// Ticks for data between `min` and `max` (swapped if needed), about `count` of them;
    /// `integers` keeps steps whole (counts). An empty or flat range still gets a visible span.
    init(min a: Double, max b: Double, count: Int = 5, integers: Bool = false, from: Double, to: Double) {
        var lo = Swift.min(a, b), hi = Swift.max(a, b)
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if lo == hi {
            if lo == 0 { hi = 1 } else if lo > 0 { lo = 0 } else { hi = 0 }
        }
        var step = ChartScale.niceStep((hi - lo) / Double(Swift.max(1, count)))
        if integers, step.truncatingRemainder(dividingBy: 1) != 0 { step = step < 1 ? 1 : step.rounded(.down) }
        self.lo = (lo / step).rounded(.down) * step
        self.hi = (hi / step).rounded(.up) * step
        self.step = step
        self.from = from
        self.to = to
    }

    /// The tick values from `lo` to `hi`, at most 50.
    var ticks: [Double] {
        let n = Swift.min(50, Int(((hi - lo) / step).rounded()))
        return (0...Swift.max(0, n)).map { lo + Double($0) * step }
    }

    /// The coordinate of a value.
    func callAsFunction(_ v: Double) -> Double {
        guard hi > lo else { return from }
        return from + (v - lo) / (hi - lo) * (to - from)
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at or above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for m in [1.0, 2, 2.5, 5, 10] where m * power >= raw * 0.999_999 { return m * power }
        return 10 * power
    }
}
