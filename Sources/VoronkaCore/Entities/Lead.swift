import Foundation

/// Where an inbound request came from.
public enum LeadSource: String, Sendable, Codable, CaseIterable {
    case webForm = "web_form"
    case phone, email, referral, event, outbound
    case reactivation
    case `import`
}

/// What triage decided for a lead.
public enum LeadOutcome: String, Sendable, Codable, CaseIterable {
    case deal, nurture, junk
}

/// An inbound request, before it is triaged into a deal, a nurture company or junk.
public struct Lead: Entity, Hashable {
    public static let kind = EntityKind.lead
    public static let ownerField: String? = "owner_id"
    public static let sortable = ["id", "created_at", "updated_at", "received_at"]
    public static let fields: [FieldSpec] = FieldSpec.system + [
        FieldSpec("received_at", .timestamp, required: true),
        .enumeration("source", LeadSource.self, required: true, default: .webForm),
        FieldSpec("channel_id", .id, references: .channel),
        FieldSpec("referrer_company_id", .id, references: .company),
        FieldSpec("referrer_contact_id", .id, references: .contact),
        FieldSpec("request_text", .text, maxLength: 20_000),
        FieldSpec("requested_product_ids", .json, required: true, default: .json(.array([])), shape: .ids),
        FieldSpec("contact_name", .text, maxLength: 300),
        FieldSpec("contact_email", .text, maxLength: 320),
        FieldSpec("contact_phone", .text, maxLength: 64),
        FieldSpec("company_name", .text, maxLength: 300),
        FieldSpec("company_id", .id, references: .company),
        FieldSpec("contact_id", .id, references: .contact),
        FieldSpec("owner_id", .id, references: .user),
        FieldSpec("first_response_at", .timestamp),
        FieldSpec("pipeline_id", .id, required: true, references: .pipeline),
        FieldSpec("stage_id", .id, required: true, references: .stage),
        .enumeration("outcome", LeadOutcome.self),
        FieldSpec("outcome_reason", .text, maxLength: 2000),
        FieldSpec("fire", .bool, required: true, default: .bool(false)),
        FieldSpec("deal_id", .id, references: .deal),
        FieldSpec("triage", .json, writable: false),
        FieldSpec("custom", .json, required: true, default: .json(.object([:])), shape: .attributes),
        FieldSpec("utm_source", .text, maxLength: 500),
        FieldSpec("utm_medium", .text, maxLength: 500),
        FieldSpec("utm_campaign", .text, maxLength: 500),
        FieldSpec("utm_term", .text, maxLength: 500),
        FieldSpec("utm_content", .text, maxLength: 500),
        FieldSpec("landing_page", .text, maxLength: 2000),
    ]

    public var id: Int64
    public var receivedAt: Date
    public var source: LeadSource
    /// The marketing channel (a `LeadChannel`); a lead created without one gets its source's channel.
    public var channelID: Int64?
    public var referrerCompanyID: Int64?
    public var referrerContactID: Int64?
    public var requestText: String?
    public var requestedProductIDs: [Int64]
    public var contactName: String?
    public var contactEmail: String?
    public var contactPhone: String?
    public var companyName: String?
    public var companyID: Int64?
    public var contactID: Int64?
    public var ownerID: Int64?
    public var firstResponseAt: Date?
    public var pipelineID: Int64
    public var stageID: Int64
    public var outcome: LeadOutcome?
    public var outcomeReason: String?
    public var fire: Bool
    public var dealID: Int64?
    /// The last triage: who decided, the outcome and the reasons (written by the server).
    public var triage: JSONValue?
    /// Custom attributes (typed by the definitions for "lead").
    public var custom: [String: JSONValue] = [:]
    /// Where the lead came from, as the web analytics tag it, and the page it arrived on.
    public var utmSource: String?, utmMedium: String?, utmCampaign: String?, utmTerm: String?, utmContent: String?
    public var landingPage: String?

    public init(id: Int64 = 0, receivedAt: Date, source: LeadSource, referrerCompanyID: Int64? = nil, referrerContactID: Int64? = nil,
                requestText: String? = nil, requestedProductIDs: [Int64] = [], contactName: String? = nil, contactEmail: String? = nil,
                contactPhone: String? = nil, companyName: String? = nil, companyID: Int64? = nil, contactID: Int64? = nil,
                ownerID: Int64? = nil, firstResponseAt: Date? = nil, pipelineID: Int64, stageID: Int64,
                outcome: LeadOutcome? = nil, outcomeReason: String? = nil, fire: Bool = false, dealID: Int64? = nil) {
        self.id = id; self.receivedAt = receivedAt; self.source = source; self.referrerCompanyID = referrerCompanyID
        self.referrerContactID = referrerContactID; self.requestText = requestText; self.requestedProductIDs = requestedProductIDs
        self.contactName = contactName; self.contactEmail = contactEmail; self.contactPhone = contactPhone
        self.companyName = companyName; self.companyID = companyID; self.contactID = contactID; self.ownerID = ownerID
        self.firstResponseAt = firstResponseAt; self.pipelineID = pipelineID; self.stageID = stageID
        self.outcome = outcome; self.outcomeReason = outcomeReason; self.fire = fire; self.dealID = dealID
    }

    public init(record r: Record) {
        id = r.int("id") ?? 0
        receivedAt = r.time("received_at") ?? Date(timeIntervalSince1970: 0)
        source = r.enumValue("source", LeadSource.self) ?? .webForm
        channelID = r.int("channel_id")
        referrerCompanyID = r.int("referrer_company_id")
        referrerContactID = r.int("referrer_contact_id")
        requestText = r.text("request_text")
        requestedProductIDs = r.ids("requested_product_ids")
        contactName = r.text("contact_name")
        contactEmail = r.text("contact_email")
        contactPhone = r.text("contact_phone")
        companyName = r.text("company_name")
        companyID = r.int("company_id")
        contactID = r.int("contact_id")
        ownerID = r.int("owner_id")
        firstResponseAt = r.time("first_response_at")
        pipelineID = r.int("pipeline_id") ?? 0
        stageID = r.int("stage_id") ?? 0
        outcome = r.enumValue("outcome", LeadOutcome.self)
        outcomeReason = r.text("outcome_reason")
        fire = r.bool("fire") ?? false
        dealID = r.int("deal_id")
        triage = r.json("triage")
        if case .object(let o)? = r.json("custom") { custom = o }
        utmSource = r.text("utm_source"); utmMedium = r.text("utm_medium"); utmCampaign = r.text("utm_campaign")
        utmTerm = r.text("utm_term"); utmContent = r.text("utm_content"); landingPage = r.text("landing_page")
    }

    public var record: Record {
        Record([
            "id": .int(id), "received_at": .time(receivedAt), "source": .text(source.rawValue),
            "channel_id": Record.optional(channelID),
            "referrer_company_id": Record.optional(referrerCompanyID), "referrer_contact_id": Record.optional(referrerContactID),
            "request_text": Record.optional(requestText), "requested_product_ids": Record.idList(requestedProductIDs),
            "contact_name": Record.optional(contactName), "contact_email": Record.optional(contactEmail?.lowercased()),
            "contact_phone": Record.optional(contactPhone), "company_name": Record.optional(companyName),
            "company_id": Record.optional(companyID), "contact_id": Record.optional(contactID), "owner_id": Record.optional(ownerID),
            "first_response_at": Record.optional(firstResponseAt), "pipeline_id": .int(pipelineID), "stage_id": .int(stageID),
            "outcome": Record.optional(outcome?.rawValue), "outcome_reason": Record.optional(outcomeReason),
            "fire": .bool(fire), "deal_id": Record.optional(dealID), "triage": triage.map(FieldValue.json) ?? .null,
            "custom": .json(.object(custom)), "utm_source": Record.optional(utmSource), "utm_medium": Record.optional(utmMedium),
            "utm_campaign": Record.optional(utmCampaign), "utm_term": Record.optional(utmTerm), "utm_content": Record.optional(utmContent),
            "landing_page": Record.optional(landingPage),
        ])
    }

    public func validate() -> [FieldError] {
        var errors = Rules.email(contactEmail, field: "contact_email")
        if let first = firstResponseAt, first < receivedAt {
            errors.append(FieldError("first_response_at", .firstResponseBeforeReceived))
        }
        if source == .referral, referrerCompanyID == nil, referrerContactID == nil {
            errors.append(FieldError("referrer_company_id", .referralNamesReferrer))
        }
        if (requestText ?? "").isEmpty, (contactName ?? "").isEmpty, (companyName ?? "").isEmpty, companyID == nil, contactEmail == nil, contactPhone == nil {
            errors.append(FieldError("request_text", .leadNeedsContent))
        }
        return errors
    }
}
