import Foundation

/// Compact JSON text written as UTF-8 bytes: the one writer behind `JSONValue.jsonText`, `Record.jsonText(fields:)`,
/// timestamps and the journal's stored changes. Appending bytes costs a fraction of appending to a `String` piece by
/// piece, which made JSON most of the CPU time of an import.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Forgets the text, keeping the buffer.
    public mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    /// Appends text as it is (no quoting).
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends text as it is (no quoting).
    public mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A quoted string; quotes, backslashes and control characters escaped.
    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            bytes.append(0x22)
            var start = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                start = i + 1
                switch byte {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                default:
                    raw("\\u00")
                    bytes.append(Self.hexDigit(byte >> 4))
                    bytes.append(Self.hexDigit(byte & 0x0F))
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            bytes.append(0x22)
        }
    }

    /// A number: whole numbers below 10^15 without a fraction, other finite ones as Swift prints them, else null.
    public mutating func number(_ d: Double) {
        if d.rounded() == d, abs(d) < 1e15 { integer(Int64(d)) }
        else if d.isFinite { raw(d.description) } else { raw("null") }
    }

    /// Decimal digits of an integer.
    public mutating func integer(_ value: Int64) {
        if value < 0 { bytes.append(0x2D) }
        digits(value.magnitude)
    }

    /// Any JSON value; object keys sorted.
    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): b ? raw("true") : raw("false")
        case .number(let d): number(d)
        case .string(let s): string(s)
        case .array(let a):
            bytes.append(0x5B)
            for (i, item) in a.enumerated() {
                if i > 0 { bytes.append(0x2C) }
                value(item)
            }
            bytes.append(0x5D)
        case .object(let o):
            bytes.append(0x7B)
            for (i, (key, item)) in o.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { bytes.append(0x2C) }
                string(key)
                bytes.append(0x3A)
                value(item)
            }
            bytes.append(0x7D)
        }
    }

    /// A field value as the API shows it: the text of `value.json(as: type)`, without building that value.
    public mutating func value(_ v: FieldValue, as type: FieldType, currency: String? = nil) {
        switch v {
        case .null: raw("null")
        case .int(let i): type == .money ? number(Money.decimal(minorUnits: i, currency: currency)) : number(Double(i))
        case .double(let d): number(d)
        case .text(let s): string(s)
        case .bool(let b): b ? raw("true") : raw("false")
        case .time(let t): bytes.append(0x22); timestamp(t); bytes.append(0x22)
        case .day(let d): bytes.append(0x22); day(d); bytes.append(0x22)
        case .json(let j): value(j)
        }
    }

    /// `yyyy-MM-ddTHH:mm:ssZ`, with milliseconds when the instant has any (`Timestamp.format`).
    public mutating func timestamp(_ date: Date) {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let millis = ms - seconds * 1000
        let day = Day(daysSinceEpoch: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
        let secOfDay = Int(seconds - Int64(day.daysSinceEpoch) * 86_400)
        self.day(day)
        bytes.append(0x54)
        padded(secOfDay / 3600, 2); bytes.append(0x3A)
        padded(secOfDay / 60 % 60, 2); bytes.append(0x3A)
        padded(secOfDay % 60, 2)
        if millis != 0 { bytes.append(0x2E); padded(Int(millis), 3) }
        bytes.append(0x5A)
    }

    /// `yyyy-MM-dd` (`Day.description`).
    public mutating func day(_ d: Day) {
        padded(d.year, 4); bytes.append(0x2D)
        padded(d.month, 2); bytes.append(0x2D)
        padded(d.day, 2)
    }

    /// Zero-padded decimal digits, as `Day.pad` writes them (a negative value keeps its sign after the zeros).
    mutating func padded(_ value: Int, _ width: Int) {
        guard value >= 0 else { return raw(Day.pad(value, width)) }
        var count = 1
        var rest = value / 10
        while rest > 0 { count += 1; rest /= 10 }
        for _ in count..<max(width, count) { bytes.append(0x30) }
        digits(UInt64(value))
    }

    private mutating func digits(_ value: UInt64) {
        var divisor: UInt64 = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(truncatingIfNeeded: rest / divisor) + 0x30)
            rest %= divisor
            divisor /= 10
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10 }
}
