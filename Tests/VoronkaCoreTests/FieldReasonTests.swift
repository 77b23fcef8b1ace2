import Foundation
import Testing
@testable import VoronkaCore

@Suite("Field reasons: codes for interfaces, the same English for the API")
struct FieldReasonTests {
    @Test("Coded reasons keep the API's English sentences")
    func english() {
        // setup
        let spec = FieldSpec("probability", .int, range: 0...100)
        // action
        let range = RecordInput.convert(.number(150), spec: spec)
        let text = RecordInput.convert(.string("many"), spec: spec)
        // check
        #expect(range == .failure(FieldError("probability", .between(min: "0", max: "100"))))
        #expect((try? range.get()) == nil)
        if case .failure(let e) = range { #expect(e.reason == "must be between 0 and 100" && e.code == .between(min: "0", max: "100")) }
        if case .failure(let e) = text { #expect(e.reason == "must be a whole number, got \"many\"" && e.code == .wholeNumber(got: "\"many\"")) }
        #expect(Rules.email("olga@", required: true) == [FieldError("email", .email)])
        #expect(Rules.email("olga@", required: true).first?.reason == "is not an email address")
        #expect(Stage(pipelineID: 1, name: "Won", kind: .won, position: 1, probability: 90).validate().first?.code == .wonStageProbability)
        #expect(FieldError("x", "free text").code == nil)
    }

    @Test("A renamed error keeps its code; an error survives JSON coding with its code")
    func renameAndCoding() throws {
        // setup
        let error = FieldError("monthly_costs", .required)
        // action
        let renamed = error.renamed("value.monthly_costs")
        let decoded = try JSONDecoder().decode(FieldError.self, from: JSONEncoder().encode(FieldError("n", .maxLength(200))))
        // check
        #expect(renamed.field == "value.monthly_costs" && renamed.code == .required && renamed.reason == "is required")
        #expect(decoded == FieldError("n", .maxLength(200)))
    }

    @Test("Settings errors carry codes: an audience rule with the wrong operator, economics without costs")
    func settings() {
        // action
        var mismatch: FieldError?
        do { _ = try AudienceRule(json: ["field": "industry", "operator": "greater", "value": 5], path: "") } catch { mismatch = error }
        var missing: FieldError?
        do { _ = try EconomicsSettings(json: ["deals_per_month": 10]) } catch { missing = error }
        // check
        #expect(mismatch == FieldError("operator", .operatorMismatch(field: "industry", kind: "text")))
        #expect(mismatch?.reason == "industry is text: use equals with a string, or one_of")
        #expect(missing == FieldError("monthly_costs", .required))
    }
}
