import Foundation
import VoronkaImport

/// The records of one kind, handed to the writer batch by batch. The next batch is converted (on the import lane)
/// while the current one is written, and records are built a batch at a time: a million deals built at once took
/// gigabytes.
final class RecordFeed: @unchecked Sendable {
    // `produce` runs in one task at a time: the task of a batch starts once the batch before it is handed out.
    private let produce: (Int) -> [PendingRecord]
    private let batchSize: Int
    private var upcoming: Task<[PendingRecord], Never>?

    /// `produce(n)`: the next `n` records (fewer at the end; none when done).
    init(batchSize: Int, produce: @escaping (Int) -> [PendingRecord]) {
        self.batchSize = batchSize; self.produce = produce
    }

    /// Records built already, in batches.
    convenience init(_ items: [PendingRecord], batchSize: Int) {
        var start = 0
        self.init(batchSize: batchSize) { n in
            defer { start = min(start + n, items.count) }
            return Array(items[start..<min(start + n, items.count)])
        }
    }

    /// The next batch; empty when every record was handed out.
    func next() async -> [PendingRecord] {
        let batch = await (upcoming ?? start()).value
        upcoming = batch.isEmpty ? nil : start()
        return batch
    }

    private func start() -> Task<[PendingRecord], Never> {
        let size = batchSize
        return Task.detached { [self] in (try? await ImportLane.run { self.produce(size) }) ?? [] }
    }
}

/// Converts rows to records on demand, in order, leaving out (with a problem) those that cannot be written.
final class RowConverter<Row>: @unchecked Sendable {
    // Used by one task at a time (a `RecordFeed`'s batches); `problems` is read once the feed is done.
    private let rows: [Row]
    private let convert: (Row, inout [ImportMessage]) -> PendingRecord?
    private var position = 0
    private(set) var problems: [ImportMessage] = []

    init(_ rows: [Row], convert: @escaping (Row, inout [ImportMessage]) -> PendingRecord?) {
        self.rows = rows; self.convert = convert
    }

    /// The next `count` records that convert (fewer at the end).
    func next(_ count: Int) -> [PendingRecord] {
        var out: [PendingRecord] = []
        out.reserveCapacity(min(count, rows.count - position))
        while out.count < count, position < rows.count {
            if let item = convert(rows[position], &problems) { out.append(item) }
            position += 1
        }
        return out
    }

    func feed(batchSize: Int) -> RecordFeed { RecordFeed(batchSize: batchSize) { self.next($0) } }
}
