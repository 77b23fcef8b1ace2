import Foundation
import Logging
import VoronkaAnalytics
import VoronkaCore
import VoronkaStore

/// Makes and keeps the weekly reviews: for every active head of sales (everyone's) and manager (their team's), on
/// Monday from 07:00 in the company's time zone, and on demand when one opens this week's before it was made.
enum WeeklyReviews {
    /// The hour on Monday from which the week's reviews are made.
    static let hour = 7

    /// The company's time zone (the setting; UTC when none or unknown).
    static func zone(_ store: SQLStore) async throws -> TimeZone {
        if case .string(let name)? = try await store.setting(SettingKey.timeZone.rawValue), let zone = TimeZone(identifier: name) { return zone }
        return TimeZone(identifier: "UTC") ?? .current
    }

    /// The Monday of the week holding `now` in the zone, and its 00:00 there.
    static func monday(of now: Date, in zone: TimeZone) -> (day: Day, start: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = 2
        let start = calendar.dateInterval(of: .weekOfYear, for: now)?.start ?? calendar.startOfDay(for: now)
        let parts = calendar.dateComponents([.year, .month, .day], from: start)
        let day = Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(daysSinceEpoch: 0)
        return (day, start)
    }

    /// Whether `now` is past Monday 07:00 of its week in the zone.
    static func due(_ now: Date, in zone: TimeZone) -> Bool {
        now >= monday(of: now, in: zone).start.addingTimeInterval(Double(hour) * 3600)
    }

    /// Who gets a review: active heads of sales, and active users someone active reports to.
    static func reviewers(_ users: [User]) -> [User] {
        let active = users.filter(\.active)
        let managers = Set(active.compactMap(\.managerID))
        return active.filter { $0.role == .headOfSales || managers.contains($0.id) }.sorted { $0.id < $1.id }
    }

    /// Whether this user gets a review (a head of sales, an admin, or someone with reports).
    static func mayHave(_ user: User, users: [User]) -> Bool {
        user.role.seesEverything || users.contains { $0.active && $0.managerID == user.id }
    }

    /// This week's review of the user, made and kept now if it was not.
    static func current(for user: User, _ s: Services) async throws -> WeeklyReview {
        let zone = try await zone(s.store)
        let week = monday(of: s.clock.now(), in: zone)
        if let kept = try await s.store.read({ try await $0.weeklyReview(userID: user.id, week: week.day) }) { return kept }
        let review = try await make(for: user, week: week.day, start: week.start, s)
        return try await s.store.write(actor: nil, origin: "reviews") { try await $0.keepWeeklyReview(review) }
    }

    /// Makes every due review of this week not yet kept; returns how many it made.
    @discardableResult
    static func makeDue(_ s: Services) async throws -> Int {
        let zone = try await zone(s.store)
        let now = s.clock.now()
        guard due(now, in: zone) else { return 0 }
        let week = monday(of: now, in: zone)
        let users = try await s.store.all(.user).map(User.init(record:))
        var made = 0
        for user in reviewers(users) {
            if try await s.store.read({ try await $0.weeklyReview(userID: user.id, week: week.day) }) != nil { continue }
            let review = try await make(for: user, week: week.day, start: week.start, s)
            try await s.store.write(actor: nil, origin: "reviews") { try await $0.keepWeeklyReview(review) }
            made += 1
        }
        return made
    }

    /// The review of a user for the week starting `start`: the open nudges of their team ranked, the team's unqualified
    /// deals past the first meeting, and the movement of the week before.
    static func make(for user: User, week: Day, start: Date, _ s: Services) async throws -> WeeklyReview {
        // The list is the open nudges: at start, the rules may not have run yet in this process.
        if await s.nudges.lastRun == nil { try await s.nudges.evaluate() }
        let users = try await s.store.all(.user).map(User.init(record:))
        let managers = Dictionary(users.map { ($0.id, $0.managerID) }, uniquingKeysWith: { a, _ in a })
        let viewer = Viewer(user: user, managers: managers)
        let team = viewer.visibleOwners
        // Open nudges of the team (the owner's, level 0: one per record and rule).
        var nudges: [Nudge] = []
        var after: (urgency: Int64, id: Int64)?
        repeat {
            var filter = NudgeFilter(userID: nil, states: [.open])
            filter.userIDs = team
            let query = filter
            let page = try await s.store.read { [after] in try await $0.nudges(query, after: after, limit: 500) }
            nudges += page.nudges.filter { $0.level == 0 }
            after = page.nextCursor.flatMap(NudgesController.cursor)
        } while after != nil && nudges.count < 50_000
        var seen = Set<String>()
        nudges = nudges.filter { seen.insert("\($0.rule.rawValue):\($0.entity.rawValue):\($0.entityID)").inserted }
        let deals = try await records(.deal, nudges.filter { $0.entity == .deal }.map(\.entityID), s)
        let companies = try await records(.company, nudges.filter { $0.entity == .company }.map(\.entityID), s)
        let leads = try await records(.lead, nudges.filter { $0.entity == .lead }.map(\.entityID), s)
        var items: [WeeklyReview.Item] = nudges.compactMap { n in
            let kind: WeeklyReview.Kind
            switch n.rule {
            case .stalled: kind = .stalled
            case .postponed: kind = .postponed
            case .yearlyBuyer: kind = .yearlyBuyer
            case .leadResponse: kind = .responseBreach
            case .stale: kind = .stale
            case .webhookFailing, .qualification: return nil   // the control report's own items below
            }
            switch n.entity {
            case .deal:
                guard let r = deals[n.entityID] else { return nil }
                return .init(kind: kind, entity: .deal, entityID: n.entityID, title: r.text("title") ?? "#\(n.entityID)", ownerID: r.int("owner_id"),
                             amount: r.int("amount"), currency: r.text("currency"), reason: n.reason)
            case .company:
                guard let r = companies[n.entityID] else { return nil }
                return .init(kind: kind, entity: .company, entityID: n.entityID, title: r.text("name") ?? "#\(n.entityID)", ownerID: r.int("owner_id"),
                             amount: nil, currency: nil, reason: n.reason)
            default:
                guard let r = leads[n.entityID] else { return nil }
                let title = r.text("company_name") ?? r.text("contact_name") ?? "#\(n.entityID)"
                return .init(kind: kind, entity: .lead, entityID: n.entityID, title: title, ownerID: r.int("owner_id"), amount: nil, currency: nil,
                             reason: n.reason)
            }
        }
        let control = try await ViolationReport.make(s, viewer: viewer, params: [:])
        let flagged = try await records(.deal, control.violations.map(\.dealID), s)
        for v in control.violations {
            guard let r = flagged[v.dealID] else { continue }
            items.append(.init(kind: .unqualified, entity: .deal, entityID: v.dealID, title: r.text("title") ?? "#\(v.dealID)", ownerID: v.ownerID,
                               amount: r.int("amount"), currency: r.text("currency"),
                               reason: v.grade == .ungraded
                                   ? BilingualText(en: "Past the first meeting, not qualified and not graded.",
                                                   ru: "После первой встречи без квалификации и без класса.")
                                   : BilingualText(en: "Past the first meeting without qualification (grade \(v.grade.rawValue)).",
                                                   ru: "После первой встречи без квалификации (класс \(v.grade.rawValue)).")))
        }
        let ranked = WeeklyReview.rank(items)
        let snapshot = try await s.analytics.snapshot()
        let movement = Metrics.weeklyMovement(snapshot, AnalyticsFilter(team: team), start: start.addingTimeInterval(-7 * 86_400))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(movement))
        return WeeklyReview(week: week, userID: user.id, createdAt: s.clock.now(), items: ranked.items, counts: ranked.counts, movement: json)
    }

    static func records(_ kind: EntityKind, _ ids: [Int64], _ s: Services) async throws -> [Int64: Record] {
        var out: [Int64: Record] = [:]
        var start = 0
        let unique = Array(Set(ids)).sorted()
        while start < unique.count {
            let batch = Array(unique[start..<min(start + 500, unique.count)])
            start += batch.count
            for r in try await s.store.records(kind, ids: batch) { if let id = r.int("id") { out[id] = r } }
        }
        return out
    }
}

extension Services {
    /// Makes the weekly reviews that are due and not yet kept (what the scheduler does every ten minutes).
    public func makeDueWeeklyReviews() async throws -> Int { try await WeeklyReviews.makeDue(self) }
}

/// Makes the weekly reviews when they come due (checked every ten minutes, and at start).
actor WeeklyReviewScheduler {
    private let services: Services
    private var loop: Task<Void, Never>?
    private let logger = Logger(label: "voronka.reviews")

    init(services: Services) { self.services = services }

    func start(every interval: Double = 600) {
        guard loop == nil else { return }
        loop = Task { [services, logger] in
            while !Task.isCancelled {
                do { try await WeeklyReviews.makeDue(services) } catch {
                    logger.warning("Weekly reviews were not made (tried again in ten minutes): \(error)")
                }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
            }
        }
    }

    func stop() {
        loop?.cancel()
        loop = nil
    }
}
