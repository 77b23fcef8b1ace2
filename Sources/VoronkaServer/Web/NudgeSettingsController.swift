import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The nudge rules' form: written through `SettingsService` (checked, journaled), as the API's PUT /settings/nudges.
enum NudgeSettingsController {
    static func save(_ req: Request, _ web: WebContext) async throws -> Response {
        // The setting's problems name `value.<rule>.<key>` and the form reads the last part; the form's fields are
        // `<rule>_<key>`, and each threshold's key is one rule's alone.
        var names: [String: String] = [:]
        for (key, part) in fields where part.field != "enabled" { names[part.field] = key }
        return try await SettingsForms.submit(req, web, .nudges, form: "nudges", notice: .saved, names: names) { caller, form in
            try await web.services.settings.change(.nudges, viewer: caller.viewer) { _ in document(form) }
            return nil
        }
    }

    /// Each form field `<rule>_<key>` with its rule and its key in the settings document.
    static let fields: [(key: String, part: (rule: String, field: String))] = SettingsPage.nudgeFormValues(NudgeSettings()).keys.sorted()
        .compactMap { key in
            NudgeRule.allCases.map(\.rawValue).first(where: { key.hasPrefix($0 + "_") }).map { (key, ($0, String(key.dropFirst($0.count + 1)))) }
        }

    /// The settings document from the form: a ticked box is on; an empty number is null (an escalation off, or the
    /// default); anything else is sent as typed, so a word is refused naming its field.
    static func document(_ form: [String: String]) -> JSONValue {
        var rules: [String: JSONValue] = [:]
        for (key, (rule, field)) in fields {
            var object: [String: JSONValue] = if case .object(let o)? = rules[rule] { o } else { [:] }
            if field == "enabled" {
                object[field] = .bool(form[key] == "true")
            } else {
                let raw = (form[key] ?? "").trimmingCharacters(in: .whitespaces)
                object[field] = raw.isEmpty ? .null : Double(raw).map(JSONValue.number) ?? .string(raw)
            }
            rules[rule] = .object(object)
        }
        return .object(rules)
    }
}

/// The webhook endpoints' forms (admins): add (the secret shown once), change, switch on or off, delete, send a
/// delivery again. Writes go through `WebhookService`, as the API's do.
enum WebhookSettingsController {
    static func input(_ form: [String: String], existing: Bool) -> [String: JSONValue] {
        var body: [String: JSONValue] = ["url": .string(form["url"] ?? ""), "description": .string(form["description"] ?? "")]
        body["events"] = .array(WebhookEventType.allCases.filter { form["event_" + $0.rawValue] == "true" }.map { .string($0.rawValue) })
        if existing { body["enabled"] = .bool(form["enabled"] == "true") }
        body["allow_private"] = .bool(form["allow_private"] == "true")
        return body
    }

    static func create(_ req: Request, _ web: WebContext) async throws -> Response {
        var created: (secret: String, caller: WebCaller)?
        let response = try await SettingsForms.submit(req, web, .webhooks, form: "new-webhook", notice: .added) { caller, form in
            let made = try await web.services.webhookService.create(try WebhookService.Input.parse(input(form, existing: false)), viewer: caller.viewer)
            created = (made.secret, caller)
            return "webhook-\(made.id)"
        }
        if let created { SecretFlash(web: web, kind: .webhook).set(created.secret, on: response, req, caller: created.caller) }
        return response
    }

    static func edit(_ req: Request, _ web: WebContext) async throws -> Response {
        let id = try req.webID()
        return try await SettingsForms.submit(req, web, .webhooks, form: "webhook-\(id)", notice: .saved) { caller, form in
            var body = input(form, existing: true)
            // Only an admin sees the private-address box; the page's other users keep what is set.
            if caller.user.role != .admin { body["allow_private"] = nil }
            _ = try await web.services.webhookService.update(id, try WebhookService.Input.parse(body), viewer: caller.viewer)
            return "webhook-\(id)"
        }
    }

    static func delete(_ req: Request, _ web: WebContext) async throws -> Response {
        let id = try req.webID()
        return try await SettingsForms.submit(req, web, .webhooks, form: "webhook-\(id)", notice: .deleted) { caller, _ in
            try await web.services.webhookService.delete(id, viewer: caller.viewer)
            return "settings-section"
        }
    }

    static func retry(_ req: Request, _ web: WebContext) async throws -> Response {
        let id = try req.webID()
        let delivery = try req.webID("delivery")
        return try await SettingsForms.submit(req, web, .webhooks, form: "webhook-\(id)", notice: .saved) { caller, _ in
            try await web.services.webhookService.sendAgain(endpointID: id, deliveryID: delivery, viewer: caller.viewer)
            return "delivery-\(delivery)"
        }
    }
}
