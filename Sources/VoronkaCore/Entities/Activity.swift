import Foundation

/// The kinds of work logged against a deal, lead or company.
public enum ActivityKind: String, Sendable, Codable, CaseIterable {
    case call, meeting, email, note, task
}

/// A call, meeting, email, note or task.
public struct Activity: Entity, Hashable {
    public static let kind = EntityKind.activity
    public static let ownerField: String? = "owner_id"
    public static let sortable = ["id", "created_at", "updated_at", "due_at"]
    public static let fields: [FieldSpec] = FieldSpec.system + [
        .enumeration("kind", ActivityKind.self, required: true),
        FieldSpec("subject", .text, maxLength: 500),
        FieldSpec("body", .text, maxLength: 100_000),
        FieldSpec("due_at", .timestamp),
        FieldSpec("done_at", .timestamp),
        FieldSpec("deal_id", .id, references: .deal),
        FieldSpec("lead_id", .id, references: .lead),
        FieldSpec("company_id", .id, references: .company),
        FieldSpec("owner_id", .id, references: .user),
    ]

    public var id: Int64
    public var kind: ActivityKind
    public var subject: String?
    /// The text, or a meeting's protocol.
    public var body: String?
    public var dueAt: Date?
    public var doneAt: Date?
    public var dealID: Int64?
    public var leadID: Int64?
    public var companyID: Int64?
    public var ownerID: Int64?

    public init(id: Int64 = 0, kind: ActivityKind, subject: String? = nil, body: String? = nil, dueAt: Date? = nil, doneAt: Date? = nil,
                dealID: Int64? = nil, leadID: Int64? = nil, companyID: Int64? = nil, ownerID: Int64? = nil) {
        self.id = id; self.kind = kind; self.subject = subject; self.body = body; self.dueAt = dueAt; self.doneAt = doneAt
        self.dealID = dealID; self.leadID = leadID; self.companyID = companyID; self.ownerID = ownerID
    }

    public init(record r: Record) {
        id = r.int("id") ?? 0
        kind = r.enumValue("kind", ActivityKind.self) ?? .note
        subject = r.text("subject")
        body = r.text("body")
        dueAt = r.time("due_at")
        doneAt = r.time("done_at")
        dealID = r.int("deal_id")
        leadID = r.int("lead_id")
        companyID = r.int("company_id")
        ownerID = r.int("owner_id")
    }

    public var record: Record {
        Record(["id": .int(id), "kind": .text(kind.rawValue), "subject": Record.optional(subject), "body": Record.optional(body),
                "due_at": Record.optional(dueAt), "done_at": Record.optional(doneAt), "deal_id": Record.optional(dealID),
                "lead_id": Record.optional(leadID), "company_id": Record.optional(companyID), "owner_id": Record.optional(ownerID)])
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if dealID == nil, leadID == nil, companyID == nil {
            errors.append(FieldError("deal_id", .activityNeedsLink))
        }
        if kind == .task, dueAt == nil { errors.append(FieldError("due_at", .taskDueTime)) }
        func blank(_ s: String?) -> Bool { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if blank(subject), blank(body) { errors.append(FieldError("subject", .activityNeedsContent)) }
        return errors
    }
}
