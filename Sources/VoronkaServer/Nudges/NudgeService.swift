import Foundation
import VoronkaCore
import VoronkaStore
import VoronkaWeb

/// Reads and acts on nudges for a caller: one sees one's own, a manager their team's, a head of sales everyone's.
struct NudgeService: Sendable {
    let store: SQLStore
    let clock: Clock

    /// What one does with a nudge.
    enum Action: Sendable {
        case done
        case snooze(until: Date)
        case dismiss(reason: String)
    }

    /// The list parameters, checked: every problem names its parameter.
    struct ListParams: Sendable {
        var filter: NudgeFilter
        var after: (urgency: Int64, id: Int64)?
        var limit: Int

        static let keys = ["state", "rule", "user_id", "entity", "entity_id", "limit", "after"]

        /// `state` is a comma list (default open); `user_id` defaults to the caller.
        static func parse(_ params: [String: String], viewer: Viewer) throws -> ListParams {
            var errors: [FieldError] = []
            for key in params.keys.sorted() where !keys.contains(key) {
                errors.append(FieldError(key, .notKnownKey(known: keys)))
            }
            var filter = NudgeFilter(userID: viewer.userID)
            if let raw = params["state"] {
                var states: [NudgeState] = []
                for part in raw.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let state = NudgeState(rawValue: part.trimmingCharacters(in: .whitespaces)) else {
                        errors.append(FieldError("state", .oneOf(NudgeState.allCases.map(\.rawValue))))
                        break
                    }
                    if !states.contains(state) { states.append(state) }
                }
                filter.states = states
            }
            if let raw = params["rule"] {
                if let rule = NudgeRule(rawValue: raw) { filter.rule = rule } else { errors.append(FieldError("rule", .oneOf(NudgeRule.allCases.map(\.rawValue)))) }
            }
            if let raw = params["user_id"] {
                if raw == "team", let team = viewer.visibleOwners {
                    filter.userID = nil
                    filter.userIDs = team
                } else if let id = Int64(raw), id > 0 {
                    if !viewer.owns(id) { throw DomainError.forbidden("The nudges of user \(id) are outside your team.") }
                    filter.userID = id
                } else if raw == "all", viewer.visibleOwners == nil {
                    filter.userID = nil
                } else {
                    errors.append(FieldError("user_id", viewer.visibleOwners == nil ? "must be a user id or all" : "must be a user id of your team, or team"))
                }
            }
            if let raw = params["entity"] {
                let kinds: [EntityKind] = [.deal, .lead, .company, .webhook]
                if let kind = EntityKind(rawValue: raw), kinds.contains(kind) { filter.entity = kind } else {
                    errors.append(FieldError("entity", .oneOf(kinds.map(\.rawValue))))
                }
            }
            if let raw = params["entity_id"] {
                if let id = Int64(raw), id > 0 { filter.entityID = id } else { errors.append(FieldError("entity_id", .positiveID)) }
            }
            var limit = 50
            if let raw = params["limit"] {
                if let n = Int(raw), (1...500).contains(n) { limit = n } else { errors.append(FieldError("limit", .limitRange(max: 500))) }
            }
            var after: (Int64, Int64)?
            if let raw = params["after"] {
                let parts = raw.split(separator: ":")
                if parts.count == 2, let u = Int64(parts[0]), let i = Int64(parts[1]), i > 0 { after = (u, i) } else {
                    errors.append(FieldError("after", .notACursor))
                }
            }
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            return ListParams(filter: filter, after: after, limit: limit)
        }
    }

    func list(_ params: ListParams) async throws -> NudgePage {
        try await store.read { try await $0.nudges(params.filter, after: params.after, limit: params.limit) }
    }

    /// The caller's open nudges (the bell).
    func openCount(userID: Int64) async throws -> Int {
        try await store.read { try await $0.nudgeCount(NudgeFilter(userID: userID, states: [.open])) }
    }

    /// The open nudges about a record (anyone's), for its page.
    func openAbout(_ entity: EntityKind, _ id: Int64) async throws -> [RecordNudge] {
        let page = try await store.read { try await $0.nudges(NudgeFilter(userID: nil, states: [.open], entity: entity, entityID: id), limit: 20) }
        return page.nudges.filter { $0.level == 0 }.map { RecordNudge(rule: $0.rule, reason: $0.reason) }
    }

    /// One nudge the viewer may see.
    func get(_ id: Int64, viewer: Viewer) async throws -> Nudge {
        guard let nudge = try await store.read({ try await $0.nudge(id: id) }) else { throw DomainError.notFound(.nudge, id) }
        guard viewer.owns(nudge.userID) else { throw DomainError.forbidden("This nudge is for someone outside your team.") }
        return nudge
    }

    /// Marks a nudge done, snoozes it or dismisses it (journaled).
    func act(_ id: Int64, _ action: Action, viewer: Viewer) async throws -> Nudge {
        let now = clock.now()
        switch action {
        case .snooze(let until):
            if until <= now { throw DomainError.invalid("until", .mustBeLater(than: Timestamp.format(now))) }
            if until > now.addingTimeInterval(366 * 86_400) { throw DomainError.invalid("until", "must be within a year") }
        case .dismiss(let reason):
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw DomainError.invalid("reason", .required) }
            if reason.count > 2000 { throw DomainError.invalid("reason", .maxLength(2000)) }
        case .done: break
        }
        return try await store.write(actor: viewer.actorID, at: now) { tx in
            guard let nudge = try await tx.nudge(id: id) else { throw DomainError.notFound(.nudge, id) }
            guard viewer.owns(nudge.userID) else { throw DomainError.forbidden("This nudge is for someone outside your team.") }
            if nudge.state == .done || nudge.state == .dismissed {
                throw DomainError.conflict(field: "state", reason: "is \(nudge.state.rawValue) already")
            }
            let changed: Nudge?
            switch action {
            case .done: changed = try await tx.setNudgeState(id: id, .done)
            case .snooze(let until): changed = try await tx.setNudgeState(id: id, .snoozed, snoozedUntil: until)
            case .dismiss(let reason): changed = try await tx.setNudgeState(id: id, .dismissed, note: reason.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            guard let changed else { throw DomainError.notFound(.nudge, id) }
            return changed
        }
    }
}

extension Services {
    var nudgeService: NudgeService { NudgeService(store: store, clock: clock) }
}
