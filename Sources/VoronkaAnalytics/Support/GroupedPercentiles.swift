/// Exact nearest-rank percentiles of non-negative values in groups, without sorting them: values are counted in
/// fixed-width buckets as they are added, the bucket holding each wanted rank is found from the counts, and only the
/// values of those buckets are then selected among. Values past the last bucket share it (still exact, only slower).
struct GroupedPercentiles {
    let groups: Int
    let buckets: Int
    let scale: Double
    private var counts: [Int32]
    private(set) var sizes: [Int]
    private var values: [Double] = []
    private var group: [Int32] = []

    /// `scale` buckets per unit of value, `buckets` of them per group; room for `capacity` values to start with.
    init(groups: Int, scale: Double, buckets: Int, capacity: Int = 0) {
        self.groups = groups; self.scale = scale; self.buckets = buckets
        counts = [Int32](repeating: 0, count: groups * buckets)
        sizes = [Int](repeating: 0, count: groups)
        values.reserveCapacity(capacity)
        group.reserveCapacity(capacity)
    }

    @inline(__always)
    private func bucket(_ v: Double) -> Int { v > 0 ? min(buckets - 1, Int(min(v * scale, 1e15))) : 0 }

    @inline(__always)
    mutating func add(_ g: Int, _ v: Double) {
        counts[g * buckets + bucket(v)] &+= 1
        sizes[g] += 1
        values.append(v)
        group.append(Int32(g))
    }

    /// Per group (and, when `combined`, one more entry for all groups together): the percentiles `ps` in order,
    /// nil for a group without values.
    func percentiles(_ ps: [Double], combined: Bool = false) -> [[Double]?] {
        let slots = groups + (combined ? 1 : 0)
        let t = ps.count
        // For each group and percentile: the bucket holding the rank, and the rank within that bucket (1-based).
        var targetBucket = [Int](repeating: -1, count: slots * t)
        var targetRank = [Int](repeating: 0, count: slots * t)
        var all = combined ? [Int](repeating: 0, count: buckets) : []
        if combined { for g in 0..<groups { for b in 0..<buckets { all[b] += Int(counts[g * buckets + b]) } } }
        let order = ps.indices.sorted { ps[$0] < ps[$1] }
        for g in 0..<slots {
            let n = g < groups ? sizes[g] : values.count
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
        // The values of the target buckets, per group and distinct bucket.
        var collected = [[Double]](repeating: [], count: slots * t)
        for i in values.indices {
            let v = values[i], b = bucket(v), g = Int(group[i])
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
        var out = [[Double]?](repeating: nil, count: slots)
        for g in 0..<slots where (g < groups ? sizes[g] : values.count) > 0 {
            var result = [Double](repeating: 0, count: t)
            for j in 0..<t {
                // The first percentile with the same bucket holds its values.
                let owner = (0..<t).first { targetBucket[g * t + $0] == targetBucket[g * t + j] }!
                result[j] = Percentile.kth(&collected[g * t + owner], targetRank[g * t + j] - 1)
            }
            out[g] = result
        }
        return out
    }
}
