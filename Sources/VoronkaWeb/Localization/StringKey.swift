/// Every sentence and label of the interface; `Strings` holds each in English and in Russian.
///
/// `{name}` in a text is a placeholder that `Localizer.callAsFunction(_:_:)` fills.
public enum StringKey: String, CaseIterable, Sendable {
    // Shell
    case appName, skipToContent, mainNavigation, navLeads, navPipeline, navCompanies, navDashboards, navSettings
    case signOut, signedInAs, languageSwitch
    // Common
    case yes, no, unknown, notSet, save, add, required, optional, formErrors
    case owner, unassigned, source, company, contact, amount, currency, stage, pipeline, grade, ungraded, title, name
    case email, phone, position, createdAt, notes, tags, ago
    // Login and first start
    case loginTitle, password, signIn, loginInvalid, loginLocked, loginExpired
    case setupTitle, setupIntro, passwordRepeat, passwordHint, interfaceLanguage, createAdmin
    case setupNameMissing, setupEmailInvalid, setupEmailTaken, setupPasswordShort, setupPasswordsDiffer
    // Lead inbox
    case inboxTitle, inboxEmpty, leadNumber, received, request, noRequest, unknownCompany, hotLead
    case timerWithin, timerOverdue, timerAnswered, timerAnsweredLate
    case suggestion, decided, notTriaged, reasons, leadActions
    case actionTriage, actionConvert, actionNurture, actionJunk
    case outcomeDeal, outcomeNurture, outcomeJunk
    case reasonOptional, reasonRequired, overrideHint
    case sourceWebForm, sourcePhone, sourceEmail, sourceReferral, sourceEvent, sourceOutbound, sourceReactivation, sourceImport
    case verdictPass, verdictFail, verdictUnknown
    // Pipeline board
    case pipelines, boardRegion, columnSum, columnWeighted, probability, gatedStage, noDeals, inStage, stalled
    case moveTo, move, moveRefused, refusalNeed, refusalBudget, refusalDeadline, refusalDecisionMaker, dragHint, dealNumber
    case stageOpen, stageWon, stageLost, stagePostponed
    // Deal page
    case details, expectedProfit, expectedClose, budgetStatus, budgetUnknown, budgetCollecting, budgetAllocated
    case budgetAmount, deadline, needDescribed, needText, tender, tenderCost, referral, lostReason, postponedUntil
    case stageEnteredAt, closedAt
    case buyingCentre, noContacts, notCovered
    case contactRoles, roleEconomicBuyer, roleTechnical, roleUser, roleDecisionMaker, roleProcurementOnly, roleUnknown
    case checklist, checklistSummary
    case economics, economicsAbove, economicsBelow, economicsExcused, economicsUnknown, exceptionLargeBuyer, exceptionTrial
    case probabilityManual, weightedValue
    case timeline, timelineEmpty, timelineStage, timelineCreatedIn, timelineProtocol, timelineChange, systemActor
    case activityCall, activityMeeting, activityEmail, activityNote, activityTask
    case addActivity, activityKind, subject, body, dueAt, done, dueOn, doneOn
    case editDeal, probabilityOverride, probabilityReason, economicsExceptionKind, economicsExceptionReason, noException
    // Company page
    case taxID, industry, segment, annualRevenue, headcount, attributes, contacts, deals
    case purchaseHistory, purchaseHistoryDescription, noPurchases, yearlyBuyer, yearlyBuyerHint, yearlyBuyerNext
    // Charts
    case chartNoData, chartImmature, chartNoValue, chartOfPrevious, chartData
}
