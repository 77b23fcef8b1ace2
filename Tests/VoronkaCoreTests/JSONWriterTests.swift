import Foundation
import Testing
@testable import VoronkaCore

/// The byte writer must write exactly what the String-based writer it replaced wrote: stored JSON, journal changes and
/// import fingerprints are compared as text.
@Suite("JSON writer")
struct JSONWriterTests {
    @Test("JSON values are written byte for byte as before: numbers, escapes, nesting, sorted keys")
    func valuesAsBefore() {
        // setup
        var random = SplitMix64(seed: 2026)
        let fixed: [JSONValue] = [
            .null, .bool(true), .bool(false), .number(0), .number(-0.0), .number(12), .number(-7), .number(1e15), .number(999_999_999_999_999),
            .number(0.1), .number(1234.56), .number(-2.5e-8), .number(.nan), .number(.infinity), .number(9.2e18), .number(-9.3e18),
            .string(""), .string("plain"), .string("Котёл \"БМК\"\nи\tмонтаж\\"), .string("\u{01}\u{1f}\u{7f}é😀\r"),
            .array([]), .object([:]), .object(["b": .number(1), "a": .array([.string("x"), .null]), "é": .object(["z": .bool(true)])]),
        ]
        let values = fixed + (0..<2000).map { _ in Self.randomValue(&random, depth: 0) }
        for value in values {
            // action
            let text = value.jsonText
            // check
            #expect(text == ReferenceJSON.text(value), "\(value)")
        }
    }

    @Test("Timestamps and days are written as before, milliseconds and dates before 1970 included")
    func timesAsBefore() {
        // setup
        var random = SplitMix64(seed: 7)
        var times: [Double] = [0, -0.0004, -0.0006, -1, 0.001, 0.9995, 1_546_300_800, 1_790_000_000.25, -62_135_596_800, 253_402_300_799.999,
                               -86_400 * 800_000, 86_400 * 3_000_000]
        for _ in 0..<5000 { times.append((random.unit() - 0.3) * 4e10 + (random.next() % 2 == 0 ? 0 : random.unit())) }
        for t in times {
            let date = Date(timeIntervalSince1970: t)
            // action, check
            #expect(Timestamp.format(date) == ReferenceJSON.timestamp(date), "\(t)")
            #expect(Day(date).description == ReferenceJSON.day(Day(date)), "\(t)")
        }
    }

    @Test("A field value is written as the JSON value the API shows for it")
    func fieldValuesAsTheirJSON() {
        // setup
        let values: [FieldValue] = [
            .null, .int(0), .int(150_000_050), .int(-3), .double(2.5), .text("a\"b"), .bool(true), .time(Date(timeIntervalSince1970: 1_700_000_000.5)),
            .day(Day(year: 2024, month: 2, day: 29)!), .json(.object(["k": .array([.number(1)])])),
        ]
        for value in values {
            for type in [FieldType.id, .int, .money, .double, .text, .bool, .timestamp, .day, .json] {
                // action
                var writer = JSONWriter()
                writer.value(value, as: type)
                // check
                #expect(writer.text == ReferenceJSON.text(value.json(as: type)), "\(value) as \(type)")
            }
        }
    }

    @Test("A fingerprint of written bytes equals the fingerprint of the same text")
    func fingerprintOfBytes() {
        // setup
        let text = #"{"title":"Котёл","amount":1500.5}"#
        var byText = Fingerprint(), byBytes = Fingerprint()
        // action
        byText.add(text); byText.add("")
        byBytes.add(Array(text.utf8)); byBytes.add([])
        // check
        #expect(byBytes.value == byText.value)
        // 64-bit FNV-1a with a 0x1F separator after each part, worked out apart from Swift
        #expect(byText.value == "a436dd5a46ddc624")
    }

    private static func randomValue(_ random: inout SplitMix64, depth: Int) -> JSONValue {
        switch random.next() % (depth > 2 ? 4 : 6) {
        case 0: return random.next() % 2 == 0 ? .null : .bool(random.next() % 2 == 0)
        case 1:
            let scale = [1.0, 100, 1e6, 1e14, 1e16, 1e-6][Int(random.next() % 6)]
            let n = (random.unit() - 0.5) * scale
            return .number(random.next() % 3 == 0 ? n.rounded() : n)
        case 2, 3:
            let alphabet: [Character] = ["a", "Z", " ", "\"", "\\", "\n", "\t", "\u{02}", "ж", "ё", "😀", "/", "0"]
            return .string(String((0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
        case 4: return .array((0..<Int(random.next() % 4)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var object: [String: JSONValue] = [:]
            for i in 0..<Int(random.next() % 4) { object["k\(random.next() % 10)\(i)"] = randomValue(&random, depth: depth + 1) }
            return .object(object)
        }
    }
}

/// The String-based writer `JSONWriter` replaced, kept as the reference it is checked against.
enum ReferenceJSON {
    static func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    static func write(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d):
            if d.rounded() == d, abs(d) < 1e15 { out += String(Int64(d)) }
            else if d.isFinite { out += "\(d)" } else { out += "null" }
        case .string(let s): writeString(s, to: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() { if i > 0 { out += "," }; write(v, to: &out) }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, key) in o.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                writeString(key, to: &out); out += ":"; write(o[key]!, to: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    static func timestamp(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let millis = ms - seconds * 1000
        let day = Day(daysSinceEpoch: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
        let secOfDay = Int(seconds - Int64(day.daysSinceEpoch) * 86_400)
        let time = Day.pad(secOfDay / 3600, 2) + ":" + Day.pad(secOfDay / 60 % 60, 2) + ":" + Day.pad(secOfDay % 60, 2)
        return millis == 0 ? "\(self.day(day))T\(time)Z" : "\(self.day(day))T\(time).\(Day.pad(Int(millis), 3))Z"
    }

    static func day(_ day: Day) -> String {
        Day.pad(day.year, 4) + "-" + Day.pad(day.month, 2) + "-" + Day.pad(day.day, 2)
    }
}
