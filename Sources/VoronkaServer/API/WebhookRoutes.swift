import Foundation
import Vapor
import VoronkaCore
import VoronkaStore

/// Webhook endpoints (heads of sales and admins): list, create (the secret shown in that answer), read, change,
/// delete; each endpoint's delivery log, and a delivery sent again.
enum WebhookRoutes {
    static var all: [APIRoute] {
        [
            APIRoute(.GET, "webhooks", "list_webhooks", "List webhook endpoints (their secrets are never shown again)", tag: "webhooks",
                     response: .named("Webhooks")) { req, s in
                let viewer = try req.caller().viewer
                try s.webhookService.requireManager(viewer)
                let list = try await s.store.read { try await $0.webhookEndpoints() }
                return JSONResponse.make(.object(["items": .array(list.map { WebhookJSON.endpoint($0) })]))
            },
            APIRoute(.POST, "webhooks", "create_webhook", "Add an endpoint; its signing secret (whsec_…) is in this answer only", tag: "webhooks",
                     request: .named("WebhookInput"), response: .named("Webhook"), success: .created) { req, s in
                let input = try WebhookService.Input.parse(try req.jsonObject())
                let made = try await s.webhookService.create(input, viewer: try req.caller().viewer)
                return JSONResponse.make(WebhookJSON.endpoint(made, secret: true), status: .created)
            },
            APIRoute(.GET, "webhooks/:id", "get_webhook", "Read an endpoint", tag: "webhooks", response: .named("Webhook")) { req, s in
                JSONResponse.make(WebhookJSON.endpoint(try await s.webhookService.endpoint(try req.id(), viewer: try req.caller().viewer)))
            },
            APIRoute(.PATCH, "webhooks/:id", "update_webhook", "Change an endpoint (enabled: true switches it on again; rotate_secret: a new secret, shown in this answer)",
                     tag: "webhooks", request: .named("WebhookInput"), response: .named("Webhook")) { req, s in
                let id = try req.id()
                let input = try WebhookService.Input.parse(try req.jsonObject())
                let changed = try await s.webhookService.update(id, input, viewer: try req.caller().viewer)
                return JSONResponse.make(WebhookJSON.endpoint(changed, secret: input.newSecret))
            },
            APIRoute(.DELETE, "webhooks/:id", "delete_webhook", "Delete an endpoint (its pending deliveries are given up)", tag: "webhooks",
                     response: nil, success: .noContent) { req, s in
                try await s.webhookService.delete(try req.id(), viewer: try req.caller().viewer)
                return Response(status: .noContent)
            },
            APIRoute(.GET, "webhooks/:id/deliveries", "list_webhook_deliveries", "An endpoint's deliveries, the newest first (before: a delivery id)",
                     tag: "webhooks", response: .named("WebhookDeliveries")) { req, s in
                let id = try req.id()
                _ = try await s.webhookService.endpoint(id, viewer: try req.caller().viewer)
                let extra = req.queryParameters.keys.filter { !["before", "limit"].contains($0) }.sorted()
                var errors = extra.map { FieldError($0, .notKnownKey(known: ["before", "limit"])) }
                var limit = 50
                if let raw = req.queryParameters["limit"] { if let n = Int(raw), (1...500).contains(n) { limit = n } else { errors.append(FieldError("limit", .limitRange(max: 500))) } }
                var before: Int64?
                if let raw = req.queryParameters["before"] { if let n = Int64(raw), n > 0 { before = n } else { errors.append(FieldError("before", .positiveID)) } }
                if !errors.isEmpty { throw DomainError.invalid(errors) }
                let list = try await s.store.read { [before, limit] in try await $0.webhookDeliveries(endpointID: id, before: before, limit: limit + 1) }
                let page = Array(list.prefix(limit))
                return JSONResponse.make(.object(["items": .array(page.map(WebhookJSON.delivery)),
                                                  "next_before": list.count > limit ? page.last.map { .number(Double($0.id)) } ?? .null : .null]))
            },
            APIRoute(.POST, "webhooks/:id/deliveries/:delivery/retry", "retry_webhook_delivery", "Send a delivery again now", tag: "webhooks",
                     response: nil, success: .accepted) { req, s in
                try await s.webhookService.sendAgain(endpointID: try req.id(), deliveryID: try req.id("delivery"), viewer: try req.caller().viewer)
                return Response(status: .accepted)
            },
        ]
    }
}

/// Webhook endpoints and deliveries as JSON.
enum WebhookJSON {
    static func endpoint(_ e: WebhookEndpoint, secret: Bool = false) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .number(Double(e.id)), "url": .string(e.url), "events": .array(e.events.map { .string($0.rawValue) }),
            "description": e.description.map(JSONValue.string) ?? .null, "enabled": .bool(e.enabled), "allow_private": .bool(e.allowPrivate),
            "owner_id": e.ownerID.map { .number(Double($0)) } ?? .null, "disabled_reason": e.disabledReason.map(JSONValue.string) ?? .null,
            "failing_since": e.failingSince.map { .string(Timestamp.format($0)) } ?? .null, "created_at": .string(Timestamp.format(e.createdAt)),
        ]
        if secret { o["secret"] = .string(e.secret) }
        return .object(o)
    }

    static func delivery(_ d: WebhookDelivery) -> JSONValue {
        .object([
            "id": .number(Double(d.id)), "message_id": .string(d.messageID), "event_type": .string(d.eventType.rawValue),
            "state": .string(d.state.rawValue), "attempts": .number(Double(d.attempts)),
            "next_attempt_at": d.nextAttemptAt.map { .string(Timestamp.format($0)) } ?? .null,
            "last_status": d.lastStatus.map { .number(Double($0)) } ?? .null, "last_error": d.lastError.map(JSONValue.string) ?? .null,
            "created_at": .string(Timestamp.format(d.createdAt)), "delivered_at": d.deliveredAt.map { .string(Timestamp.format($0)) } ?? .null,
        ])
    }
}
