/// The k smallest elements by `less` (a total order) among many offered: offers past the k-th best so far are
/// rejected at once, and the kept ones are sorted when asked for. O(n log k) for n offers.
struct TopK<Element> {
    let k: Int
    let less: (Element, Element) -> Bool
    private var buffer: [Element] = []
    /// The k-th best after the last compaction; offers not better than it cannot make the cut.
    private var bar: Element?

    init(_ k: Int, by less: @escaping (Element, Element) -> Bool) {
        self.k = max(0, k); self.less = less
    }

    mutating func offer(_ e: Element) {
        guard k > 0 else { return }
        if let bar, !less(e, bar) { return }
        buffer.append(e)
        if k <= Int.max / 4, buffer.count >= 2 * k + 64 {
            buffer.sort(by: less)
            buffer.removeLast(buffer.count - k)
            bar = buffer[k - 1]
        }
    }

    /// The kept elements, best first.
    var items: [Element] { Array(buffer.sorted(by: less).prefix(k)) }
}
