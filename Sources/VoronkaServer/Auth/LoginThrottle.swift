import Foundation

/// Failed sign-ins, counted per email and per client address, for the web form and the API alike. After `perEmail`
/// failures for one email, or `perAddress` from one address, within `window`, sign-in is refused until the oldest of
/// those failures leaves the window; the refusal says when (`Retry-After`). A success clears the email's count only:
/// an address that guesses at many emails stays throttled.
public actor LoginThrottle {
    public let perEmail: Int
    public let perAddress: Int
    public let window: TimeInterval
    private var byEmail: [String: [Date]] = [:]
    private var byAddress: [String: [Date]] = [:]
    /// Keys kept at most, so that a flood of made-up emails cannot grow memory without bound.
    private let maxKeys = 100_000

    public init(perEmail: Int = 5, perAddress: Int = 30, window: TimeInterval = 15 * 60) {
        self.perEmail = perEmail; self.perAddress = perAddress; self.window = window
    }

    /// Seconds until this email from this address may try again; nil when it may try now.
    public func retryAfter(email: String, address: String?, now: Date) -> Int? {
        let waits = [Self.wait(&byEmail, email, limit: perEmail, window: window, now: now),
                     address.flatMap { Self.wait(&byAddress, $0, limit: perAddress, window: window, now: now) }]
        return waits.compactMap { $0 }.max()
    }

    /// Records a failed sign-in.
    public func failed(email: String, address: String?, now: Date) {
        Self.add(&byEmail, email, now, maxKeys: maxKeys)
        if let address { Self.add(&byAddress, address, now, maxKeys: maxKeys) }
    }

    /// Records a successful sign-in: the email's failures are forgotten.
    public func succeeded(email: String) { byEmail[email] = nil }

    private static func wait(_ table: inout [String: [Date]], _ key: String, limit: Int, window: TimeInterval, now: Date) -> Int? {
        let recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
        table[key] = recent.isEmpty ? nil : recent
        guard recent.count >= limit else { return nil }
        // The count drops below the limit once the failure `limit` places from the newest leaves the window.
        let unlocking = recent[recent.count - limit]
        return max(1, Int((window - now.timeIntervalSince(unlocking)).rounded(.up)))
    }

    private static func add(_ table: inout [String: [Date]], _ key: String, _ now: Date, maxKeys: Int) {
        if table[key] == nil, table.count >= maxKeys {
            // Drop the keys whose last failure is oldest; their locks were the nearest to ending anyway.
            let cut = table.sorted { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }.prefix(maxKeys / 10).map(\.key)
            for k in cut { table[k] = nil }
        }
        var list = table[key] ?? []
        list.append(now)
        if list.count > 1000 { list.removeFirst(list.count - 1000) }
        table[key] = list
    }
}
