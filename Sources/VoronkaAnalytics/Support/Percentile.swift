import Foundation

/// Percentiles by the nearest-rank method: the p-th percentile of n values is the value at rank ⌈p·n⌉ (1-based) in
/// ascending order, so it is always one of the values (the median of 1, 2, 3, 4 is 2). Used by every metric.
enum Percentile {
    /// The nearest-rank percentiles `ps` (each in (0, 1]) of `values`; nil for no values. Reorders `values`.
    static func nearestRank(_ values: inout [Double], _ ps: [Double]) -> [Double]? {
        values.withUnsafeMutableBufferPointer { nearestRank($0, ps) }
    }

    /// The same over a buffer, which it reorders.
    static func nearestRank(_ buffer: UnsafeMutableBufferPointer<Double>, _ ps: [Double]) -> [Double]? {
        let n = buffer.count
        guard n > 0 else { return nil }
        var lower = 0
        var out = [Double](repeating: 0, count: ps.count)
        for (i, p) in ps.enumerated().sorted(by: { $0.element < $1.element }) {
            let k = rank(p, n) - 1
            select(buffer, k, from: max(0, min(lower, k)), to: n)
            out[i] = buffer[k]
            lower = k
        }
        return out
    }

    /// The k-th smallest value (0-based) of a non-empty array; reorders it.
    static func kth(_ values: inout [Double], _ k: Int) -> Double {
        values.withUnsafeMutableBufferPointer { b in
            select(b, k, from: 0, to: b.count)
            return b[k]
        }
    }

    /// The 1-based nearest rank of percentile p among n values.
    static func rank(_ p: Double, _ n: Int) -> Int { min(n, max(1, Int((p * Double(n) - 1e-9).rounded(.up)))) }

    /// Puts the k-th smallest of `b[lo..<hi]` at index k, smaller ones before it and larger after (quickselect).
    private static func select(_ b: UnsafeMutableBufferPointer<Double>, _ k: Int, from lo: Int, to hi: Int) {
        var lo = lo, hi = hi - 1
        while hi - lo > 16 {
            let mid = lo + (hi - lo) / 2
            // Median of three as the pivot.
            if b[mid] < b[lo] { b.swapAt(mid, lo) }
            if b[hi] < b[lo] { b.swapAt(hi, lo) }
            if b[hi] < b[mid] { b.swapAt(hi, mid) }
            let pivot = b[mid]
            var i = lo, j = hi
            while i <= j {
                while b[i] < pivot { i += 1 }
                while b[j] > pivot { j -= 1 }
                if i <= j { b.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return }
        }
        if hi > lo {
            for i in (lo + 1)...hi {
                let v = b[i]
                var j = i - 1
                while j >= lo, b[j] > v { b[j + 1] = b[j]; j -= 1 }
                b[j + 1] = v
            }
        }
    }

    /// The nearest-rank percentile of whole numbers given as a histogram (`counts[v]` values equal to v).
    static func nearestRank(histogram counts: [Int], total: Int, _ p: Double) -> Int? {
        guard total > 0 else { return nil }
        let k = rank(p, total)
        var seen = 0
        for (v, c) in counts.enumerated() {
            seen += c
            if seen >= k { return v }
        }
        return counts.count - 1
    }
}
