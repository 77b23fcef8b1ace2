import Vapor
import VoronkaCore
import VoronkaStore

/// The nudges of the caller (or their team's): list, read, mark done, snooze, dismiss; and an evaluation on demand.
enum NudgeRoutes {
    static var all: [APIRoute] {
        [
            APIRoute(.GET, "nudges", "list_nudges", "List nudges, the most urgent first (keyset paging)", tag: "nudges",
                     response: .named("Nudges")) { req, s in
                let viewer = try req.caller().viewer
                let params = try NudgeService.ListParams.parse(req.queryParameters, viewer: viewer)
                let page = try await s.nudgeService.list(params)
                return JSONResponse.make(.object(["items": .array(page.nudges.map(NudgeJSON.nudge)),
                                                  "next_cursor": page.nextCursor.map(JSONValue.string) ?? .null]))
            },
            APIRoute(.GET, "nudges/:id", "get_nudge", "Read one nudge", tag: "nudges", response: .named("Nudge")) { req, s in
                JSONResponse.make(NudgeJSON.nudge(try await s.nudgeService.get(try req.id(), viewer: try req.caller().viewer)))
            },
            APIRoute(.POST, "nudges/:id/done", "nudge_done", "Mark a nudge done (journaled)", tag: "nudges", response: .named("Nudge")) { req, s in
                JSONResponse.make(NudgeJSON.nudge(try await s.nudgeService.act(try req.id(), .done, viewer: try req.caller().viewer)))
            },
            APIRoute(.POST, "nudges/:id/snooze", "snooze_nudge", "Hide a nudge until a later time (journaled)", tag: "nudges",
                     request: .named("NudgeSnooze"), response: .named("Nudge")) { req, s in
                let id = try req.id()
                let body = try req.jsonObject()
                try NudgeJSON.refuseUnknown(body, allowed: ["until"])
                guard case .string(let text)? = body["until"] else { throw DomainError.invalid("until", .required) }
                guard let until = Timestamp.parse(text) else { throw DomainError.invalid("until", .dateTime) }
                return JSONResponse.make(NudgeJSON.nudge(try await s.nudgeService.act(id, .snooze(until: until), viewer: try req.caller().viewer)))
            },
            APIRoute(.POST, "nudges/:id/dismiss", "dismiss_nudge", "Set a nudge aside with a reason (journaled)", tag: "nudges",
                     request: .named("NudgeDismiss"), response: .named("Nudge")) { req, s in
                let id = try req.id()
                let body = try req.jsonObject()
                try NudgeJSON.refuseUnknown(body, allowed: ["reason"])
                guard let value = body["reason"], value != .null else { throw DomainError.invalid("reason", .required) }
                guard case .string(let reason) = value else { throw DomainError.invalid("reason", .string(got: value.typeName)) }
                return JSONResponse.make(NudgeJSON.nudge(try await s.nudgeService.act(id, .dismiss(reason: reason), viewer: try req.caller().viewer)))
            },
            APIRoute(.GET, "me/calendar", "get_calendar", "Whether one's calendar feed address is live, and since when", tag: "nudges",
                     response: .named("Calendar")) { req, s in
                let live = try await CalendarFeed.active(userID: try req.caller().user.id, s)
                return JSONResponse.make(.object(["active": .bool(live != nil), "created_at": live.map { .string(Timestamp.format($0.createdAt)) } ?? .null]))
            },
            APIRoute(.POST, "me/calendar", "create_calendar", "Make one's iCalendar feed address (shown in this answer only; a new one ends the old)",
                     tag: "nudges", response: .named("CalendarCreated"), success: .created) { req, s in
                let secret = try await CalendarFeed.create(userID: try req.caller().user.id, s)
                return JSONResponse.make(.object(["url": .string(CalendarFeed.url(base: ProfileController.baseURL(req), secret: secret))]), status: .created)
            },
            APIRoute(.DELETE, "me/calendar", "delete_calendar", "End one's calendar feed address", tag: "nudges", response: nil, success: .noContent) { req, s in
                guard try await CalendarFeed.revoke(userID: try req.caller().user.id, s) else { throw DomainError.invalid("calendar", "has no live address") }
                return Response(status: .noContent)
            },
            APIRoute(.POST, "leads/:id/claim", "claim_lead", "Take a lead nobody owns: the first to claim it owns it (409 naming who, after)",
                     tag: "leads", response: .record(.lead)) { req, s in
                JSONResponse.record(try await LeadClaim.claim(try req.id(), viewer: try req.caller().viewer, s), kind: .lead)
            },
            APIRoute(.POST, "nudges/evaluate", "evaluate_nudges", "Evaluate every nudge rule now (heads of sales and admins)",
                     tag: "nudges", response: .named("NudgeEvaluation")) { req, s in
                let viewer = try req.caller().viewer
                guard viewer.visibleOwners == nil else { throw DomainError.forbidden("Only heads of sales and admins may evaluate the rules for everyone.") }
                let started = Date()
                let changes = try await s.nudges.evaluate()
                return JSONResponse.make(.object([
                    "created": .number(Double(changes.created.count)), "resolved": .number(Double(changes.resolved.count)),
                    "woke": .number(Double(changes.woke.count)), "seconds": .number((Date().timeIntervalSince(started) * 1000).rounded() / 1000),
                ]))
            },
        ]
    }
}

/// Nudges as JSON.
enum NudgeJSON {
    static func nudge(_ n: Nudge) -> JSONValue {
        .object([
            "id": .number(Double(n.id)), "rule": .string(n.rule.rawValue),
            "rule_title": .object(["en": .string(n.rule.title.en), "ru": .string(n.rule.title.ru)]),
            "entity": .string(n.entity.rawValue), "entity_id": .number(Double(n.entityID)), "user_id": .number(Double(n.userID)),
            "level": .number(Double(n.level)), "state": .string(n.state.rawValue), "due_at": .string(Timestamp.format(n.dueAt)),
            "snoozed_until": n.snoozedUntil.map { .string(Timestamp.format($0)) } ?? .null, "urgency": .number(Double(n.urgency)),
            "reason": .object(["en": .string(n.reason.en), "ru": .string(n.reason.ru)]), "note": n.note.map(JSONValue.string) ?? .null,
            "created_at": .string(Timestamp.format(n.createdAt)), "updated_at": .string(Timestamp.format(n.updatedAt)),
            "closed_at": n.closedAt.map { .string(Timestamp.format($0)) } ?? .null,
        ])
    }

    static func refuseUnknown(_ body: [String: JSONValue], allowed: [String]) throws {
        let extra = body.keys.filter { !allowed.contains($0) }.sorted()
        if !extra.isEmpty { throw DomainError.invalid(extra.map { FieldError($0, .notKnownKey(known: allowed)) }) }
    }
}
