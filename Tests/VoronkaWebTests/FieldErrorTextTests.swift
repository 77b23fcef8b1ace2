import Testing
import VoronkaCore
@testable import VoronkaWeb

@Suite("Field errors in the user's language")
struct FieldErrorTextTests {
    /// One of every reason code.
    static let codes: [FieldReason] = [
        .required, .requiredNotNull, .notAField, .readOnly, .notEmpty, .wholeNumber(got: "\"x\""), .number(got: "string"), .amount(got: "\"x\""),
        .amountDecimals, .amountAtLeastZero, .string(got: "number"), .trueOrFalse(got: ""), .positiveID, .between(min: "0", max: "100"),
        .wholeNumberBetween(min: "1", max: "5"), .maxLength(200), .oneOf(["open", "won"]), .dateTime, .day, .stringArray, .email,
        .currency(["RUB", "USD"]), .notNegative, .noRecord(kind: "stage", id: 4), .userDeactivated(id: 5), .teamOnly, .emailTaken("a@b.ru"),
        .managerLoop(id: 6), .ownManager, .cannotDeactivateSelf, .cannotDemoteSelf, .lostReasonRequired(stage: "Lost"),
        .postponedUntilRequired, .wonStageProbability, .lostStageProbability, .probabilityReasonRequired,
        .exceptionReasonRequired(kind: "trial_delivery"), .taskDueTime, .notKnownSetting(known: ["a"]), .notKnownKey(known: ["a"]), .audienceField, .atLeastOneValue,
        .leaveOut(op: "is_true"), .operatorMismatch(field: "headcount", kind: "number"), .operatorMismatch(field: "industry", kind: "text"),
        .operatorMismatch(field: "tags", kind: "list"), .passwordTooShort(min: 10), .passwordTooLong(max: 72), .tokenName(max: 200),
        .tenderCostWithoutTender, .allocatedBudgetPositive, .firstResponseBeforeReceived, .referralNamesReferrer, .leadNeedsContent, .activityNeedsLink, .phone, .taxIDCharacters, .attributeKey, .notDefinedAttribute, .attributeType("number"), .attributesObject, .attributeValueKind(key: "office", got: "array"), .idArray, .positiveIDArray, .valueNotAllowed(value: "vip", allowed: ["a", "b"]), .taxIDTaken("7701234567"), .duplicateEntry("Цена"), .stageNameTaken("Переговоры"), .activityNeedsContent, .leadAlreadyDecided("junk"), .leadNotDecided, .leadDealMoved(12), .tooManyEntries(max: 50), .attributeExists(entity: "deal", key: "office"), .companyHasDeals(3), .stageHasRecords(2), .pipelineHasRecords(4), .cannotDeleteSelf, .limitRange(max: 500), .notSortable(name: "x", sortable: ["id"]), .noSearch, .notACursor, .stageNotInPipeline(stage: "Won", stageID: 3, pipeline: "Sales", pipelineID: 2), .pipelineOfOtherKind(pipeline: "Leads", id: 1, kind: "lead", wanted: "deal"), .pipelineOfOtherKind(pipeline: "Sales", id: 2, kind: "deal", wanted: "lead"), .stageStaysInPipeline, .contactAtOtherCompany(id: 5, company: 7),
    ]

    @Test("Every reason code has a sentence in each language, with its placeholders filled and no English left in Russian")
    func everyCode() {
        for code in Self.codes {
            // action
            let en = Localizer(.en).reason(FieldError("name", code))
            let ru = Localizer(.ru).reason(FieldError("name", code))
            // check
            #expect(!en.isEmpty && !ru.isEmpty && en != ru, "\(code)")
            #expect(!en.contains("{") && !ru.contains("{"), "\(code)")
            #expect(!ru.contains(code.english), "\(code)")
        }
    }

    @Test("A field error names the field by its label and gives the reason, in the user's language")
    func sentences() {
        // setup
        let range = FieldError("probability", .between(min: "0", max: "100"))
        let length = FieldError("value.name", .maxLength(72))
        let loose = FieldError("steam_tph", "must be measured in t/h")
        // action, check
        #expect(Localizer(.en).fieldError(range) == "Probability, %: must be between 0 and 100")
        #expect(Localizer(.ru).fieldError(range) == "Вероятность, %: допустимо значение от 0 до 100")
        #expect(Localizer(.ru).fieldError(FieldError("annual_revenue", .between(min: "0", max: "90000000000000"))) == "Годовая выручка: допустимо значение от 0 до 90\u{00A0}000\u{00A0}000\u{00A0}000\u{00A0}000")
        #expect(Localizer(.ru).fieldError(length) == "Имя: не длиннее 72\u{00A0}символа")
        #expect(Localizer(.en).fieldError(length) == "Name: must be at most 72\u{00A0}characters long")
        #expect(Localizer(.ru).fieldError(FieldError("monthly_costs", .required)) == "Затраты отдела продаж в месяц, ₽: нужно заполнить")
        #expect(Localizer(.ru).fieldError(FieldError("value", .leaveOut(op: "is_true"))) == "Значение: для условия «Да» оставьте пустым")
        #expect(Localizer(.en).fieldError(loose) == "Steam tph: must be measured in t/h")
        #expect(Localizer(.ru).fieldError(loose) == "Steam tph: значение не принято (must be measured in t/h)")
    }
}
