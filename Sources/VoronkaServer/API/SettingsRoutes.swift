import Vapor
import VoronkaCore
import VoronkaStore

/// Reading (everyone) and changing (admins) the installation's settings; every change is journaled.
enum SettingsRoutes {
    static var all: [APIRoute] {
        [
            APIRoute(.GET, "settings", "list_settings", "Every setting with its current value", tag: "settings", response: .named("Settings")) { req, s in
                _ = try req.caller()
                var out: [String: JSONValue] = [:]
                for key in SettingKey.allCases { out[key.rawValue] = try await s.store.setting(key.rawValue) ?? key.defaultValue }
                return JSONResponse.make(.object(out))
            },
            APIRoute(.GET, "settings/:key", "get_setting", "One setting's value", tag: "settings", response: .named("Setting")) { req, s in
                _ = try req.caller()
                let key = try settingKey(req)
                return JSONResponse.make(["key": .string(key.rawValue), "value": try await s.store.setting(key.rawValue) ?? key.defaultValue])
            },
            APIRoute(.PUT, "settings/:key", "put_setting", "Replace a setting's value (admins); body {\"value\": …}", tag: "settings",
                     request: .named("SettingValue"), response: .named("Setting")) { req, s in
                let viewer = try req.caller().viewer
                try s.records.requireRole(.write, .setting, viewer)
                let key = try settingKey(req)
                let input = try req.jsonObject()
                try QualificationRoutes.rejectUnknown(input, allowed: ["value"])
                guard let raw = input["value"] else { throw DomainError.invalid("value", .required) }
                let value = try await s.settings.change(key, viewer: viewer) { _ in raw }
                return JSONResponse.make(["key": .string(key.rawValue), "value": value])
            },
        ]
    }

    static func settingKey(_ req: Request) throws -> SettingKey {
        guard let raw = req.parameters.get("key"), let key = SettingKey(rawValue: raw) else {
            throw DomainError.invalid("key", "is not a setting; settings: \(SettingKey.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return key
    }
}
