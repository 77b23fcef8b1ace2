import Foundation

/// Where webhook events are sent, and how that has gone.
public struct WebhookEndpoint: Sendable, Hashable {
    public var id: Int64
    public var url: String
    /// `whsec_` and the base64 of the signing key (Standard Webhooks).
    public var secret: String
    /// The event types sent; empty: every type.
    public var events: [WebhookEventType]
    public var description: String?
    public var enabled: Bool
    /// An admin allowed a loopback or private address (an on-premises system).
    public var allowPrivate: Bool
    public var ownerID: Int64?
    /// Why it was switched off by Voronka (410 Gone, failing for a day), when it was.
    public var disabledReason: String?
    /// Since when every delivery has failed (nil: the last one went through).
    public var failingSince: Date?
    public var createdAt: Date

    public init(id: Int64, url: String, secret: String, events: [WebhookEventType], description: String?, enabled: Bool, allowPrivate: Bool,
                ownerID: Int64?, disabledReason: String?, failingSince: Date?, createdAt: Date) {
        self.id = id; self.url = url; self.secret = secret; self.events = events; self.description = description; self.enabled = enabled
        self.allowPrivate = allowPrivate; self.ownerID = ownerID; self.disabledReason = disabledReason; self.failingSince = failingSince
        self.createdAt = createdAt
    }

    /// Whether it receives an event type.
    public func wants(_ type: WebhookEventType) -> Bool { events.isEmpty || events.contains(type) }

    /// The fields of an endpoint's journal entries (never the secret).
    public static let journalFields: [FieldSpec] = [
        FieldSpec("url", .text), FieldSpec("events", .text), FieldSpec("enabled", .bool), FieldSpec("allow_private", .bool),
        FieldSpec("description", .text), FieldSpec("disabled_reason", .text), FieldSpec("secret", .text),
    ]

    /// The checks of a URL a user gives: http or https, a host, no credentials, at most 2000 characters.
    public static func checkURL(_ raw: String) -> FieldError? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.count <= 2000 else { return FieldError("url", .maxLength(2000)) }
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return FieldError("url", "must be an http:// or https:// address")
        }
        guard let host = parts.host, !host.isEmpty else { return FieldError("url", "must name a host") }
        if parts.user != nil || parts.password != nil { return FieldError("url", "must not carry a user name or password") }
        return nil
    }
}

/// One delivery of one event to one endpoint.
public struct WebhookDelivery: Sendable, Hashable {
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Waiting for its next attempt.
        case pending
        case delivered
        /// Given up: every attempt failed, or the endpoint answered 410 or was switched off.
        case failed
    }

    public var id: Int64
    public var endpointID: Int64
    public var messageID: String
    public var eventType: WebhookEventType
    public var payload: String
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(id: Int64, endpointID: Int64, messageID: String, eventType: WebhookEventType, payload: String, state: State, attempts: Int,
                nextAttemptAt: Date?, lastStatus: Int?, lastError: String?, createdAt: Date, deliveredAt: Date?) {
        self.id = id; self.endpointID = endpointID; self.messageID = messageID; self.eventType = eventType; self.payload = payload
        self.state = state; self.attempts = attempts; self.nextAttemptAt = nextAttemptAt; self.lastStatus = lastStatus
        self.lastError = lastError; self.createdAt = createdAt; self.deliveredAt = deliveredAt
    }
}
