import VoronkaCore

extension Localizer {
    /// A field error as a form shows it: the field's label, then the reason, both in this language
    /// ("Вероятность, %: допустимо значение от 0 до 100").
    public func fieldError(_ error: FieldError) -> String {
        fieldLabel(error.field) + ": " + reason(error)
    }

    /// The reason of a field error in this language, from its code; a reason without a code keeps its English words.
    public func reason(_ error: FieldError) -> String {
        guard let code = error.code else { return self(.errOther, ["reason": error.reason]) }
        let (key, values) = Self.text(of: code, self)
        return self(key, values)
    }

    /// A field's label by its API name (`probability`, `manager_id`, `value.monthly_costs`); unknown names read as words.
    public func fieldLabel(_ field: String) -> String {
        let name = field.split(separator: ".").last.map(String.init) ?? field
        if let key = Self.fieldLabels[name] {
            return self(key, ["currency": format.currencySign("RUB")])
        }
        let words = name.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The labels of the fields the forms show, by the field's name in the API and in the forms.
    static let fieldLabels: [String: StringKey] = [
        "name": .name, "name_ru": .setNameRu, "kind": .setStageKind, "position": .setPosition, "probability": .setProbability,
        "expected_days": .setExpectedDays, "requires_qualification": .setGate, "entry_rule": .setEntryRule, "active": .setActive,
        "field": .setRuleField, "operator": .setRuleOperator, "value": .setRuleValue, "label": .setRuleLabel, "label_ru": .setRuleLabelRu,
        "unit": .setRuleUnit, "category": .setCategory, "keywords": .setKeywords, "price": .setPrice, "unit_cost": .setUnitCost,
        "currency": .currency, "monthly_costs": .setMonthlyCosts, "deals_per_month": .setDealsPerMonth, "fixed_minimum": .setFixedMinimum,
        "email": .email, "role": .setRole, "manager_id": .setManager, "language": .interfaceLanguage, "locale": .interfaceLanguage,
        "password": .password, "current_password": .currentPassword, "user_id": .setTokenUser, "title": .title, "amount": .amount, "expected_profit": .expectedProfit,
        "expected_close": .expectedClose, "owner_id": .owner, "budget_status": .budgetStatus, "budget_amount": .budgetAmount,
        "deadline": .deadline, "need_described": .needDescribed, "need_text": .needText, "probability_override": .probabilityOverride,
        "probability_reason": .probabilityReason, "economics_exception": .economicsExceptionKind,
        "economics_exception_reason": .economicsExceptionReason, "subject": .subject, "body": .body, "due_at": .dueAt,
        "lost_reason": .lostReason, "postponed_until": .postponedUntil, "stage_id": .stage, "pipeline_id": .pipeline,
        "company_id": .company, "contact_ids": .contacts, "tender_cost": .tenderCost,
        "tax_id": .taxID, "industry": .industry, "segment": .segment, "annual_revenue": .annualRevenue, "headcount": .headcount,
        "source": .source, "notes": .notes, "tags": .tags, "phone": .phone, "roles": .buyingRoles, "contact_name": .contact,
        "contact_phone": .phone, "contact_email": .email, "company_name": .company, "request_text": .request, "tender": .tender,
        "referral": .referral, "lost_reasons": .setLostReasons, "time_zone": .setTimeZone,
    ]

    /// The text key of a reason and the values of its placeholders (a rejected value is not repeated: the field shows it).
    static func text(of code: FieldReason, _ t: Localizer) -> (StringKey, [String: String]) {
        switch code {
        case .required: (.errRequired, [:])
        case .requiredNotNull: (.errRequiredNotNull, [:])
        case .notAField: (.errNotAField, [:])
        case .readOnly: (.errReadOnly, [:])
        case .notEmpty: (.errNotEmpty, [:])
        case .wholeNumber: (.errWholeNumber, [:])
        case .number: (.errNumber, [:])
        case .amount: (.errAmount, [:])
        case .amountDecimals: (.errAmountDecimals, [:])
        case .currencyDecimals(let currency, let digits): digits == 0 ? (.errCurrencyWhole, ["currency": currency])
            : (.errCurrencyDecimals, ["currency": currency, "digits": String(digits)])
        case .amountAtLeastZero: (.errAmountAtLeastZero, [:])
        case .string: (.errString, [:])
        case .trueOrFalse: (.errTrueOrFalse, [:])
        case .positiveID: (.errPositiveID, [:])
        case .between(let min, let max): (.errBetween, ["min": t.numeral(min), "max": t.numeral(max)])
        case .wholeNumberBetween(let min, let max): (.errWholeNumberBetween, ["min": t.numeral(min), "max": t.numeral(max)])
        case .maxLength(let n), .passwordTooLong(let n): (.errMaxLength, ["count": t.count(n, .character)])
        case .passwordTooShort(let n): (.errMinLength, ["count": t.count(n, .character)])
        case .oneOf(let values): (.errOneOf, ["values": values.joined(separator: ", ")])
        case .dateTime: (.errDateTime, [:])
        case .day: (.errDay, [:])
        case .dateOutOfRange(let min, let max): (.errDateOutOfRange, ["min": min, "max": max])
        case .searchTooLong(let n): (.errMaxLength, ["count": t.count(n, .character)])
        case .stringArray: (.errStringArray, [:])
        case .email: (.errEmail, [:])
        case .currency(let known): (.errCurrency, ["values": known.joined(separator: ", ")])
        case .notNegative: (.errNotNegative, [:])
        case .noRecord(_, let id): (.errNoRecord, ["id": String(id)])
        case .userDeactivated(let id): (.errUserDeactivated, ["id": String(id)])
        case .teamOnly: (.errTeamOnly, [:])
        case .emailTaken(let email): (.errEmailTaken, ["email": email])
        case .managerLoop(let id): (.errManagerLoop, ["id": String(id)])
        case .ownManager: (.errOwnManager, [:])
        case .cannotDeactivateSelf: (.errCannotDeactivateSelf, [:])
        case .cannotDemoteSelf: (.errCannotDemoteSelf, [:])
        case .lostReasonRequired(let stage): (.errLostReasonRequired, ["stage": stage])
        case .postponedUntilRequired: (.errPostponedUntilRequired, [:])
        case .stageNotInPipeline(let stage, _, let pipeline, _): (.errStageNotInPipeline, ["stage": stage, "pipeline": pipeline])
        case .pipelineOfOtherKind(let pipeline, _, let kind, _): (kind == "lead" ? .errLeadPipeline : .errDealPipeline, ["pipeline": pipeline])
        case .stageStaysInPipeline: (.errStageStaysInPipeline, [:])
        case .contactAtOtherCompany(let id, _): (.errContactAtOtherCompany, ["id": String(id)])
        case .tenderCostWithoutTender: (.errTenderCostWithoutTender, [:])
        case .allocatedBudgetPositive: (.errAllocatedBudgetPositive, [:])
        case .firstResponseBeforeReceived: (.errFirstResponseBeforeReceived, [:])
        case .referralNamesReferrer: (.errReferralNamesReferrer, [:])
        case .leadNeedsContent: (.errLeadNeedsContent, [:])
        case .activityNeedsLink: (.errActivityNeedsLink, [:])
        case .phone: (.errPhone, [:])
        case .taxIDCharacters: (.errTaxIDCharacters, [:])
        case .attributeKey: (.errAttributeKey, [:])
        case .notDefinedAttribute: (.errNotDefinedAttribute, [:])
        case .attributeType(let type): (.errAttributeType, ["type": type])
        case .attributesObject: (.errAttributesObject, [:])
        case .attributeValueKind(let key, _): (.errAttributeValueKind, ["key": key])
        case .idArray, .positiveIDArray: (.errIDArray, [:])
        case .valueNotAllowed(let value, let allowed): (.errValueNotAllowed, ["value": value, "values": allowed.joined(separator: ", ")])
        case .taxIDTaken(let taxID): (.errTaxIDTaken, ["tax_id": taxID])
        case .duplicateEntry(let entry): (.errDuplicateEntry, ["entry": entry])
        case .stageNameTaken(let name): (.errStageNameTaken, ["name": name])
        case .channelNameTaken(let name): (.errChannelNameTaken, ["name": name])
        case .channelMergedIntoItself: (.errChannelMergedIntoItself, [:])
        case .channelMergeLoop(let id): (.errChannelMergeLoop, ["id": String(id)])
        case .channelHasLeads(let n): (.errChannelHasLeads, ["count": String(n)])
        case .activityNeedsContent: (.errActivityNeedsContent, [:])
        case .leadAlreadyDecided(let outcome): (.errLeadAlreadyDecided, ["outcome": outcome])
        case .leadNotDecided: (.errLeadNotDecided, [:])
        case .leadDealMoved(let id): (.errLeadDealMoved, ["id": String(id)])
        case .tooManyEntries(let max): (.errTooManyEntries, ["max": String(max)])
        case .attributeExists(_, let key): (.errAttributeExists, ["key": key])
        case .companyHasDeals(let n): (.errCompanyHasDeals, ["count": String(n)])
        case .stageHasRecords(let n): (.errStageHasRecords, ["count": String(n)])
        case .pipelineHasRecords(let n): (.errPipelineHasRecords, ["count": String(n)])
        case .cannotDeleteSelf: (.errCannotDeleteSelf, [:])
        case .mustBeLater: (.errMustBeLater, [:])
        case .limitRange(let max): (.errWholeNumberBetween, ["min": "1", "max": String(max)])
        case .notSortable(let name, _): (.errNotSortable, ["name": name])
        case .noSearch: (.errNoSearch, [:])
        case .notACursor: (.errNotACursor, [:])
        case .wonStageProbability: (.errWonStageProbability, [:])
        case .lostStageProbability: (.errLostStageProbability, [:])
        case .probabilityReasonRequired: (.errProbabilityReasonRequired, [:])
        case .exceptionReasonRequired: (.errExceptionReasonRequired, [:])
        case .taskDueTime: (.errTaskDueTime, [:])
        case .notKnownSetting: (.errNotKnownSetting, [:])
        case .notKnownKey(let known): (.errNotKnownKey, ["values": known.joined(separator: ", ")])
        case .audienceField: (.errAudienceField, [:])
        case .atLeastOneValue: (.errAtLeastOneValue, [:])
        case .leaveOut(let op): (.errLeaveOut, ["operator": SettingsPage.operatorName(op, t)])
        case .operatorMismatch(let field, let kind):
            (kind == "number" ? .errOperatorNumber : kind == "text" ? .errOperatorText : .errOperatorList,
             ["field": AudienceField(field).map { t.pick(AudienceRule($0, .isTrue).labelText) } ?? field])
        case .tokenName(let max): (.errTokenName, ["count": t.count(max, .character)])
        case .currentPasswordRequired: (.errCurrentPasswordRequired, [:])
        case .currentPasswordWrong: (.errCurrentPasswordWrong, [:])
        }
    }

    /// A number inside a message, grouped as the user reads numbers (90 000 000 000 000); other text as it is.
    func numeral(_ text: String) -> String {
        guard let n = Int64(text) else { return text }
        return format.number(n)
    }
}
