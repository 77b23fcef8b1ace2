/// Every sentence and label of the interface; `Strings` holds each in English and in Russian.
///
/// `{name}` in a text is a placeholder that `Localizer.callAsFunction(_:_:)` fills.
public enum StringKey: String, CaseIterable, Sendable {
    // Shell
    case appName, skipToContent, mainNavigation, navLeads, navPipeline, navCompanies, navDashboards, navSettings
    case signOut, signedInAs, languageSwitch
    // Common
    case yes, no, unknown, notSet, save, add, required, optional, formErrors
    case owner, unassigned, source, company, contact, amount, currency, stage, pipeline, grade, ungraded, title, dealTitle, name
    case email, phone, position, createdAt, notes, tags, ago
    // Login and first start
    case loginTitle, password, currentPassword, signIn, loginInvalid, loginLocked, loginExpired
    case setupTitle, setupIntro, passwordRepeat, passwordHint, interfaceLanguage, createAdmin
    case setupNameMissing, setupEmailInvalid, setupEmailTaken, setupPasswordShort, setupPasswordsDiffer
    // Lead inbox
    case inboxTitle, inboxEmpty, leadNumber, received, request, noRequest, unknownCompany, hotLead
    case pagerLabel, pagerRange, pagerPrevious, pagerNext, pagerSize
    case inboxPages, inboxShowing, inboxNewer, inboxOlder, inboxPageSize, inboxShow
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
    case actionNewLead, actionNewDeal, actionNewContact, actionAddContact, actionEdit, showAllInStage
    case buyingCentre, buyingRoles, noContacts, notCovered
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
    // Dashboards
    case dashAll, dashAllComplete, dashAnomaly, dashAnomalyHint, dashAnswered, dashApply, dashAsOf, dashAverageWon, dashBaseline
    case dashBreaches, dashBrierConfigured, dashBrierHint, dashBrierLearned, dashByField, dashByMonth, dashByMonthSummary
    case dashByOwner, dashCalibration, dashChange, dashClosedDeals, dashCohort, dashCohortTable, dashCohorts, dashCohortsSummary
    case dashComplete, dashCompleteness, dashConfigured, dashConfiguredCount, dashConfiguredObserved, dashConversion
    case dashConversionPercent, dashCurve, dashCurveSummary, dashCycle, dashDayUnit, dashDaysAxis, dashDaysInStage
    case dashDaysSinceLead, dashEstimate, dashExpected, dashField, dashFilledShare, dashFilters, dashForecast, dashFrom
    case dashFunnel, dashGrowth, dashHoursShort, dashLeads, dashLearned, dashLearnedCount, dashLearnedHint, dashLearnedObserved
    case dashLeastComplete, dashLeftOut, dashLimit, dashLimitExpected, dashLimitP80, dashBand, dashMatureLeads, dashMaturityNote
    case dashMedian, dashMissing, dashMonth, dashMore, dashNToOne, dashNoData, dashNoHistory, dashNoStalled, dashNoViolations
    case dashOpenAmount, dashOpenDeals, dashOverdue, dashP80, dashP90, dashP95, dashPerDay, dashPoints, dashPredicted
    case dashPredictions, dashQualification, dashQualified, dashQuality, dashQuarter, dashQuarterColumn, dashReactivated
    case dashReferrals, dashReliability, dashRescued, dashRescuedHint, dashRescuedLeads, dashReset, dashResponse, dashResponseHint
    case dashSections, dashSinceUpdate, dashStageConversion, dashStageFunnelSummary, dashStageProbabilities, dashStages
    case dashStalled, dashStatus, dashTarget, dashTeam, dashThisYear, dashTimeInStage, dashTimeInStageSummary, dashTo
    case dashUncontrolled, dashUncontrolledHint, dashUnderMinimum, dashUnderMinimumHint, dashUnqualified, dashUnqualifiedHint
    case dashUnscheduled, dashUntouchedAfter, dashVelocity, dashVelocityHint, dashVelocityTrend, dashVelocityTrendSummary
    case dashVisits, dashWeightedConfigured, dashWeightedLearned, dashWinRate, dashWithinChance, dashWon, dashWonAmount
    case dashYearBefore, dashYearOverYear, dashFilterSummary, dashNoDateShort
    // Settings
    case setActive, setActiveUser, setAddPipeline, setAddProduct, setAddRule, setAddStage, setAddToken, setAddUser, setAudience
    case setAudienceHint, setCatalog, setCatalogHint, setCategory, setCreate, setDealsPerMonth, setDelete, setDeleteRule
    case setEconomics, setEconomicsHint, setEditUser, setEntryRule, setEntryRuleHint, setExpectedDays, setExpectedDaysHint
    case setFixedMinimum, setFixedMinimumHint, setGate, setInactive, setInitialPassword, setInitialPasswordHint, setKeywords
    case setKeywordsHint, setLastUsed, setManager, setMinimumProfit, setMonthlyCosts, setNameRu, setNeverUsed, setNoManager
    case setNoPipelines, setNoProducts, setNoRules, setNoStages, setNoTokens, setOpContains, setOpEquals, setOpGreater
    case setOpGreaterOrEqual, setOpIsFalse, setOpIsTrue, setOpLess, setOpLessOrEqual, setOpOneOf, setPipelineDeals
    case setPipelineForm, setPipelineKind, setPipelineLeads, setPipelines, setPosition, setPrice, setProbability, setProductForm
    case setRevoke, setRevokeToken, setRevoked, setRole, setRoleAccountManager, setRoleAdmin, setRoleHeadOfSales
    case setRoleProjectManager, setRoleSalesRep, setRuleField, setRuleForm, setRuleLabel, setRuleLabelRu, setRuleOperator
    case setRuleUnit, setRuleValue, setRuleValueHint, setSections, setStageForm, setStageKind, setStages, setStatus
    case setTokenCreated, setTokenNameHint, setTokenOnce, setTokenPrefix, setTokenSecret, setTokenUser, setTokens, setTokensHint
    case setUnitCost, setUsers, setUsersHint, setCompany, setTimeZone, setTimeZoneHint, setLostReasons, setLostReasonsHint
    case setNoticeAdded, setNoticeSaved, setNoticeDeleted, setNoticeRevoked, setNoticePasswordReset
    case setResetPassword, setResetPasswordOf, setResetPasswordHint, setPasswordResetFor, setOneTimePassword, setPasswordOnce
    // Field errors: the reasons of `FieldReason`
    case errRequired, errRequiredNotNull, errNotAField, errReadOnly, errNotEmpty, errWholeNumber, errNumber, errAmount
    case errAmountDecimals, errAmountAtLeastZero, errString, errTrueOrFalse, errPositiveID, errBetween, errWholeNumberBetween
    case errMaxLength, errMinLength, errOneOf, errDateTime, errDay, errDateOutOfRange, errStringArray, errEmail, errCurrency, errNotNegative
    case errNoRecord, errUserDeactivated, errTeamOnly, errEmailTaken, errManagerLoop, errOwnManager, errCannotDeactivateSelf
    case errCannotDemoteSelf, errLostReasonRequired, errPostponedUntilRequired, errStageNotInPipeline, errLeadPipeline, errDealPipeline,
        errStageStaysInPipeline, errContactAtOtherCompany, errNotKnownKey,
        errTenderCostWithoutTender, errAllocatedBudgetPositive, errFirstResponseBeforeReceived, errReferralNamesReferrer, errLeadNeedsContent, errActivityNeedsLink, errPhone, errTaxIDCharacters, errAttributeKey, errNotDefinedAttribute, errAttributeType, errAttributesObject, errAttributeValueKind, errIDArray, errValueNotAllowed, errTaxIDTaken, errDuplicateEntry, errStageNameTaken, errChannelNameTaken, errCurrencyWhole, errCurrencyDecimals, errChannelMergedIntoItself, errChannelMergeLoop, errChannelHasLeads, errActivityNeedsContent, errLeadAlreadyDecided, errLeadNotDecided, errLeadDealMoved, errTooManyEntries, errAttributeExists, errCompanyHasDeals, errStageHasRecords, errPipelineHasRecords, errCannotDeleteSelf, errMustBeLater, errNotSortable, errNoSearch, errNotACursor, errWonStageProbability, errLostStageProbability
    case errProbabilityReasonRequired, errExceptionReasonRequired, errTaskDueTime, errNotKnownSetting, errAudienceField
    case errAtLeastOneValue, errLeaveOut, errOperatorNumber, errOperatorText, errOperatorList, errTokenName, errOther
    case errCurrentPasswordRequired, errCurrentPasswordWrong
}
