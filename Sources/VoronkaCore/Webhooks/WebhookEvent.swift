import Foundation

/// The events a webhook endpoint can receive.
public enum WebhookEventType: String, Sendable, Codable, CaseIterable {
    case dealCreated = "deal.created"
    case dealMoved = "deal.moved"
    case dealWon = "deal.won"
    case dealLost = "deal.lost"
    case leadCreated = "lead.created"
    case leadTriaged = "lead.triaged"
    case nudgeCreated = "nudge.created"

    /// What the event means, in both languages.
    public var title: BilingualText {
        switch self {
        case .dealCreated: BilingualText(en: "a deal is created", ru: "сделка создана")
        case .dealMoved: BilingualText(en: "a deal moves to another stage", ru: "сделка перешла на другой этап")
        case .dealWon: BilingualText(en: "a deal is won", ru: "сделка выиграна")
        case .dealLost: BilingualText(en: "a deal is lost", ru: "сделка проиграна")
        case .leadCreated: BilingualText(en: "a lead comes in", ru: "поступила заявка")
        case .leadTriaged: BilingualText(en: "a lead is decided (deal, nurture, junk)", ru: "по заявке принято решение (сделка, прогрев, мусор)")
        case .nudgeCreated: BilingualText(en: "a nudge is due", ru: "появилось напоминание")
        }
    }
}

/// One event to send: its type, the journal entry it comes from (its `seq` makes the message id), and its data.
public struct WebhookEvent: Sendable, Hashable {
    public var type: WebhookEventType
    public var seq: Int64
    public var at: Date
    public var data: JSONValue

    /// The message id, the same for every endpoint and every retry (receivers drop repeats by it).
    public var messageID: String { "msg_\(seq)_\(type.rawValue)" }

    /// The body as the Standard Webhooks specification shapes it: type, timestamp, data.
    public var payload: JSONValue {
        .object(["type": .string(type.rawValue), "timestamp": .string(Timestamp.format(at)), "data": data])
    }
}

/// The events a journal entry makes: a deal created, moved (and won or lost when the stage is), a lead created or
/// triaged, a nudge created. The journal is written in the transaction of the change, so it is the outbox: nothing
/// changed is without its events, and nothing rolled back has any.
public enum WebhookEvents {
    /// `stageKind`: the kind of a stage by id (to tell a move into a won or lost stage).
    public static func from(_ e: JournalEntry, stageKind: (Int64) -> StageKind?) -> [WebhookEvent] {
        func new(_ field: String) -> FieldValue? { e.changes.first { $0.field == field }?.new }
        func old(_ field: String) -> FieldValue? { e.changes.first { $0.field == field }?.old }
        func id(_ v: FieldValue?) -> JSONValue { if case .int(let n)? = v { .number(Double(n)) } else { .null } }
        func text(_ v: FieldValue?) -> JSONValue { if case .text(let s)? = v { .string(s) } else { .null } }
        var data: [String: JSONValue] = ["id": .number(Double(e.entityID)), "seq": .number(Double(e.seq))]
        if let actor = e.actorID { data["actor_id"] = .number(Double(actor)) }
        func event(_ type: WebhookEventType, _ extra: [String: JSONValue] = [:]) -> WebhookEvent {
            WebhookEvent(type: type, seq: e.seq, at: e.at, data: .object(data.merging(extra) { _, b in b }))
        }
        switch (e.entity, e.action) {
        case (.deal, .create):
            return [event(.dealCreated, ["title": text(new("title")), "stage_id": id(new("stage_id")), "pipeline_id": id(new("pipeline_id")),
                                         "company_id": id(new("company_id")), "owner_id": id(new("owner_id"))])]
        case (.deal, .update), (.deal, .stage):
            guard case .int(let stage)? = new("stage_id") else { return [] }
            let moved = event(.dealMoved, ["stage_id": .number(Double(stage)), "previous_stage_id": id(old("stage_id"))])
            switch stageKind(stage) {
            case .won?: return [moved, event(.dealWon, ["stage_id": .number(Double(stage))])]
            case .lost?: return [moved, event(.dealLost, ["stage_id": .number(Double(stage)), "lost_reason": text(new("lost_reason"))])]
            default: return [moved]
            }
        case (.lead, .create):
            return [event(.leadCreated, ["source": text(new("source")), "company_name": text(new("company_name")), "owner_id": id(new("owner_id"))])]
        case (.lead, .update), (.lead, .stage):
            guard case .text(let outcome)? = new("outcome") else { return [] }
            return [event(.leadTriaged, ["outcome": .string(outcome), "deal_id": id(new("deal_id"))])]
        case (.nudge, .create):
            return [event(.nudgeCreated, ["rule": text(new("rule")), "entity": text(new("entity")), "entity_id": id(new("entity_id")),
                                          "user_id": id(new("user_id"))])]
        default:
            return []
        }
    }
}

/// When a failed delivery is tried again: the Standard Webhooks schedule (immediately, then 5 s, 5 min, 30 min, 2 h,
/// 5 h, 10 h, 10 h), continued with two waits of 20 h so that an endpoint is tried for about three days, each with
/// up to 10 % random jitter; a `Retry-After` longer than the wait is honoured (up to a day).
public enum WebhookSchedule {
    /// Seconds after attempt n (1-based) fails before the next; nil when it was the last.
    public static let waits: [Double] = [5, 300, 1800, 7200, 18_000, 36_000, 36_000, 72_000, 72_000]

    public static func delay(afterAttempt n: Int, retryAfter: Double? = nil, jitter: Double) -> Double? {
        guard n >= 1, n <= waits.count else { return nil }
        var wait = waits[n - 1] * (1 + 0.1 * min(max(jitter, 0), 1))
        if let retryAfter, retryAfter > wait { wait = min(retryAfter, 86_400) }
        return wait
    }

    /// Total attempts: the first and one per wait.
    public static var attempts: Int { waits.count + 1 }
}
