import Foundation
import VoronkaAnalytics
import VoronkaCore
import VoronkaStore
import VoronkaWeb

/// A user's due nudges, follow-ups and yearly buyers as an iCalendar feed at a secret address: a token of 256 random
/// bits (stored only as its hash, kind "calendar", which signs nobody in), one live per user, revocable; a new one
/// ends the one before. A password change ends it too, as it ends every credential but API tokens.
enum CalendarFeed {
    static let kind = "calendar"

    /// Makes the user's feed token, revoking any before; returns the secret (shown once).
    static func create(userID: Int64, _ s: Services) async throws -> String {
        let secret = Secrets.token()
        try await s.store.write(actor: userID, at: s.clock.now()) { tx in
            try await tx.revokeTokens(userID: userID, kind: kind)
            _ = try await tx.insertToken(userID: userID, name: "calendar", kind: kind, hash: Secrets.hash(token: secret), expiresAt: nil)
        }
        return secret
    }

    /// Ends the user's feed; false when there was none.
    @discardableResult
    static func revoke(userID: Int64, _ s: Services) async throws -> Bool {
        try await s.store.write(actor: userID, at: s.clock.now()) { tx in
            !(try await tx.revokeTokens(userID: userID, kind: kind)).isEmpty
        }
    }

    /// The user's live feed token, if any.
    static func active(userID: Int64, _ s: Services) async throws -> TokenRecord? {
        try await s.store.tokens(userID: userID).first { $0.kind == kind && $0.revokedAt == nil }
    }

    /// The feed's address for a secret.
    static func url(base: String, secret: String) -> String { base + SiteURL.calendarFeed(secret + ".ics").path }

    /// The feed of the token's user, or nil for an unknown or revoked token or a deactivated user.
    static func document(secret: String, base: String, _ s: Services) async throws -> String? {
        let now = s.clock.now()
        guard let found = try await s.store.token(hash: Secrets.hash(token: secret), now: now), found.token.kind == kind else { return nil }
        let user = User(record: found.user)
        guard user.active else { return nil }
        let language = user.locale
        func pick(_ text: BilingualText) -> String { language == .ru ? text.ru : text.en }
        var events: [CalendarEvent] = []
        // Open and snoozed nudges: due later at their time; overdue ones on today's date.
        let page = try await s.store.read { try await $0.nudges(NudgeFilter(userID: user.id, states: [.open, .snoozed]), limit: 500) }
        let today = Day(daysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
        for n in page.nudges {
            let at = n.snoozedUntil ?? n.dueAt
            events.append(CalendarEvent(uid: "nudge-\(n.id)@voronka", start: at > now ? .at(at, minutes: 30) : .day(today),
                                        summary: pick(n.rule.title), description: pick(n.reason), url: base + SiteURL.recordPath(n.entity, n.entityID)))
        }
        // Follow-ups: open activities with a due time, from a month ago on.
        let activities = try await s.store.list(.activity, query: try ListQuery.parse(
            ["owner_id": String(user.id), "done_at_null": "true", "due_at_from": Timestamp.format(now.addingTimeInterval(-30 * 86_400)),
             "sort": "due_at", "limit": "500"], fields: Activity.fields, sortable: Activity.sortable).get()).records.map(Activity.init(record:))
        for a in activities {
            guard let due = a.dueAt else { continue }
            let about = a.dealID.map { SiteURL.deal($0).path } ?? a.companyID.map { SiteURL.company($0).path } ?? SiteURL.myWork.path
            events.append(CalendarEvent(uid: "activity-\(a.id)@voronka", start: .at(due, minutes: 30),
                                        summary: a.subject ?? a.kind.rawValue, description: a.body, url: base + about))
        }
        // Yearly buyers the user owns: a call every year a month before their purchase month.
        let snapshot = try await s.analytics.snapshot()
        let buyers = Metrics.yearlyBuyers(snapshot, .all, asOf: now).companies.filter { $0.ownerID == user.id }
        let names = Dictionary(try await s.store.records(.company, ids: buyers.map(\.companyID)).compactMap { r in
            r.int("id").map { ($0, r.text("name") ?? "#\($0)") } }, uniquingKeysWith: { a, _ in a })
        for b in buyers {
            guard let call = Day(b.callOn) else { continue }
            let name = names[b.companyID] ?? "#\(b.companyID)"
            let summary = pick(BilingualText(en: "Call \(name): it buys every year", ru: "Позвонить: \(name) покупает каждый год"))
            events.append(CalendarEvent(uid: "yearly-\(b.companyID)@voronka", start: .day(call), summary: summary,
                                        url: base + SiteURL.company(b.companyID).path, yearly: true))
        }
        return ICalendar.document(name: "Voronka · " + user.name, events: events, stamp: now)
    }
}
