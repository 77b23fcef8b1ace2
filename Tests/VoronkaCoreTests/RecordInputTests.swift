import Foundation
import Testing
@testable import VoronkaCore

@Suite("Input checks")
struct RecordInputTests {
    @Test("Money takes up to two decimals, as a number or a string with a comma")
    func money() throws {
        // setup
        let spec = FieldSpec("amount", .money, range: 0...9e13)
        // action, check
        #expect(try RecordInput.convert(.number(1500000.5), spec: spec).get() == FieldValue.int(150_000_050))
        #expect(try RecordInput.convert(.string("1 234,56"), spec: spec).get() == .int(123_456))
        #expect(throws: FieldError.self) { try RecordInput.convert(.number(1.005), spec: spec).get() }
        #expect(throws: FieldError.self) { try RecordInput.convert(.number(-1), spec: spec).get() }
        #expect(throws: FieldError.self) { try RecordInput.convert(.string("much"), spec: spec).get() }
    }

    @Test("A create reports every missing, unknown, read-only and mistyped field at once")
    func everyProblem() {
        // setup
        var record = Record()
        let input: [String: JSONValue] = ["id": 5, "amount": "x", "colour": "red", "expected_close": "2026-02-30"]
        // action
        let errors = RecordInput.apply(input, to: &record, fields: Deal.fields, creating: true)
        // check
        #expect(Set(errors.map(\.field)) == ["id", "amount", "colour", "expected_close", "title", "company_id", "pipeline_id", "stage_id"])
    }

    @Test("An update leaves fields it does not name as they were, and fills no defaults")
    func partialUpdate() {
        // setup
        var record = Deal(title: "Old", companyID: 1, pipelineID: 2, stageID: 6, amount: 100, currency: "USD").record
        // action
        let errors = RecordInput.apply(["title": "New"], to: &record, fields: Deal.fields, creating: false)
        // check
        #expect(errors.isEmpty)
        #expect(record.text("title") == "New")
        #expect(record.text("currency") == "USD")
        #expect(record.int("amount") == 100)
    }

    @Test("Lists of strings are trimmed and de-duplicated; allowed values are enforced")
    func lists() throws {
        // setup
        let tags = FieldSpec("tags", .json, shape: .strings(allowed: nil))
        let roles = FieldSpec("roles", .json, shape: .strings(allowed: ["technical", "user"]))
        // action, check
        #expect(try RecordInput.convert([" a", "a", "b "], spec: tags).get() == .json(["a", "b"]))
        #expect(throws: FieldError.self) { try RecordInput.convert(["boss"], spec: roles).get() }
        #expect(throws: FieldError.self) { try RecordInput.convert([1, 2], spec: tags).get() }
    }

    @Test("Custom attributes must be defined and of their type")
    func customAttributes() {
        // setup
        let defs = [AttributeDefinition(entity: "company", key: "steam_tph", type: .number, label: "Steam, t/h"),
                    AttributeDefinition(entity: "company", key: "since", type: .date, label: "Client since")]
        // action
        let good = AttributeDefinition.check(["steam_tph": 3.5, "since": "2019-05-01"], against: defs)
        let bad = AttributeDefinition.check(["steam_tph": "many", "since": "May", "colour": "red"], against: defs)
        // check
        #expect(good.isEmpty)
        #expect(bad.map(\.field) == ["custom.colour", "custom.since", "custom.steam_tph"])
    }
}

