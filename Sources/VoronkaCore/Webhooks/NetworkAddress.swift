/// Whether an IP address (IPv4 dotted or IPv6 text) is one a webhook must not reach without an admin's leave:
/// loopback, private, link-local, carrier-grade NAT, unique-local, unspecified, multicast or broadcast (SSRF).
public enum NetworkAddress {
    public static func isInternal(_ address: String) -> Bool {
        let text = address.split(separator: "%").first.map(String.init) ?? address   // zone index
        if let v4 = ipv4(text) { return internal4(v4) }
        guard let v6 = ipv6(text) else { return true }   // unreadable: refuse
        if v6.allSatisfy({ $0 == 0 }) { return true }                       // ::
        if v6[0..<15].allSatisfy({ $0 == 0 }) && v6[15] == 1 { return true } // ::1
        if v6[0..<10].allSatisfy({ $0 == 0 }) && v6[10] == 0xFF && v6[11] == 0xFF {
            return internal4(Array(v6[12..<16]))                              // ::ffff:a.b.c.d
        }
        if v6[0] & 0xFE == 0xFC { return true }                              // fc00::/7
        if v6[0] == 0xFE && v6[1] & 0xC0 == 0x80 { return true }             // fe80::/10
        if v6[0] == 0xFF { return true }                                     // multicast
        return false
    }

    static func internal4(_ b: [UInt8]) -> Bool {
        switch (b[0], b[1]) {
        case (0, _), (10, _), (127, _): return true
        case (100, 64...127): return true
        case (169, 254): return true
        case (172, 16...31): return true
        case (192, 168): return true
        case (198, 18...19): return true
        case (224...255, _): return true
        default: return b == [192, 0, 0, 0] || (b[0] == 192 && b[1] == 0 && b[2] == 2)
        }
    }

    /// The four bytes of a dotted IPv4 address, or nil.
    public static func ipv4(_ s: String) -> [UInt8]? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy(\.isASCII), let n = UInt8(p) else { return nil }
            out.append(n)
        }
        return out
    }

    /// The sixteen bytes of an IPv6 address in text, or nil.
    public static func ipv6(_ s: String) -> [UInt8]? {
        guard s.contains(":") else { return nil }
        var text = s
        var tail4: [UInt8] = []
        if let last = text.split(separator: ":").last, last.contains(".") {
            guard let v4 = ipv4(String(last)) else { return nil }
            tail4 = v4
            text = String(text.dropLast(last.count)) + "0:0"
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ h: String) -> [UInt16]? {
            if h.isEmpty { return [] }
            var out: [UInt16] = []
            for g in h.split(separator: ":", omittingEmptySubsequences: false) {
                guard !g.isEmpty, g.count <= 4, let n = UInt16(g, radix: 16) else { return nil }
                out.append(n)
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let rest = groups(halves[1]), head.count + rest.count < 8 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - rest.count) + rest
        }
        guard all.count == 8 else { return nil }
        var bytes = all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        if !tail4.isEmpty { bytes.replaceSubrange(12..<16, with: tail4) }
        return bytes
    }
}
