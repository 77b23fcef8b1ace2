import Foundation
import VoronkaCore

/// A company as read from a file, or implied by a deal, lead or contact that names it.
public struct ImportedCompany: Hashable, Sendable {
    public var key: CompanyKey
    public var sourceID: String?
    public var name: String
    public var taxID: String?
    public var industry: String?
    /// In minor units of `currency`.
    public var annualRevenue: Int64?
    public var currency: String
    public var headcount: Int64?
    public var ownerName: String?
    public var email: String?
    public var phone: String?
    public var source: String?
    public var createdAt: Date?
    public var custom: [String: String]
    /// Whether only other rows name it (no companies file has it).
    public var implied: Bool
    public var location: SourceLocation
}

/// A person at a company.
public struct ImportedContact: Hashable, Sendable {
    public var sourceID: String?
    public var name: String
    public var company: CompanyRef
    /// Set by `ImportPlan` once companies are resolved.
    public var companyKey: CompanyKey?
    public var email: String?
    public var phone: String?
    public var position: String?
    public var ownerName: String?
    public var createdAt: Date?
    public var custom: [String: String]
    public var location: SourceLocation
}

/// An inbound request.
public struct ImportedLead: Hashable, Sendable {
    public var sourceID: String
    /// Whether `sourceID` was derived from the row's contents because the file has no id column.
    public var derivedID: Bool
    public var receivedAt: Date
    /// The kind of source the channel's words suggest (a web form, a call…), nil when they suggest none.
    public var source: LeadSource?
    /// The channel as written (after the value map), matched to a channel or made one when the import is written.
    public var channel: String?
    public var requestText: String?
    public var contactName: String?
    public var email: String?
    public var phone: String?
    public var company: CompanyRef
    public var companyKey: CompanyKey?
    public var ownerName: String?
    public var pipelineName: String?
    public var stageName: String?
    public var outcome: ImportedOutcome
    public var closedAt: Date?
    public var lostReason: String?
    public var dealSourceID: String?
    public var productName: String?
    public var custom: [String: String]
    /// UTM tags and the landing page, by the lead's field name ("utm_source", "landing_page").
    public var attribution: [String: String] = [:]
    public var location: SourceLocation
}

/// A sales opportunity.
public struct ImportedDeal: Hashable, Sendable {
    public var sourceID: String
    public var derivedID: Bool
    public var title: String
    public var company: CompanyRef
    public var companyKey: CompanyKey?
    public var contactName: String?
    public var contactEmail: String?
    public var contactPhone: String?
    public var ownerName: String?
    /// Nil when the file names none and the mapping has no default: the import's target pipeline.
    public var pipelineName: String?
    public var stageName: String
    public var outcome: ImportedOutcome
    /// No stage was named (no column, no constant): the outcome places the deal (won or lost stage, else the first
    /// open stage of its pipeline); `stageName` is empty.
    public var stageFromOutcome: Bool = false
    /// In minor units of `currency`; 0 when the file has no amount.
    public var amount: Int64
    public var currency: String
    public var createdAt: Date?
    /// Only for won and lost deals; an open deal's close date becomes `expectedClose`.
    public var closedAt: Date?
    public var expectedClose: Day?
    public var lostReason: String?
    public var leadSourceID: String?
    public var source: LeadSource?
    /// The lead channel as written (after the value map).
    public var channel: String?
    public var productName: String?
    /// What the export says of the deal's qualification: the need in words, the allocated budget in minor units of
    /// `currency`, the deadline. The import grades the deal from them with `Grading`'s rule.
    public var needText: String?
    public var budgetAmount: Int64?
    public var deadline: Day?
    public var custom: [String: String]
    public var location: SourceLocation

    /// Whether the export carries anything the grade rests on.
    public var hasQualification: Bool { needText != nil || budgetAmount != nil || deadline != nil }
}

/// A deal entering a stage at a time.
public struct ImportedStageEvent: Hashable, Sendable {
    public var dealSourceID: String
    public var pipelineName: String?
    public var stageName: String
    public var enteredAt: Date
    public var ownerName: String?
    public var location: SourceLocation
}

/// A sales person, with their manager and team.
public struct ImportedUser: Hashable, Sendable {
    public var name: String
    public var email: String?
    public var managerName: String?
    public var team: String?
    /// Whether only other rows name them (a manager, or an owner no users file lists).
    public var implied: Bool
    public var location: SourceLocation
}

/// An item of the catalog.
public struct ImportedProduct: Hashable, Sendable {
    public var name: String
    public var category: String?
    /// In minor units of `currency`.
    public var price: Int64?
    public var currency: String
    public var location: SourceLocation
}

/// One row of any kind, as `ImportParser` passes them on.
public enum ImportedRow: Hashable, Sendable {
    case company(ImportedCompany)
    case contact(ImportedContact)
    case lead(ImportedLead)
    case deal(ImportedDeal, [ImportedStageEvent])
    case stageEvent(ImportedStageEvent)
    case user(ImportedUser)
    case product(ImportedProduct)
}
