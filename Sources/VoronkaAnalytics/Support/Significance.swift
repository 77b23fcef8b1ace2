import Foundation

/// The result of comparing two proportions.
public struct ProportionTest: Sendable, Codable, Equatable {
    /// "z" (two-proportion z-test, pooled) or "fisher" (Fisher's exact test, two-sided).
    public var test: String
    public var pValue: Double
}

/// Two-sided tests of whether two proportions x1/n1 and x2/n2 differ beyond chance.
///
/// The pooled two-proportion z-test is used when every expected cell of the 2×2 table is at least 5; otherwise
/// Fisher's exact test (two-sided: the sum of the probabilities of all tables with the same margins that are no more
/// likely than the observed one).
enum Significance {
    static func compare(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) -> ProportionTest {
        let n = n1 + n2, x = x1 + x2
        guard n1 > 0, n2 > 0 else { return ProportionTest(test: "none", pValue: 1) }
        let expected = [Double(n1 * x), Double(n1 * (n - x)), Double(n2 * x), Double(n2 * (n - x))].map { $0 / Double(n) }
        if expected.allSatisfy({ $0 >= 5 }) {
            return ProportionTest(test: "z", pValue: zTest(x1, n1, x2, n2))
        }
        return ProportionTest(test: "fisher", pValue: fisher(x1, n1, x2, n2))
    }

    /// The pooled two-proportion z-test's two-sided p-value.
    static func zTest(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) -> Double {
        let p1 = Double(x1) / Double(n1), p2 = Double(x2) / Double(n2)
        let pooled = Double(x1 + x2) / Double(n1 + n2)
        let se = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        guard se > 0 else { return p1 == p2 ? 1 : 0 }
        return erfc(abs(p1 - p2) / se / 2.0.squareRoot())
    }

    /// Fisher's exact test, two-sided, of the table [[x1, n1 - x1], [x2, n2 - x2]].
    static func fisher(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) -> Double {
        let k = x1 + x2, n = n1 + n2
        let lo = max(0, k - n2), hi = min(k, n1)
        func logP(_ a: Int) -> Double { logChoose(n1, a) + logChoose(n2, k - a) - logChoose(n, k) }
        let observed = logP(x1)
        var sum = 0.0
        for a in lo...hi {
            let lp = logP(a)
            if lp <= observed + 1e-7 { sum += exp(lp) }
        }
        return min(1, sum)
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
