import Foundation
import VoronkaCore
import VoronkaStore

/// What request handlers share: the store, the clock and the settings of this run.
public struct Services: Sendable {
    public let store: SQLStore
    public let clock: Clock
    public let configuration: Configuration
    /// The analytics snapshot, built at start and kept current from the journal.
    public let analytics: AnalyticsEngine
    /// Files uploaded for import, and the import being written.
    public let imports: ImportUploads
    /// Failed sign-ins per email and per address, shared by the web form and the API.
    public let throttle: LoginThrottle
    /// Callers of recent tokens, so that a request costs no sign-in queries.
    let signIns = SignInCache()
    /// The nudge rules' evaluation.
    public let nudges: NudgeRunner
    /// Webhook events out.
    public let webhooks: WebhookDispatcher

    public init(store: SQLStore, clock: Clock, configuration: Configuration, analytics: AnalyticsEngine, imports: ImportUploads,
                throttle: LoginThrottle) {
        self.store = store; self.clock = clock; self.configuration = configuration; self.analytics = analytics
        self.imports = imports; self.throttle = throttle
        nudges = NudgeRunner(store: store, analytics: analytics, clock: clock)
        webhooks = WebhookDispatcher(store: store, clock: clock)
    }

    public var records: RecordService { RecordService(store: store, clock: clock, nudges: nudges) }
    var settings: SettingsService { SettingsService(store: store, clock: clock, records: records) }
    var accounts: AccountService { AccountService(store: store, clock: clock, records: records, passwordCost: configuration.passwordCost, throttle: throttle) }
}
