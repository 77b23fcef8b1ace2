import Testing
import VoronkaCore
import VoronkaServer

@Suite("voronka report tables")
struct ReportTableTests {
    @Test("The first list of rows becomes the table; rows holding rows are flattened under their parent's fields")
    func flatten() throws {
        // setup
        let value: JSONValue = ["definition": "stage conversion v1", "pipelines": [
            ["pipeline_id": 2, "steps": [["step": 0, "reached": 10], ["step": 1, "reached": 6]]],
            ["pipeline_id": 3, "steps": [["step": 0, "reached": 4]]],
        ]]
        // action
        let table = try #require(ReportTask.table(value))
        // check
        #expect(table.header == ["pipeline_id", "reached", "step"])
        #expect(table.rows == [["2", "10", "0"], ["2", "6", "1"], ["3", "4", "0"]])
        #expect(ReportTask.table(["n": 1]) == nil)
    }
}
