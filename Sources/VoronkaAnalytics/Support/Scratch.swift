/// A fixed-size work array for the counters and columns of a scan. Unlike `Array`, writing an element costs no
/// uniqueness check, which the compiler often cannot hoist out of a loop; indexes are checked only in debug builds.
final class Scratch<Element> {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(repeating value: Element, count: Int) {
        self.count = count
        base = .allocate(capacity: max(1, count))
        base.initialize(repeating: value, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(i: Int) -> Element {
        @inline(__always) get { assert(i >= 0 && i < count); return base[i] }
        @inline(__always) set { assert(i >= 0 && i < count); base[i] = newValue }
    }

    /// The elements as an array.
    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
