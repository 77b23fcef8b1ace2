import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The audience section's forms: add, edit and remove a rule of the target audience. The setting changes through
/// `SettingsService`, the same as the API's `PUT /settings/audience`, and the rule is read by the same parser.
enum AudienceSettingsController {
    /// The stored rules (none while the setting is unset or unreadable).
    static func rules(_ services: Services) async throws -> [AudienceRule] {
        let stored = try await services.store.setting(SettingKey.audience.rawValue) ?? SettingKey.audience.defaultValue
        return (try? AudienceProfile(json: stored))?.rules ?? []
    }

    static func create(_ req: Request, _ web: WebContext) async throws -> Response {
        try await SettingsForms.submit(req, web, .audience, form: "new-rule", notice: .added) { caller, form in
            let count = try await change(web, caller) { rules in rules.append(try rule(form, keeping: nil)) }
            return "rule-\(count - 1)"
        }
    }

    static func edit(_ req: Request, _ web: WebContext) async throws -> Response {
        let index = try ruleIndex(req)
        return try await SettingsForms.submit(req, web, .audience, form: "rule-\(index)", notice: .saved) { caller, form in
            _ = try await change(web, caller) { rules in
                guard rules.indices.contains(index) else { throw WebError.notFound }
                rules[index] = try rule(form, keeping: rules[index])
            }
            return nil
        }
    }

    static func delete(_ req: Request, _ web: WebContext) async throws -> Response {
        let index = try ruleIndex(req)
        return try await SettingsForms.submit(req, web, .audience, form: "rule-\(index)", notice: .deleted) { caller, _ in
            _ = try await change(web, caller) { rules in
                guard rules.indices.contains(index) else { throw WebError.notFound }
                rules.remove(at: index)
            }
            return "settings-section"
        }
    }

    /// Changes the stored rules in one transaction; returns how many there are now.
    static func change(_ web: WebContext, _ caller: WebCaller, _ edit: @escaping @Sendable (inout [AudienceRule]) throws -> Void) async throws -> Int {
        let value = try await web.services.settings.change(.audience, viewer: caller.viewer) { current in
            var rules = (try? AudienceProfile(json: current))?.rules ?? []
            try edit(&rules)
            return AudienceProfile(rules: rules).json
        }
        return (try? AudienceProfile(json: value))?.rules.count ?? 0
    }

    /// A rule from the form, read by the settings' own parser; the Russian unit, which the form does not show, is kept.
    static func rule(_ form: [String: String], keeping old: AudienceRule?) throws -> AudienceRule {
        func text(_ name: String) -> JSONValue? {
            (form[name]?.trimmingCharacters(in: .whitespaces)).flatMap { $0.isEmpty ? nil : .string($0) }
        }
        let field = form["field"] ?? "", op = form["operator"] ?? ""
        var json: [String: JSONValue] = [:]
        json["field"] = text("field")
        json["operator"] = text("operator")
        json["value"] = AudienceRule.operand(text: form["value"] ?? "", field: field, operator: op)
        json["label"] = text("label")
        json["label_ru"] = text("label_ru")
        json["unit"] = text("unit")
        json["unit_ru"] = old?.unitRu.map(JSONValue.string)
        do throws(FieldError) { return try AudienceRule(json: .object(json), path: "") } catch { throw DomainError.invalid([error]) }
    }

    /// The `:index` path parameter: a rule's place in the list.
    static func ruleIndex(_ req: Request) throws -> Int {
        guard let raw = req.parameters.get("index"), let index = Int(raw), index >= 0 else { throw WebError.notFound }
        return index
    }
}
