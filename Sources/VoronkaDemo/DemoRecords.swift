import Foundation
import VoronkaCore

/// The stored form of the demo's high-volume records (leads, deals, activities): the same values as the entities' own
/// `record`, listed in field order so that the creation's journal entry is read off in order (a test checks that every
/// generated record equals what its entity would store).
enum DemoRecords {
    static let leadFields = [
        "id", "received_at", "source", "channel_id", "referrer_company_id", "referrer_contact_id", "request_text", "requested_product_ids",
        "contact_name", "contact_email", "contact_phone", "company_name", "company_id", "contact_id", "owner_id",
        "first_response_at", "pipeline_id", "stage_id", "outcome", "outcome_reason", "fire", "deal_id", "custom",
    ]

    static func lead(_ l: Lead) -> [FieldValue] {
        [
            .int(l.id), .time(l.receivedAt), .text(l.source.rawValue), Record.optional(l.channelID), Record.optional(l.referrerCompanyID),
            Record.optional(l.referrerContactID), Record.optional(l.requestText), Record.idList(l.requestedProductIDs),
            Record.optional(l.contactName), Record.optional(l.contactEmail?.lowercased()), Record.optional(l.contactPhone),
            Record.optional(l.companyName), Record.optional(l.companyID), Record.optional(l.contactID), Record.optional(l.ownerID),
            Record.optional(l.firstResponseAt), .int(l.pipelineID), .int(l.stageID), Record.optional(l.outcome?.rawValue),
            Record.optional(l.outcomeReason), .bool(l.fire), Record.optional(l.dealID), .json(.object(l.custom)),
        ]
    }

    static let dealFields = [
        "id", "created_at", "title", "company_id", "contact_ids", "owner_id", "pipeline_id", "stage_id",
        "amount", "currency", "expected_profit", "expected_close", "probability_override", "probability_reason",
        "lost_reason", "postponed_until", "lead_id", "referral", "tender", "tender_cost",
        "tags", "custom", "need_described", "need_text", "budget_status", "budget_amount", "deadline",
        "stage_entered_at", "closed_at", "grade", "decision_maker_reached", "economics_exception", "economics_exception_reason",
    ]

    static func deal(_ d: Deal) -> [FieldValue] {
        [
            .int(d.id), Record.optional(d.createdAt), .text(d.title), .int(d.companyID), Record.idList(d.contactIDs),
            Record.optional(d.ownerID), .int(d.pipelineID), .int(d.stageID),
            .int(d.amount), .text(d.currency), Record.optional(d.expectedProfit), Record.optional(d.expectedClose),
            Record.optional(d.probabilityOverride), Record.optional(d.probabilityReason),
            Record.optional(d.lostReason), Record.optional(d.postponedUntil), Record.optional(d.leadID), .bool(d.referral),
            .bool(d.tender), Record.optional(d.tenderCost),
            Record.list(d.tags), .json(.object(d.custom)), Record.optional(d.needDescribed), Record.optional(d.needText),
            .text(d.budgetStatus.rawValue), Record.optional(d.budgetAmount), Record.optional(d.deadline),
            Record.optional(d.stageEnteredAt), Record.optional(d.closedAt), .text(d.grade.rawValue), .bool(d.decisionMakerReached),
            Record.optional(d.economicsException?.rawValue), Record.optional(d.economicsExceptionReason),
        ]
    }

    static let activityFields = ["id", "kind", "subject", "body", "due_at", "done_at", "deal_id", "lead_id", "company_id", "owner_id"]

    static func activity(_ a: Activity) -> [FieldValue] {
        [
            .int(a.id), .text(a.kind.rawValue), Record.optional(a.subject), Record.optional(a.body), Record.optional(a.dueAt),
            Record.optional(a.doneAt), Record.optional(a.dealID), Record.optional(a.leadID), Record.optional(a.companyID),
            Record.optional(a.ownerID),
        ]
    }
}

/// A kind's record with every field present (null) and where each field sits in its dictionary: records built from it
/// share the layout, so fields are set by position, without hashing their names (most of the demo's work otherwise).
final class RecordLayout: @unchecked Sendable { // immutable after init; Dictionary.Index is not marked Sendable
    typealias Slot = Dictionary<String, FieldValue>.Index

    let kind: EntityKind
    /// The kind's field names, in field order.
    let names: [String]
    let order: FieldOrder
    private let template: [String: FieldValue]
    private let slots: [Slot]
    /// For each written name (in the order given), its position among `names`, or nil for a name that is no field.
    private let written: [Int?]
    /// The written values' indices by position, so that the creation's changes come out in field order.
    private let writeOrder: [Int]

    init(_ kind: EntityKind, writes: [String]) {
        self.kind = kind
        let names = kind.fields.map(\.name)
        self.names = names
        order = FieldOrder(names)
        var template: [String: FieldValue] = [:]
        for name in names { template[name] = .null }
        self.template = template
        slots = names.map { template.index(forKey: $0)! }
        let written = writes.map { name in names.firstIndex(of: name) }
        self.written = written
        writeOrder = written.indices.compactMap { i in written[i].map { (i, $0) } }.sorted { $0.1 < $1.1 }.map { $0.0 }
    }

    /// The record of these values (given in the order of `writes`) and its creation's changes.
    func make(_ values: [FieldValue]) -> (Record, [FieldChange]) {
        var dictionary = template
        var changes: [FieldChange] = []
        changes.reserveCapacity(values.count)
        for i in writeOrder where i < values.count {
            guard let position = written[i] else { continue }
            let value = values[i]
            dictionary.values[slots[position]] = value
            if !value.isNull, position != order.createdAt, position != order.updatedAt {
                changes.append(FieldChange(field: names[position], old: .null, new: value))
            }
        }
        return (Record(dictionary), changes)
    }

    /// Where a field sits: its position among the kind's fields and its slot in the dictionary.
    func slot(_ name: String) -> (position: Int, slot: Slot)? {
        let position = order.index(name)
        return position < names.count ? (position, slots[position]) : nil
    }

    static let lead = RecordLayout(.lead, writes: DemoRecords.leadFields)
    static let deal = RecordLayout(.deal, writes: DemoRecords.dealFields)
    static let activity = RecordLayout(.activity, writes: DemoRecords.activityFields)
}

extension DemoHistory {
    /// Creates a record from values given in the layout's order, and journals the creation.
    init(_ layout: RecordLayout, _ values: [FieldValue], at: Double, actor: Int64?, journal: inout [JournalEntry]) {
        let (record, changes) = layout.make(values)
        self.init(layout.kind, record, at: at, actor: actor, changes: changes, journal: &journal)
        self.layout = layout
    }
}
