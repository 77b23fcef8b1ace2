import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VoronkaCore

/// The addresses a host name resolves to (or the address itself), to refuse a webhook that reaches inside the
/// network (SSRF). An address that cannot be resolved counts as refused.
enum HostAddresses {
    static func resolve(_ host: String) -> [String] {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if NetworkAddress.ipv4(bare) != nil || NetworkAddress.ipv6(bare) != nil { return [bare] }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(bare, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var out: [String] = []
        var p = list
        while let info = p?.pointee {
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            if info.ai_family == AF_INET, let a = info.ai_addr {
                a.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                    var addr = v4.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &addr, &buffer, socklen_t(buffer.count))
                }
                out.append(String(cString: buffer))
            } else if info.ai_family == AF_INET6, let a = info.ai_addr {
                a.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                    var addr = v6.pointee.sin6_addr
                    _ = inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count))
                }
                out.append(String(cString: buffer))
            }
            p = info.ai_next
        }
        return out
    }

    /// Why a URL's host may not be reached without an admin's leave, or nil when it may.
    static func refusal(_ url: String) -> String? {
        guard let host = URLComponents(string: url)?.host, !host.isEmpty else { return "has no host" }
        let addresses = resolve(host)
        if addresses.isEmpty { return "has a host that does not resolve (\(host))" }
        if let inside = addresses.first(where: NetworkAddress.isInternal) {
            return "reaches a loopback or private address (\(inside)); an admin may allow it with allow_private"
        }
        return nil
    }
}
