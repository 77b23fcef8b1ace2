import Foundation

/// A small, fast, seeded random number generator (Steele, Lea and Flood's SplitMix64): the same seed gives the same
/// sequence on every run, which makes the demo company reproducible. Inlinable: the demo generator draws from it
/// millions of times from another module.
@frozen
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    @inlinable public init(seed: UInt64) { state = seed }

    /// A generator for one numbered thing (a company, a contact) that does not depend on how much was drawn before.
    @inlinable public init(seed: UInt64, salt: UInt64, index: Int) {
        state = SplitMix64.mix(seed ^ SplitMix64.mix(salt &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: index &+ 1)))
    }

    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 finaliser: a good 64-bit hash of `value`.
    @inlinable public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    @inlinable @inline(__always)
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in 0..<n (n > 0); the bias of the multiply-shift is far below anything a demo can show.
    @inlinable @inline(__always)
    public mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform in a closed range of integers.
    @inlinable @inline(__always)
    public mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// Uniform in [a, b).
    @inlinable @inline(__always)
    public mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    /// True with probability p.
    @inlinable @inline(__always)
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    @inlinable @inline(__always)
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Exponentially distributed with the given mean.
    @inlinable public mutating func exponential(mean: Double) -> Double { -mean * log(1 - unit()) }

    /// Standard normal (Box–Muller, one of the pair).
    @inlinable public mutating func normal() -> Double {
        let u1 = max(unit(), 1e-300), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Log-normal with the given median and spread (sigma of the logarithm).
    @inlinable public mutating func logNormal(median: Double, sigma: Double) -> Double { median * exp(sigma * normal()) }

    /// An index drawn by weight; `cumulative` holds running sums of the weights.
    @inlinable public mutating func weighted(_ cumulative: [Double]) -> Int {
        let target = unit() * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

/// Running sums of weights, for `SplitMix64.weighted`.
public func cumulativeWeights(_ weights: [Double]) -> [Double] {
    var sum = 0.0
    return weights.map { sum += $0; return sum }
}
