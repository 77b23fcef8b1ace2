import Vapor
import VoronkaCore

/// List, read, create, update and delete for every kind of record, plus each record's journal.
enum RecordRoutes {
    /// The kinds served by the generic endpoints.
    static let kinds: [EntityKind] = [.company, .contact, .product, .lead, .deal, .activity, .pipeline, .stage, .channel, .attribute, .user]

    static var all: [APIRoute] {
        kinds.flatMap { kind -> [APIRoute] in
            let p = kind.plural
            let tag = p
            let name = kind.rawValue
            var routes = [
                APIRoute(.GET, p, "list_\(p)", "List \(p) (filters, sort, keyset paging)", tag: tag, response: .page(kind), listOf: kind) { req, s in
                    JSONResponse.page(try await s.records.list(kind, params: req.queryParameters, viewer: try req.caller().viewer), kind: kind)
                },
                APIRoute(.GET, "\(p)/:id", "get_\(name)", "Read one \(name)", tag: tag, response: .record(kind)) { req, s in
                    JSONResponse.record(try await s.records.get(kind, try req.id(), viewer: try req.caller().viewer), kind: kind)
                },
                APIRoute(.PATCH, "\(p)/:id", "update_\(name)", "Change fields of a \(name) (journaled)", tag: tag,
                         request: .input(kind, create: false), response: .record(kind)) { req, s in
                    let id = try req.id()
                    let input = try req.jsonObject()
                    return JSONResponse.record(try await s.records.update(kind, id, input, viewer: try req.caller().viewer), kind: kind)
                },
                APIRoute(.DELETE, "\(p)/:id", "delete_\(name)", "Delete a \(name) (soft; journaled)", tag: tag, response: nil, success: .noContent) { req, s in
                    try await s.records.delete(kind, try req.id(), viewer: try req.caller().viewer)
                    return Response(status: .noContent)
                },
                APIRoute(.GET, "\(p)/:id/history", "history_\(name)", "The journal of a \(name), oldest first", tag: tag, response: .named("History")) { req, s in
                    try await History.response(kind, try req.id(), request: req, services: s)
                },
            ]
            if kind != .user {
                routes.insert(APIRoute(.POST, p, "create_\(name)", "Create a \(name) (journaled)", tag: tag,
                                       request: .input(kind, create: true), response: .record(kind), success: .created) { req, s in
                    let input = try req.jsonObject()
                    return JSONResponse.record(try await s.records.create(kind, input, viewer: try req.caller().viewer), kind: kind, status: .created)
                }, at: 1)
            }
            return routes
        }
    }
}

/// A record's journal, with the stage visits derived from it for deals and leads.
enum History {
    static func response(_ kind: EntityKind, _ id: Int64, request: Request, services: Services) async throws -> Response {
        let viewer = try request.caller().viewer
        let record = try await services.records.get(kind, id, viewer: viewer)
        let entries = try await services.store.journal(of: kind, id)
        // Amounts read in the record's currency (its present one).
        let currency = record.text("currency")
        var body: [String: JSONValue] = ["entries": .array(entries.map { JournalJSON.entry($0, currency: currency) })]
        if kind == .deal || kind == .lead {
            body["stages"] = .array(JournalEntry.stageHistory(entries).map { v in
                .object(["stage_id": .number(Double(v.stageID)), "entered_at": .string(Timestamp.format(v.enteredAt)),
                         "left_at": v.leftAt.map { .string(Timestamp.format($0)) } ?? .null,
                         "days": .number(((v.leftAt ?? services.clock.now()).timeIntervalSince(v.enteredAt) / 864).rounded() / 100)])
            })
        }
        return JSONResponse.make(.object(body))
    }
}

/// Journal entries as JSON.
enum JournalJSON {
    static func entry(_ e: JournalEntry, currency: String? = nil) -> JSONValue {
        let types = Dictionary(e.entity.fields.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        return .object([
            "seq": .number(Double(e.seq)), "at": .string(Timestamp.format(e.at)),
            "actor_id": e.actorID.map { .number(Double($0)) } ?? .null, "entity": .string(e.entity.rawValue),
            "entity_id": .number(Double(e.entityID)), "action": .string(e.action.rawValue),
            "changes": .array(e.changes.map { c in
                let t = types[c.field] ?? .text
                return .object(["field": .string(c.field), "old": c.old.json(as: t, currency: currency), "new": c.new.json(as: t, currency: currency)])
            }),
        ])
    }
}
