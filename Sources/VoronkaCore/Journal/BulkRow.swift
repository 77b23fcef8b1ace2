import Foundation

/// A record with the times it was created and last changed, as a bulk load writes it (the demo generator's rows,
/// fixtures): its id is already assigned.
public struct BulkRow: Sendable {
    public let kind: EntityKind
    public let record: Record
    public let createdAt: Date
    public let updatedAt: Date

    public init(kind: EntityKind, record: Record, createdAt: Date, updatedAt: Date) {
        self.kind = kind; self.record = record; self.createdAt = createdAt; self.updatedAt = updatedAt
    }
}
