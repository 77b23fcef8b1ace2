/// The k smallest elements by `less`, kept sorted while a scan offers many (k small, most offers rejected at once).
struct TopK<Element> {
    let k: Int
    let less: (Element, Element) -> Bool
    private(set) var items: [Element] = []

    init(_ k: Int, by less: @escaping (Element, Element) -> Bool) {
        self.k = max(0, k); self.less = less
        items.reserveCapacity(self.k)
    }

    mutating func offer(_ e: Element) {
        guard k > 0 else { return }
        if items.count == k {
            guard less(e, items[k - 1]) else { return }
            items.removeLast()
        }
        var lo = 0, hi = items.count
        while lo < hi { let mid = (lo + hi) / 2; if less(items[mid], e) { lo = mid + 1 } else { hi = mid } }
        items.insert(e, at: lo)
    }
}
