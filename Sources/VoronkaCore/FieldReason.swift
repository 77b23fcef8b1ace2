/// What is wrong with a field, as a code and the values it names. The API shows `english`; an interface in another
/// language looks the code up in its own texts, so that no one has to match English sentences.
public enum FieldReason: Hashable, Sendable, Codable {
    // Input checks of every record (`RecordInput`, `JSONObjectReader`)
    case required
    case requiredNotNull
    case notAField
    case readOnly
    case notEmpty
    /// `got` is the rejected value as the API quotes it (`"abc"`, `12.5`, `array`).
    case wholeNumber(got: String)
    case number(got: String)
    case amount(got: String)
    case amountDecimals
    /// An amount with more decimals than its currency's minor unit allows (`digits`: 0 for JPY, 3 for KWD).
    case currencyDecimals(currency: String, digits: Int)
    case amountAtLeastZero
    case string(got: String)
    case trueOrFalse(got: String)
    case positiveID
    case between(min: String, max: String)
    case wholeNumberBetween(min: String, max: String)
    case maxLength(Int)
    case oneOf([String])
    case dateTime
    case day
    /// A date or time outside `Day.supportedYears`.
    case dateOutOfRange(min: String, max: String)
    /// A search text longer than the searches accept.
    case searchTooLong(max: Int)
    case stringArray
    case email
    case currency([String])
    case notNegative
    // Rules that need other records (`RecordRules`)
    case noRecord(kind: String, id: Int64)
    case userDeactivated(id: Int64)
    case teamOnly
    case emailTaken(String)
    case managerLoop(id: Int64)
    case ownManager
    case cannotDeactivateSelf
    case cannotDemoteSelf
    case lostReasonRequired(stage: String)
    case postponedUntilRequired
    case stageNotInPipeline(stage: String, stageID: Int64, pipeline: String, pipelineID: Int64)
    case pipelineOfOtherKind(pipeline: String, id: Int64, kind: String, wanted: String)
    case stageStaysInPipeline
    case contactAtOtherCompany(id: Int64, company: Int64)
    // Entity rules
    case tenderCostWithoutTender
    case allocatedBudgetPositive
    case firstResponseBeforeReceived
    case referralNamesReferrer
    case leadNeedsContent
    case activityNeedsLink
    case phone
    case taxIDCharacters
    case attributeKey
    case notDefinedAttribute
    case attributeType(String)
    case attributesObject
    case attributeValueKind(key: String, got: String)
    case idArray
    case positiveIDArray
    case valueNotAllowed(value: String, allowed: [String])
    case taxIDTaken(String)
    case duplicateEntry(String)
    case stageNameTaken(String)
    case channelNameTaken(String)
    case channelMergedIntoItself
    case channelMergeLoop(id: Int64)
    case channelHasLeads(Int64)
    case activityNeedsContent
    case leadAlreadyDecided(String)
    case leadNotDecided
    case leadDealMoved(Int64)
    case tooManyEntries(max: Int)
    case attributeExists(entity: String, key: String)
    case companyHasDeals(Int64)
    case stageHasRecords(Int64)
    case pipelineHasRecords(Int64)
    case cannotDeleteSelf
    case mustBeLater(than: String)
    case limitRange(max: Int)
    case notSortable(name: String, sortable: [String])
    case noSearch
    case notACursor
    case wonStageProbability
    case lostStageProbability
    case probabilityReasonRequired
    case exceptionReasonRequired(kind: String)
    case taskDueTime
    // Settings
    case notKnownSetting(known: [String])
    case notKnownKey(known: [String])
    case audienceField
    case atLeastOneValue
    case leaveOut(op: String)
    case operatorMismatch(field: String, kind: String)
    // Accounts and tokens
    case passwordTooShort(min: Int)
    case passwordTooLong(max: Int)
    case tokenName(max: Int)
    case currentPasswordRequired
    case currentPasswordWrong

    /// The reason in English, as the API reports it.
    public var english: String {
        switch self {
        case .required: "is required"
        case .requiredNotNull: "is required and cannot be null"
        case .notAField: "is not a field of this record"
        case .readOnly: "is read-only"
        case .notEmpty: "must not be empty"
        case .wholeNumber(let got): "must be a whole number, got \(got)"
        case .number(let got): "must be a number, got \(got)"
        case .amount(let got): "must be an amount (a number), got \(got)"
        case .amountDecimals: "must be an amount with at most two decimals"
        case .currencyDecimals(let currency, let digits):
            digits == 0 ? "must be a whole amount: \(currency) has no minor unit" : "must be an amount with at most \(digits) decimals in \(currency)"
        case .amountAtLeastZero: "must be an amount of at least 0 with at most two decimals"
        case .string(let got): "must be a string, got \(got)"
        case .trueOrFalse(let got): got.isEmpty ? "must be true or false" : "must be true or false, got \(got)"
        case .positiveID: "must be a positive id"
        case .between(let min, let max): "must be between \(min) and \(max)"
        case .wholeNumberBetween(let min, let max): "must be a whole number from \(min) to \(max)"
        case .maxLength(let n): "must be at most \(n) characters"
        case .oneOf(let allowed): "must be one of: \(allowed.joined(separator: ", "))"
        case .dateTime: "must be a date-time in ISO 8601 form, such as 2026-03-01T09:30:00Z"
        case .day: "must be a date in the form yyyy-MM-dd"
        case .dateOutOfRange(let min, let max): "must be a date from \(min) to \(max)"
        case .searchTooLong(let max): "must be at most \(max) characters (a search is a name, a word or a number)"
        case .stringArray: "must be an array of strings"
        case .email: "is not an email address"
        case .currency: "is not a known currency code (ISO 4217: three capital letters, such as RUB, USD, EUR, JPY)"
        case .notNegative: "must not be negative"
        case .noRecord(let kind, let id): "no \(kind) with id \(id)"
        case .userDeactivated(let id): "user \(id) is deactivated"
        case .teamOnly: "you can assign records only to yourself or your team"
        case .emailTaken(let email): "another user already has the email \(email)"
        case .managerLoop(let id): "user \(id) reports to this user; the hierarchy cannot loop"
        case .ownManager: "a user cannot be their own manager"
        case .cannotDeactivateSelf: "you cannot deactivate your own account"
        case .cannotDemoteSelf: "you cannot take the admin role from your own account"
        case .lostReasonRequired(let stage): "is required to move a deal to the lost stage \(stage)"
        case .postponedUntilRequired: "is required to postpone a deal (the date to re-check it)"
        case .stageNotInPipeline(let stage, let stageID, let pipeline, let pipelineID):
            "stage \(stageID) (\(stage)) is not a stage of pipeline \(pipelineID) (\(pipeline))"
        case .pipelineOfOtherKind(let pipeline, let id, let kind, let wanted):
            "pipeline \(id) (\(pipeline)) is a \(kind) pipeline, not a \(wanted) pipeline"
        case .stageStaysInPipeline: "a stage cannot move to another pipeline; create a new stage there"
        case .contactAtOtherCompany(let id, let company): "contact \(id) works at another company than the deal's (\(company))"
        case .tenderCostWithoutTender: "is only kept for a tender (set tender to true)"
        case .allocatedBudgetPositive: "an allocated budget is above zero"
        case .firstResponseBeforeReceived: "cannot be before received_at"
        case .referralNamesReferrer: "a referral names the referring company or contact"
        case .leadNeedsContent: "a lead needs a request, a contact or a company"
        case .activityNeedsLink: "an activity is linked to a deal, a lead or a company"
        case .phone: "is not a phone number"
        case .taxIDCharacters: "may hold only letters, digits and dashes"
        case .attributeKey: "must be lowercase latin letters, digits and underscores, starting with a letter"
        case .notDefinedAttribute: "is not a defined attribute (define it under attribute_definitions first)"
        case .attributeType(let type): "must be a \(type)"
        case .attributesObject: "must be an object of attribute values"
        case .attributeValueKind(let key, let got): "attribute \(key) must be a number, text, flag or date, not \(got)"
        case .idArray: "must be an array of ids"
        case .positiveIDArray: "must be an array of positive ids"
        case .valueNotAllowed(let value, let allowed): "has \"\(value)\"; allowed: \(allowed.joined(separator: ", "))"
        case .taxIDTaken(let taxID): "another company already has tax id \(taxID)"
        case .duplicateEntry(let entry): "lists \(entry) twice"
        case .stageNameTaken(let name): "another stage of this pipeline is already called \(name)"
        case .channelNameTaken(let name): "another channel is already called \(name); merge the two instead"
        case .channelMergedIntoItself: "a channel cannot be merged into itself"
        case .channelMergeLoop(let id): "channel \(id) is merged into this one; merging back would make a loop"
        case .channelHasLeads(let n): "\(n) leads came through this channel; merge it into another instead"
        case .activityNeedsContent: "an activity needs a subject or a text"
        case .leadNotDecided: "the lead has no decision to undo"
        case .leadDealMoved(let id): "deal \(id) made from the lead has moved on or has activities; close it on its own page instead"
        case .leadAlreadyDecided(let outcome): "the lead is already decided (\(outcome)); a person's decision is not taken twice"
        case .tooManyEntries(let max): "must list at most \(max) entries"
        case .attributeExists(let entity, let key): "\(entity) already has an attribute \(key)"
        case .companyHasDeals(let n): "the company has \(n) live deals; delete or move them first"
        case .stageHasRecords(let n): "\(n) deals or leads are in this stage; move them first"
        case .pipelineHasRecords(let n): "\(n) deals or leads are in this pipeline; move them first"
        case .cannotDeleteSelf: "you cannot delete your own account"
        case .mustBeLater(let than): "must be later than now (\(than))"
        case .limitRange(let max): "must be a whole number from 1 to \(max)"
        case .notSortable(let name, let sortable): "cannot sort by \(name); sortable: \(sortable.joined(separator: ", "))"
        case .noSearch: "this list has no name to search"
        case .notACursor: "is not a cursor of this list (take next_cursor from the previous page, with the same sort)"
        case .wonStageProbability: "a won stage has probability 100"
        case .lostStageProbability: "a lost stage has probability 0"
        case .probabilityReasonRequired: "is required when probability_override is set"
        case .exceptionReasonRequired(let kind): "is required when claiming the exception \(kind)"
        case .taskDueTime: "a task has a due time"
        case .notKnownSetting(let known): "is not a known setting (known: \(known.joined(separator: ", ")))"
        case .notKnownKey(let known): "is not a known key (known: \(known.joined(separator: ", ")))"
        case .audienceField: "must be industry, segment, annual_revenue, headcount, source, tags or custom.<key>"
        case .atLeastOneValue: "must list at least one value"
        case .leaveOut(let op): "must be left out for \(op)"
        case .operatorMismatch(let field, "number"):
            "\(field) is a number: use greater, greater_or_equal, less, less_or_equal or equals with a number"
        case .operatorMismatch(let field, "text"): "\(field) is text: use equals with a string, or one_of"
        case .operatorMismatch(let field, _): "\(field) is a list: use contains or one_of"
        case .passwordTooShort(let min): "must be at least \(min) characters"
        case .passwordTooLong(let max): "must be at most \(max) characters (bcrypt's limit)"
        case .tokenName(let max): "is required: say what the token is for (at most \(max) characters)"
        case .currentPasswordRequired: "is required to change the password"
        case .currentPasswordWrong: "is not your current password"
        }
    }
}

extension FieldReason {
    /// The refusal of a date or time outside the supported years.
    public static var dateOutOfRange: FieldReason {
        .dateOutOfRange(min: Day.firstSupported.description, max: Day.lastSupported.description)
    }
}
