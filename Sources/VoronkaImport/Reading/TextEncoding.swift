/// The character encodings an export may come in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    /// Cyrillic Windows code page, as Excel and older Russian CRMs write CSV.
    case windows1251 = "windows-1251"
    /// UTF-16 little endian with a byte-order mark, as Excel's "Unicode text" writes.
    case utf16LE = "utf-16le"

    /// The encoding as a mapping file names it ("utf-8", "utf8", "windows-1251", "cp1251", "utf-16le").
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "windows-1251", "cp1251", "win1251", "1251": self = .windows1251
        case "utf-16le", "utf-16", "utf16": self = .utf16LE
        default: return nil
        }
    }
}

/// Turns the bytes of a file into UTF-8 bytes without a byte-order mark.
enum TextDecoder {
    /// The UTF-8 bytes of the file and the encoding found (or given). UTF-8 is taken when the bytes are
    /// valid UTF-8, Windows-1251 otherwise; a byte-order mark decides first.
    static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, given: TextEncoding?) -> (bytes: [UInt8]?, skip: Int, encoding: TextEncoding) {
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, given != .windows1251 {
            return (nil, 3, .utf8)
        }
        if n >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE, given == nil || given == .utf16LE {
            return (utf16LE(UnsafeBufferPointer(rebasing: bytes[2...])), 0, .utf16LE)
        }
        switch given {
        case .utf8?: return (nil, 0, .utf8)
        case .windows1251?: return (Windows1251.utf8(bytes), 0, .windows1251)
        case .utf16LE?: return (utf16LE(bytes), 0, .utf16LE)
        case nil:
            return isValidUTF8(bytes) ? (nil, 0, .utf8) : (Windows1251.utf8(bytes), 0, .windows1251)
        }
    }

    /// Whether the bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            // ASCII runs eight bytes at a time: most of a CSV is ASCII.
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { return true }
            let b0 = base[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard i + length <= n else { return false }
            let b1 = base[i + 1]
            guard b1 >= low, b1 <= high else { return false }
            for k in 2..<length where base[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }

    /// Transcodes UTF-16 LE to UTF-8; unpaired surrogates become U+FFFD.
    static func utf16LE(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            units.append(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)
            i += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
