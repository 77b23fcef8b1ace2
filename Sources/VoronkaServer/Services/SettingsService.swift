import Foundation
import VoronkaAnalytics
import VoronkaCore
import VoronkaStore

/// Changes the installation's settings (admins only): the new value is checked by the setting's own rules and
/// journaled; the API's PUT and the settings pages both write through here.
struct SettingsService: Sendable {
    let store: SQLStore
    let clock: Clock
    let records: RecordService

    /// Replaces a setting with what `change` makes of its current value (the default while none is stored), in one
    /// transaction. A value the setting's rules refuse throws `DomainError.invalid` naming `value.<path>`.
    @discardableResult
    func change(_ key: SettingKey, viewer: Viewer, _ change: @escaping @Sendable (JSONValue) throws -> JSONValue) async throws -> JSONValue {
        try records.requireRole(.write, .setting, viewer)
        return try await store.write(actor: viewer.actorID, at: clock.now()) { tx in
            let current = try await tx.setting(key.rawValue) ?? key.defaultValue
            let raw = try change(current)
            let value: JSONValue
            do throws(FieldError) { value = try key.normalize(raw) } catch {
                // A scalar setting (time_zone) names the value itself; a document names the path inside it.
                throw DomainError.invalid([error.renamed(error.field == "value" || error.field.isEmpty ? "value" : "value.\(error.field)")])
            }
            try await tx.setSetting(key.rawValue, value)
            return value
        }
    }
}

extension Services {
    /// The currency rates the sums use: the stored setting, else the standard ones.
    func currencyRates() async throws -> CurrencyRates {
        guard let stored = try await store.setting(SettingKey.currencyRates.rawValue), let rates = try? CurrencyRates(json: stored) else {
            return .standard
        }
        return rates
    }
}
