import Foundation
import Testing
import VoronkaCore
@testable import VoronkaImport

@Suite("Broken rows")
struct BrokenRowsTests {
    private let mapping = try! ImportMapping(json: [
        "kind": "deals",
        "columns": ["id": "source_id", "title": "title", "stage": "stage_name", "amount": "amount", "created": "created_at"],
    ])

    @Test("Bad rows are reported with line, column and reason; good rows survive whole")
    func problemsAndSurvivors() {
        // setup: an unclosed quote at the end swallows the rest of the file
        let csv = """
        id,title,stage,amount,created
        1,Good one,Won,"1 000,50",2024-01-05
        2,Bad date,Open,100,2024-13-45
        3,Bad number,Open,12abc,2024-01-06
        4,Wrong width,Open
        5,"Multi
        line title",Open,200,2024-01-07
        6,Unclosed,"Open,300,2024-01-08
        7,Never read,Open,1,2024-01-09

        """
        // action
        let file = ImportParser(mapping: mapping, file: "deals.csv").parse(Array(csv.utf8))
        // check
        #expect(file.deals.map(\.sourceID) == ["1", "5"])
        #expect(file.deals[0].amount == 100_050 && file.deals[1].title == "Multi\nline title")
        #expect(file.deals.map(\.location.line) == [2, 6])
        #expect(file.report.problems.map(\.line) == [3, 4, 5, 8])
        #expect(file.report.problems.map(\.column) == ["created", "amount", nil, nil])
        #expect(file.report.problems[0].reason == "is not a real calendar date" && file.report.problems[0].value == "2024-13-45")
        #expect(file.report.problems[1].reason == "has unexpected text “abc” around the amount")
        #expect(file.report.problems[2].reason == "has 3 fields where the header has 5")
        #expect(file.report.problems[3].reason.contains("not closed before the end of the file"))
        #expect(file.report.rowsImported == 2 && file.report.rowsSkipped == 4 && file.report.rowsRead == 6)
        #expect(file.report.problems[0].description == "deals.csv:3, column created: “2024-13-45” is not a real calendar date (row left out)")
    }

    @Test("Every bad cell of a row is reported, and the row is left out once")
    func severalProblemsInOneRow() {
        let file = ImportParser(mapping: mapping, file: "d.csv").parse(Array("id,title,stage,amount,created\n1,T,,-5,31.02.2024\n2,T,Open,5,\n".utf8))
        #expect(file.report.problems.map(\.column) == ["amount", "created", "stage"])
        #expect(file.deals.map(\.sourceID) == ["2"])
        #expect(file.report.rowsSkipped == 1)
    }

    @Test("An empty id is a problem; a file without an id column gets stable ids from row contents")
    func ids() {
        let withColumn = ImportParser(mapping: mapping, file: "d.csv").parse(Array("id,title,stage\n,T,Open\n".utf8))
        #expect(withColumn.report.problems.first?.column == "id")
        var noID = mapping
        noID.columns["id"] = nil
        let csv = Array("title,stage\nA,Open\nB,Open\nA,Open\n".utf8)
        let first = ImportParser(mapping: noID, file: "d.csv").parse(csv)
        let again = ImportParser(mapping: noID, file: "d.csv").parse(csv)
        #expect(first.deals.map(\.sourceID) == again.deals.map(\.sourceID))
        #expect(first.deals[0].sourceID == first.deals[2].sourceID && first.deals[0].sourceID != first.deals[1].sourceID)
        #expect(first.deals.allSatisfy(\.derivedID) && first.report.derivedIDs)
        let plan = ImportPlan(sources: [ImportSource(name: "d.csv", bytes: csv, mapping: noID)])
        #expect(plan.deals.count == 2 && plan.problems.map(\.severity) == [.warning])
    }

    @Test("A file that maps no column to a required field reads nothing and says why (a lead's time of arrival)")
    func missingRequiredColumn() throws {
        let leads = try ImportMapping(json: ["kind": "leads", "columns": ["id": "source_id", "received": "received_at"]])
        let file = ImportParser(mapping: leads, file: "l.csv").parse(Array("id,request\n1,T\n".utf8))
        #expect(file.leads.isEmpty && file.report.rowsSkipped == 1)
        #expect(file.report.problems.map(\.line) == [1])
        #expect(file.report.problems[0].reason.contains("received_at"))
    }

    @Test("Cells a stored field could not hold are refused with their column: a title longer than the API takes, a NUL byte; a repeated header is said")
    func cellsTheFieldsCannotHold() {
        // setup
        let long = String(repeating: "Ж", count: 301)
        let csv = "id,title,stage,amount,created,amount\n"
            + "1,\(long),Won,100,2024-01-05,\n"
            + "2,Bin\u{0}ary,Won,100,2024-01-05,\n"
            + "3,Fine,Won,100,2024-01-05,200\n"
        // action
        let file = ImportParser(mapping: mapping, file: "deals.csv").parse(Array(csv.utf8))
        // check
        #expect(file.deals.map(\.sourceID) == ["3"])
        let byLine = Dictionary(grouping: file.report.problems, by: \.line)
        #expect(byLine[2]?.first?.column == "title" && byLine[2]?.first?.reason == "is 301 characters long, and title holds at most 300")
        #expect(byLine[2]?.first?.message.text(.ru) == "слишком длинный текст (символов: 301); поле «Название сделки» вмещает не больше 300")
        #expect(byLine[3]?.first?.column == "title" && byLine[3]?.first?.reason.contains("NUL byte") == true)
        let header = byLine[1]?.first
        #expect(header?.column == "amount" && header?.severity == .warning && header?.reason.contains("2 times") == true)
    }

    @Test("A repeated column is mapped apart by its place: \"Phone\" reads the first, \"Phone#2\" the second; unmapped, the first filled one is read and said")
    func repeatedColumnByPlace() throws {
        // setup
        let csv = "Name,Phone,Phone\nAnn,,+7 900 000-00-01\nBob,+7 900 000-00-02,+7 900 000-00-03\n"
        let apart = try ImportMapping(json: ["kind": "contacts", "columns": ["Name": "contact_name", "Phone": "phone", "Phone#2": "custom.second_phone"]])
        let together = try ImportMapping(json: ["kind": "contacts", "columns": ["Name": "contact_name", "Phone": "phone"]])
        // action
        let a = ImportParser(mapping: apart, file: "contacts.csv").parse(Array(csv.utf8))
        let t = ImportParser(mapping: together, file: "contacts.csv").parse(Array(csv.utf8))
        // check
        #expect(a.contacts.map(\.phone) == [nil, "+7 900 000-00-02"])
        #expect(a.contacts.map { $0.custom["second_phone"] } == ["+7 900 000-00-01", "+7 900 000-00-03"])
        #expect(!a.report.problems.contains { $0.severity == .warning && $0.reason.contains("2 times") })
        #expect(t.contacts.map(\.phone) == ["+7 900 000-00-01", "+7 900 000-00-02"])
        #expect(t.report.problems.contains { $0.line == 1 && $0.reason.contains("“Phone#2”") })
    }

    @Test("A quote left open that a later quote closes by chance does not swallow rows in silence: the record is refused, naming the lines")
    func swallowedRows() {
        // setup: the quote opened on line 2 closes on line 4, so the record still has five fields
        let csv = "id,title,stage,amount,created\n"
            + "1,\"Broken title,Won,100,2024-01-05\n"
            + "2,Second,Won,100,2024-01-05\n"
            + "3,Third\",Won,100,2024-01-05\n"
            + "4,Fine,Won,100,2024-01-05\n"
            + "5,\"A title\non two lines\",Won,100,2024-01-05\n"
        // action
        let file = ImportParser(mapping: mapping, file: "deals.csv").parse(Array(csv.utf8))
        // check
        #expect(file.deals.map(\.sourceID) == ["4", "5"], "a multi-line cell without row-shaped lines is fine")
        #expect(file.report.problems.count == 1 && file.report.problems.first?.line == 2)
        #expect(file.report.problems.first?.reason.hasPrefix("a quoted field here runs over 3 lines, 1 of them shaped like rows") == true,
                "\(file.report.problems.map(\.reason))")
        #expect(file.report.rowsSkipped == 1)
    }

    @Test("Numbers outside what the stored field takes are refused as the API refuses them: an amount over 9e13, a headcount of 20 million")
    func numbersOutOfRange() throws {
        // setup
        let deals = "id,title,stage,amount,created\n1,Huge,Won,95000000000000,2024-01-05\n2,Fine,Won,90000000000000,2024-01-05\n"
        let companies = try ImportMapping(json: ["kind": "companies", "columns": ["name": "company_name", "staff": "headcount"]])
        let people = "name,staff\nBig,20000000\nSmall,12\n"
        // action
        let d = ImportParser(mapping: mapping, file: "deals.csv").parse(Array(deals.utf8))
        let c = ImportParser(mapping: companies, file: "companies.csv").parse(Array(people.utf8))
        // check
        #expect(d.deals.map(\.sourceID) == ["2"] && d.report.problems.first?.column == "amount", "\(d.report.problems.map(\.reason))")
        #expect(c.companies.map(\.name) == ["Small"] && c.report.problems.first?.column == "staff")
        #expect(c.report.problems.first?.message.text(.ru) == "вне допустимого для поля «Сотрудников»: от 0 до 10000000")
    }
}
