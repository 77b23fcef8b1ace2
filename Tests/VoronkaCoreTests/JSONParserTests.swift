import Foundation
import Testing
@testable import VoronkaCore

@Suite("JSON text")
struct JSONParserTests {
    @Test("The parser reads what Foundation reads, and what Voronka writes reads back the same")
    func agreesWithFoundation() throws {
        // setup
        let samples = [
            #"[]"#, #"{}"#, #"[1,2,3]"#, #"["tender","сталь \"Урал\""]"#, #"{"steam_tph":5.5,"has_boiler_house":true,"since":"2019-05-01","x":null}"#,
            #"[{"f":"stage_id","n":7,"o":6},{"f":"title","n":"Котёл\nБМК"}]"#, #" { "a" : [ -1.5e3 , 0.25 ] } "#, #""\u00e9\ud83d\ude00""#,
        ]
        for text in samples {
            // action
            let ours = JSONParser.parse(text)
            let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            // check
            #expect(ours == foundation, "\(text)")
            #expect(JSONParser.parse(ours!.jsonText) == ours, "round trip of \(text)")
        }
    }

    @Test("Broken documents are refused, not half read")
    func refusesBroken() {
        for text in [#"[1,2"#, #"{"a":}"#, #"[1,]"#, #""open"#, #"tru"#, #"{"a":1} x"#, #"[0x10]"#, "\"a\u{01}b\""] {
            #expect(JSONParser.parse(text) == nil, "\(text)")
        }
    }
}

@Suite("Record JSON")
struct RecordJSONTests {
    @Test("A record written straight to text reads back as the same object as its dictionary form")
    func directTextMatchesObject() {
        // setup
        var record = Deal(title: "Котёл \"БМК\"\nи монтаж", companyID: 3, contactIDs: [4, 5], pipelineID: 2, stageID: 6, amount: 150_000_050,
                          tags: ["tender"], custom: ["steam_tph": 5.5]).record
        record["created_at"] = .time(Date(timeIntervalSince1970: 1_790_000_000.25))
        // action
        let text = record.jsonText(fields: Deal.fields)
        // check
        #expect(JSONValue.parse(text) == .object(record.jsonObject(fields: Deal.fields)))
    }
}
