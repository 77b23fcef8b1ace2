import Testing
@testable import VoronkaCore

@Suite("Audience rules from what a person types")
struct AudienceRuleTextTests {
    @Test("A rule's operand from typed text: numbers with a decimal comma, lists, flags of custom attributes")
    func operandFromText() {
        #expect(AudienceRule.operand(text: " 3,5 ", field: "headcount", operator: "greater") == .number(3.5))
        #expect(AudienceRule.operand(text: "many", field: "headcount", operator: "greater") == .string("many"))
        #expect(AudienceRule.operand(text: "food, , chemicals", field: "industry", operator: "one_of") == .array(["food", "chemicals"]))
        #expect(AudienceRule.operand(text: "true", field: "custom.boiler", operator: "equals") == .bool(true))
        #expect(AudienceRule.operand(text: "12", field: "industry", operator: "equals") == .string("12"))
        #expect(AudienceRule.operand(text: "1 000", field: "annual_revenue", operator: "equals") == .number(1000))
        #expect(AudienceRule.operand(text: "  ", field: "tags", operator: "contains") == nil)
    }
}
