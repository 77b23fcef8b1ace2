/// Exact nearest-rank percentiles of non-negative values in groups, without sorting or storing them all. The caller
/// scans its facts twice: first every value is counted in a fixed-width bucket (`count`), then, once the bucket holding
/// each wanted rank is known (`plan`), only the values of those buckets are kept (`offer`) and selected among
/// (`result`). Values past the last bucket share it (still exact, only slower).
struct GroupedPercentiles {
    let groups: Int
    let buckets: Int
    let scale: Double
    private let ps: [Double]
    private let combined: Bool
    private let counts: Scratch<Int32>
    private let sizes: Scratch<Int>
    private var total = 0
    /// For each slot (group, or all groups together last) and percentile: the target bucket and the rank within it.
    private var targetBucket: [Int] = []
    private var targetRank: [Int] = []
    private var collected: [[Double]] = []

    /// `scale` buckets per unit of value, `buckets` of them per group; `combined` adds one more slot for all groups.
    init(groups: Int, scale: Double, buckets: Int, ps: [Double], combined: Bool = false) {
        self.groups = groups; self.scale = scale; self.buckets = buckets; self.ps = ps; self.combined = combined
        counts = Scratch(repeating: 0, count: groups * buckets)
        sizes = Scratch(repeating: 0, count: groups)
    }

    @inline(__always)
    private func bucket(_ v: Double) -> Int { v > 0 ? min(buckets - 1, Int(min(v * scale, 1e15))) : 0 }

    /// First scan: every value.
    @inline(__always)
    mutating func count(_ g: Int, _ v: Double) {
        counts[g * buckets + bucket(v)] &+= 1
        sizes[g] += 1
        total += 1
    }

    /// Between the scans: finds the bucket of each wanted rank.
    mutating func plan() {
        let slots = groups + (combined ? 1 : 0), t = ps.count
        targetBucket = [Int](repeating: -1, count: slots * t)
        targetRank = [Int](repeating: 0, count: slots * t)
        collected = [[Double]](repeating: [], count: slots * t)
        var all = [Int](repeating: 0, count: combined ? buckets : 0)
        if combined { for g in 0..<groups { for b in 0..<buckets { all[b] += Int(counts[g * buckets + b]) } } }
        let order = ps.indices.sorted { ps[$0] < ps[$1] }
        for g in 0..<slots {
            let n = g < groups ? sizes[g] : total
            guard n > 0 else { continue }
            var b = 0, seen = 0
            for j in order {
                let k = Percentile.rank(ps[j], n)
                while true {
                    let c = g < groups ? Int(counts[g * buckets + b]) : all[b]
                    if seen + c >= k { break }
                    seen += c
                    b += 1
                }
                targetBucket[g * t + j] = b
                targetRank[g * t + j] = k - seen
            }
        }
    }

    /// Second scan: the same values again, in any order.
    @inline(__always)
    mutating func offer(_ g: Int, _ v: Double) {
        let b = bucket(v), t = ps.count
        for j in 0..<t where targetBucket[g * t + j] == b {
            collected[g * t + j].append(v)
            break
        }
        if combined {
            for j in 0..<t where targetBucket[groups * t + j] == b {
                collected[groups * t + j].append(v)
                break
            }
        }
    }

    /// Per slot, the percentiles in the order asked; nil for a slot without values.
    mutating func result() -> [[Double]?] {
        let slots = groups + (combined ? 1 : 0), t = ps.count
        var out = [[Double]?](repeating: nil, count: slots)
        for g in 0..<slots where (g < groups ? sizes[g] : total) > 0 {
            var values = [Double](repeating: 0, count: t)
            for j in 0..<t {
                // The first percentile with the same bucket holds its values.
                let owner = (0..<t).first { targetBucket[g * t + $0] == targetBucket[g * t + j] } ?? j
                values[j] = Percentile.kth(&collected[g * t + owner], targetRank[g * t + j] - 1)
            }
            out[g] = values
        }
        return out
    }
}
