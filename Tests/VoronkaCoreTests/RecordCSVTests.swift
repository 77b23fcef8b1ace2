import Foundation
import Testing
import VoronkaCore

@Suite("CSV cells safe for spreadsheets")
struct RecordCSVTests {
    @Test("Texts a spreadsheet would run as formulas get a ' before them; numbers and other texts stay as they are")
    func neutralized() {
        // setup
        let cases: [(String, String)] = [
            ("=1+2", "'=1+2"), ("+7 495 123-45-67", "'+7 495 123-45-67"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=cmd", "'\t=cmd"), ("\r=cmd", "'\r=cmd"), ("-", "'-"), ("-inf", "'-inf"),
            ("-12.5", "-12.5"), ("+3", "+3"), ("1e5", "1e5"), ("ООО «Амур»", "ООО «Амур»"), ("", ""), ("a=b", "a=b"),
        ]
        for (given, expected) in cases {
            // action / check
            #expect(RecordCSV.neutralized(given) == expected, "\(given.debugDescription)")
        }
    }

    @Test("A line quotes what it must after neutralising; raw lines keep the values")
    func lines() {
        #expect(RecordCSV.line(["=A1,B1", "x"]) == "\"'=A1,B1\",x\r\n")
        #expect(RecordCSV.line(["=A1,B1", "x"], raw: true) == "\"=A1,B1\",x\r\n")
        #expect(RecordCSV.line(["\r=1"]) == "\"'\r=1\"\r\n")
    }
}
