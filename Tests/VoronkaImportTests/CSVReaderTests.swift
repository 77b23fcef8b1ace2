import Foundation
import Testing
@testable import VoronkaImport

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("Each delimiter is detected from the header line", arguments: [(",", CSVDelimiter.comma), (";", .semicolon), ("\t", .tab)])
    func delimiters(separator: String, expected: CSVDelimiter) {
        // setup
        let text = ["id", "name", "amount"].joined(separator: separator) + "\n"
            + ["1", "\"Acme, Inc.; \"\"Ltd\"\"\"", "10"].joined(separator: separator) + "\n"
        // action
        let table = CSVReader().read(Array(text.utf8))
        // check
        #expect(table.info.delimiter == expected)
        #expect(table.header == ["id", "name", "amount"])
        #expect(table.records.map(\.fields) == [["1", "Acme, Inc.; \"Ltd\"", "10"]])
    }

    @Test("A comma inside quotes does not count towards the detected delimiter")
    func quotedDelimiterInHeader() {
        let table = CSVReader().read(Array("\"a,b\";\"c,d\";e\n1;2;3\n".utf8))
        #expect(table.info.delimiter == .semicolon)
        #expect(table.header == ["a,b", "c,d", "e"])
    }

    @Test("Quoted fields keep doubled quotes and line breaks; records report the line they start on")
    func quotingAndLines() {
        // setup
        let text = "id,note,amount\r\n1,\"said \"\"hi\"\"\",5\r\n2,\"two\r\nlines\nand three\",6\r\n3,plain,7\r\n"
        // action
        let table = CSVReader().read(Array(text.utf8))
        // check
        #expect(table.records.map(\.fields) == [["1", "said \"hi\"", "5"], ["2", "two\r\nlines\nand three", "6"], ["3", "plain", "7"]])
        #expect(table.records.map(\.line) == [2, 3, 6])
        #expect(table.problems.isEmpty)
    }

    @Test("A trailing empty line, blank lines and a trailing delimiter are not records or problems")
    func trailingAndBlank() {
        let table = CSVReader().read(Array("a;b\n1;2;\n\n3;4\n\n".utf8))
        #expect(table.records.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(table.records.map(\.line) == [2, 4])
        #expect(table.problems.isEmpty)
    }

    @Test("A last record without a line break is read, with an empty last field")
    func noFinalNewline() {
        let table = CSVReader().read(Array("a,b\n1,".utf8))
        #expect(table.records.map(\.fields) == [["1", ""]])
    }

    @Test("Rows of the wrong width are reported with their line and left out")
    func wrongWidth() {
        // action
        let table = CSVReader().read(Array("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n".utf8))
        // check
        #expect(table.records.map(\.line) == [2, 5])
        #expect(table.problems.map(\.kind) == [.wrongWidth, .wrongWidth] && table.problems.map(\.line) == [3, 4])
        #expect(table.problems.map(\.reason) == ["has 2 fields where the header has 3", "has 4 fields where the header has 3"])
        #expect(table.problems.map { $0.message.text(.ru) } == ["полей в строке: 2, а в заголовке: 3", "полей в строке: 4, а в заголовке: 3"])
    }

    @Test("A quote left open at the end of the file is reported; the records before it survive")
    func unclosedQuote() {
        let table = CSVReader().read(Array("a,b\n1,2\n3,\"open\n4,5\n".utf8))
        #expect(table.records.map(\.fields) == [["1", "2"]])
        #expect(table.problems.count == 1)
        #expect(table.problems[0].kind == .unclosedQuote && table.problems[0].line == 3)
    }

    @Test("A UTF-8 byte-order mark is dropped")
    func byteOrderMark() {
        let table = CSVReader().read([0xEF, 0xBB, 0xBF] + Array("ID;Название\n1;Ромашка\n".utf8))
        #expect(table.info.encoding == .utf8)
        #expect(table.header == ["ID", "Название"])
        #expect(table.records[0].fields == ["1", "Ромашка"])
    }

    @Test("Windows-1251 is detected when the bytes are not UTF-8, and decoded by our table")
    func windows1251() throws {
        // setup: the bytes from our table, checked against bytes known from the code page
        let text = "ID;Название сделки;Сумма\n7;ООО «Ёлка» — поставка №5;1 500,00\n"
        let bytes = try #require(Windows1251.encode(text))
        #expect(Windows1251.encode("Привет") == [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2])
        #expect(Windows1251.encode("Ёё№«»—") == [0xA8, 0xB8, 0xB9, 0xAB, 0xBB, 0x97])
        // action
        let table = CSVReader().read(bytes)
        // check
        #expect(table.info.encoding == .windows1251)
        #expect(table.info.delimiter == .semicolon)
        #expect(table.header == ["ID", "Название сделки", "Сумма"])
        #expect(table.records[0].fields == ["7", "ООО «Ёлка» — поставка №5", "1 500,00"])
    }

    @Test("Every byte of Windows-1251 decodes to one character, and encodes back")
    func windows1251RoundTrip() {
        let skipped: Set<UInt8> = [0x22, 0x2C, 0x3B, 0x7F]
        let all: [UInt8] = (UInt8(0x20)...UInt8(0xFF)).filter { !skipped.contains($0) }
        let decoded = String(decoding: Windows1251.utf8(all.withUnsafeBufferPointer { $0 }), as: UTF8.self)
        #expect(decoded.unicodeScalars.count == all.count)
        #expect(Windows1251.encode(decoded) == all)
    }

    @Test("An encoding given explicitly wins over detection")
    func givenEncoding() {
        // "Да" in Windows-1251 is C4 E0, which is not valid UTF-8 either way; given UTF-8 it is replaced, not guessed.
        let bytes: [UInt8] = Array("a\n".utf8) + [0xC4, 0xE0, 0x0A]
        #expect(CSVReader(encoding: .windows1251).read(bytes).records[0].fields == ["Да"])
        #expect(CSVReader(encoding: .utf8).read(bytes).records[0].fields == ["\u{FFFD}\u{FFFD}"])
    }

    @Test("UTF-16 LE with a byte-order mark, as Excel's Unicode text writes it")
    func utf16() {
        let units = Array("id\tимя\n1\tЁж\n".utf16)
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let table = CSVReader().read(bytes)
        #expect(table.info.encoding == .utf16LE && table.info.delimiter == .tab)
        #expect(table.records[0].fields == ["1", "Ёж"])
    }

    @Test("UTF-8 validation refuses overlong forms and surrogates and accepts four-byte characters")
    func utf8Validation() {
        func valid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer(TextDecoder.isValidUTF8) }
        #expect(valid(Array("plain ascii text, long enough for the fast path".utf8)))
        #expect(valid(Array("Ёлка 🎄 €".utf8)))
        #expect(!valid([0xC0, 0xAF]))
        #expect(!valid([0xED, 0xA0, 0x80]))
        #expect(!valid([0xE2, 0x82]))
    }

    @Test("The header can be read alone, from the start of a large file")
    func headerOnly() {
        let body = String(repeating: "1,2\n", count: 40_000)
        #expect(CSVReader().header(of: Array(("x, y \n" + body).utf8)) == ["x", "y"])
    }

    @Test("Any fields written with RFC 4180 quoting read back the same, with each delimiter and line ending")
    func roundTrip() {
        // setup: a fixed pseudo-random table of awkward fields
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let pieces = ["a", "Ромашка", " ", ",", ";", "\t", "\"", "\n", "\r\n", "1 500,00", "ё", "🎄", ""]
        let table = (0..<200).map { _ in (0..<4).map { _ in (0..<next(4)).map { _ in pieces[next(pieces.count)] }.joined() } }
        for delimiter in CSVDelimiter.allCases {
            for newline in ["\n", "\r\n"] {
                let sep = String(UnicodeScalar(delimiter.rawValue))
                func quoted(_ f: String) -> String { "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                let text = (["h1", "h2", "h3", "h4"] + table.flatMap { $0 }).chunked(4).map { $0.map(quoted).joined(separator: sep) }
                    .joined(separator: newline) + newline
                // action
                let read = CSVReader(delimiter: delimiter).read(Array(text.utf8))
                // check
                #expect(read.problems.isEmpty)
                #expect(read.records.map(\.fields) == table, "delimiter \(delimiter.text)")
            }
        }
    }
}

private extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
