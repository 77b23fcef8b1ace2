import Foundation
import VoronkaAnalytics
import VoronkaCore

/// Analytics query parameters: filters (pipeline_id, owner_id, source, channel_id, channel_group, segment, from, to), the as-of date and the
/// metrics' options (cohort, maturity_days, response_target_hours, untouched_days, stalled_order). Every problem names its parameter.
struct AnalyticsQuery {
    var filter = AnalyticsFilter()
    var asOf: Date
    var options = DashboardOptions()

    /// The query, with the installation's currency rates for the sums.
    static func parse(_ params: [String: String], viewer: Viewer, services: Services) async throws -> AnalyticsQuery {
        var query = try parse(params, viewer: viewer, now: services.clock.now())
        query.options.rates = try await services.currencyRates()
        return query
    }

    static func parse(_ params: [String: String], viewer: Viewer, now: Date) throws -> AnalyticsQuery {
        var q = AnalyticsQuery(asOf: now)
        var errors: [FieldError] = []
        func ids(_ key: String) -> Set<Int64>? {
            guard let raw = params[key] else { return nil }
            let parts = raw.split(separator: ",").map { Int64($0.trimmingCharacters(in: .whitespaces)) }
            if parts.isEmpty || parts.contains(where: { ($0 ?? 0) <= 0 }) { errors.append(FieldError(key, "must be ids separated by commas")); return nil }
            return Set(parts.compactMap { $0 })
        }
        func day(_ key: String) -> Date? {
            guard let raw = params[key] else { return nil }
            guard let d = Day(raw) else { errors.append(FieldError(key, .day)); return nil }
            guard d.isSupported else { errors.append(FieldError(key, .dateOutOfRange)); return nil }
            return d.startDate
        }
        func int(_ key: String, _ range: ClosedRange<Int>) -> Int? {
            guard let raw = params[key] else { return nil }
            guard let v = Int(raw), range.contains(v) else { errors.append(FieldError(key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")); return nil }
            return v
        }
        let known: Set<String> = ["pipeline_id", "owner_id", "source", "channel_id", "channel_group", "segment", "from", "to", "as_of", "cohort", "maturity_days",
                                  "response_target_hours", "untouched_days", "stalled_order"]
        for key in params.keys.sorted() where !known.contains(key) { errors.append(FieldError(key, "is not a parameter of analytics")) }
        q.filter.pipelineIDs = ids("pipeline_id")
        if let owners = ids("owner_id") {
            if owners.count == 1 { q.filter.ownerID = owners.first } else { q.filter.team = owners }
        }
        if let raw = params["source"] {
            let sources = raw.split(separator: ",").map { LeadSource(rawValue: String($0)) }
            if sources.contains(where: { $0 == nil }) {
                errors.append(FieldError("source", "must be among: \(LeadSource.allCases.map(\.rawValue).joined(separator: ", "))"))
            } else { q.filter.sources = Set(sources.compactMap { $0 }) }
        }
        q.filter.channelIDs = ids("channel_id")
        if let raw = params["channel_group"] {
            let groups = raw.split(separator: ",").map { ChannelGroup(rawValue: String($0)) }
            if groups.isEmpty || groups.contains(where: { $0 == nil }) {
                errors.append(FieldError("channel_group", .oneOf(ChannelGroup.allCases.map(\.rawValue))))
            } else { q.filter.channelGroups = Set(groups.compactMap { $0 }) }
        }
        if let raw = params["segment"] { q.filter.segments = Set(raw.split(separator: ",").map(String.init)) }
        q.filter.from = day("from")
        q.filter.to = day("to")
        if let asOf = day("as_of") { q.asOf = asOf.addingTimeInterval(86_399) }
        if let raw = params["cohort"] {
            if let grain = CohortGrain(rawValue: raw) { q.options.cohort = grain } else { errors.append(FieldError("cohort", "must be month, quarter or year")) }
        }
        if let v = int("maturity_days", 1...3650) { q.options.maturityDays = v }
        if let v = int("response_target_hours", 1...720) { q.options.responseTargetHours = Double(v) }
        if let v = int("untouched_days", 1...3650) { q.options.untouchedDays = v }
        if let raw = params["stalled_order"] {
            if let order = StalledOrder(rawValue: raw) { q.options.stalledOrder = order }
            else { errors.append(FieldError("stalled_order", "must be among: \(StalledOrder.allCases.map(\.rawValue).joined(separator: ", "))")) }
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        // A rep or manager sees their team's figures only, whatever they ask for.
        if let visible = viewer.visibleOwners {
            if let owner = q.filter.ownerID, !visible.contains(owner) { throw DomainError.forbidden("Owner \(owner) is outside your team.") }
            q.filter.team = q.filter.team.map { $0.intersection(visible) } ?? visible
        }
        return q
    }
}
