/// The Windows-1251 (Cyrillic) code page, our own table so that decoding does not depend on the
/// encodings Foundation has on Linux. Bytes below 0x80 are ASCII.
enum Windows1251 {
    /// Unicode scalars of bytes 0x80...0xBF; 0xC0...0xFF are А...я (U+0410...U+044F) in order.
    /// 0x98 is unassigned; it maps to U+0098 as in the WHATWG Encoding Standard.
    static let upperHalf: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]

    /// The Unicode scalar value of one byte.
    static func scalar(_ byte: UInt8) -> UInt32 {
        switch byte {
        case 0..<0x80: UInt32(byte)
        case 0x80..<0xC0: UInt32(upperHalf[Int(byte) - 0x80])
        default: 0x0410 + UInt32(byte) - 0xC0
        }
    }

    /// The UTF-8 bytes of each of the 128 upper bytes, computed once (2 or 3 bytes each).
    private static let utf8Table: [[UInt8]] = (0x80...0xFF).map { byte in
        Array(String(Character(Unicode.Scalar(scalar(UInt8(byte))) ?? "\u{FFFD}")).utf8)
    }

    /// Transcodes Windows-1251 bytes to UTF-8.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        let table = utf8Table
        for byte in bytes {
            if byte < 0x80 { out.append(byte) } else { out.append(contentsOf: table[Int(byte) - 0x80]) }
        }
        return out
    }

    /// Encodes text as Windows-1251; nil when a character has no byte in the code page.
    static func encode(_ text: String) -> [UInt8]? {
        var reverse: [UInt32: UInt8] = [:]
        for byte in 0x80...0xFF { reverse[scalar(UInt8(byte))] = UInt8(byte) }
        var out: [UInt8] = []
        for s in text.unicodeScalars {
            if s.value < 0x80 { out.append(UInt8(s.value)) }
            else if let b = reverse[s.value] { out.append(b) }
            else { return nil }
        }
        return out
    }
}
