import Foundation
import VoronkaCore
import VoronkaStore

/// Webhook endpoints for heads of sales and admins: checked input (a URL that is http or https and does not reach
/// inside the network unless an admin allows it), journaled changes, the delivery log and "send again".
struct WebhookService: Sendable {
    let store: SQLStore
    let clock: Clock

    struct Input: Sendable {
        var url: String?
        var events: [WebhookEventType]?
        var description: String??
        var enabled: Bool?
        var allowPrivate: Bool?
        var newSecret = false

        static let keys = ["url", "events", "description", "enabled", "allow_private", "rotate_secret"]

        /// Reads a JSON body; every problem names its field.
        static func parse(_ body: [String: JSONValue]) throws -> Input {
            var input = Input()
            var errors: [FieldError] = []
            for key in body.keys.sorted() where !keys.contains(key) { errors.append(FieldError(key, .notKnownKey(known: keys))) }
            if let v = body["url"] {
                if case .string(let s) = v { input.url = s.trimmingCharacters(in: .whitespaces) } else { errors.append(FieldError("url", .string(got: v.typeName))) }
            }
            if let v = body["events"] {
                if case .array(let list) = v {
                    var events: [WebhookEventType] = []
                    for (i, item) in list.enumerated() {
                        guard case .string(let s) = item, let e = WebhookEventType(rawValue: s) else {
                            errors.append(FieldError("events[\(i)]", .oneOf(WebhookEventType.allCases.map(\.rawValue))))
                            continue
                        }
                        if !events.contains(e) { events.append(e) }
                    }
                    input.events = events
                } else if v != .null {
                    errors.append(FieldError("events", "must be a list of event types (empty: every type)"))
                }
            }
            if let v = body["description"] {
                switch v {
                case .null: input.description = .some(nil)
                case .string(let s) where s.count <= 500: input.description = .some(s.isEmpty ? nil : s)
                case .string: errors.append(FieldError("description", .maxLength(500)))
                default: errors.append(FieldError("description", .string(got: v.typeName)))
                }
            }
            for (key, path) in [("enabled", \Input.enabled), ("allow_private", \Input.allowPrivate)] {
                guard let v = body[key] else { continue }
                if case .bool(let b) = v { input[keyPath: path] = b } else { errors.append(FieldError(key, .trueOrFalse(got: v.typeName))) }
            }
            if let v = body["rotate_secret"] {
                if case .bool(let b) = v { input.newSecret = b } else { errors.append(FieldError("rotate_secret", .trueOrFalse(got: v.typeName))) }
            }
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            return input
        }
    }

    func requireManager(_ viewer: Viewer) throws {
        guard viewer.role == .headOfSales || viewer.role == .admin else {
            throw DomainError.forbidden("Webhooks are managed by heads of sales and admins.")
        }
    }

    /// Refuses what an endpoint may not be: a URL that is not http(s), or that reaches inside the network unless an
    /// admin allows it (only an admin may).
    func check(url: String, allowPrivate: Bool, viewer: Viewer) throws {
        if let problem = WebhookEndpoint.checkURL(url) { throw DomainError.invalid([problem]) }
        if allowPrivate, viewer.role != .admin { throw DomainError.invalid("allow_private", "only an admin may allow a loopback or private address") }
        if !allowPrivate, let refusal = HostAddresses.refusal(url) { throw DomainError.invalid("url", refusal) }
    }

    func create(_ input: Input, viewer: Viewer) async throws -> WebhookEndpoint {
        try requireManager(viewer)
        guard let url = input.url, !url.isEmpty else { throw DomainError.invalid("url", .required) }
        let allow = input.allowPrivate ?? false
        try check(url: url, allowPrivate: allow, viewer: viewer)
        return try await store.write(actor: viewer.actorID, at: clock.now()) { tx in
            try await tx.insertWebhookEndpoint(url: url, secret: WebhookSigner.newSecret(), events: input.events ?? [],
                                               description: input.description ?? nil, allowPrivate: allow, ownerID: viewer.actorID)
        }
    }

    func update(_ id: Int64, _ input: Input, viewer: Viewer) async throws -> WebhookEndpoint {
        try requireManager(viewer)
        return try await store.write(actor: viewer.actorID, at: clock.now()) { tx in
            guard var endpoint = try await tx.webhookEndpoint(id: id) else { throw DomainError.notFound(.webhook, id) }
            let allowChanged = input.allowPrivate.map { $0 != endpoint.allowPrivate } ?? false
            if let url = input.url { endpoint.url = url }
            if let allow = input.allowPrivate { endpoint.allowPrivate = allow }
            if input.url != nil || allowChanged { try check(url: endpoint.url, allowPrivate: endpoint.allowPrivate, viewer: viewer) }
            if let events = input.events { endpoint.events = events }
            if let description = input.description { endpoint.description = description }
            if let enabled = input.enabled {
                endpoint.enabled = enabled
                if enabled { endpoint.disabledReason = nil; endpoint.failingSince = nil }
            }
            if input.newSecret { endpoint.secret = WebhookSigner.newSecret() }
            try await tx.updateWebhookEndpoint(endpoint)
            return try await tx.webhookEndpoint(id: id) ?? endpoint
        }
    }

    func delete(_ id: Int64, viewer: Viewer) async throws {
        try requireManager(viewer)
        try await store.write(actor: viewer.actorID, at: clock.now()) { tx in
            guard try await tx.webhookEndpoint(id: id) != nil else { throw DomainError.notFound(.webhook, id) }
            try await tx.deleteWebhookEndpoint(id: id)
        }
    }

    func endpoint(_ id: Int64, viewer: Viewer) async throws -> WebhookEndpoint {
        try requireManager(viewer)
        guard let found = try await store.read({ try await $0.webhookEndpoint(id: id) }) else { throw DomainError.notFound(.webhook, id) }
        return found
    }

    /// Sends a delivery of the endpoint again now.
    func sendAgain(endpointID: Int64, deliveryID: Int64, viewer: Viewer) async throws {
        try requireManager(viewer)
        try await store.write(actor: viewer.actorID, at: clock.now()) { tx in
            guard let d = try await tx.webhookDelivery(id: deliveryID), d.endpointID == endpointID else {
                throw DomainError.invalid("delivery_id", .noRecord(kind: "webhook delivery", id: deliveryID))
            }
            try await tx.retryWebhookDelivery(id: deliveryID)
        }
    }
}

extension Services {
    var webhookService: WebhookService { WebhookService(store: store, clock: clock) }
}
