import VoronkaCore
import VoronkaStore

/// Everything qualification reads besides the record itself: settings and the catalog, loaded in the caller's read or write.
struct QualificationContext {
    let profile: AudienceProfile
    let economics: EconomicsSettings
    let control: ControlSettings
    let autoTriage: Bool
    let matcher: RequestMatcher

    static func load(_ tx: StoreReader) async throws -> QualificationContext {
        func value(_ key: SettingKey) async throws -> JSONValue { try await tx.setting(key.rawValue) ?? key.defaultValue }
        // Stored settings were checked on the way in; a value that no longer reads falls back to the default.
        let profile = (try? AudienceProfile(json: try await value(.audience))) ?? AudienceProfile(rules: [])
        let economics = (try? EconomicsSettings(json: try await value(.economics))) ?? EconomicsSettings(monthlyCosts: 0)
        let control = (try? ControlSettings(json: try await value(.control))) ?? ControlSettings()
        let auto = try await value(.autoTriage) == .bool(true)
        let catalog = try await tx.records(.product, where: "active", equals: .bool(true)).map(Product.init(record:))
        return QualificationContext(profile: profile, economics: economics, control: control, autoTriage: auto,
                                    matcher: RequestMatcher(catalog: catalog))
    }
}
