import Foundation
import VoronkaCore
import VoronkaStore

/// Everything the application needs to start; built once from flags and environment by the executable.
public struct Configuration: Sendable {
    /// Where the data lives.
    public var store: StoreLocation
    public var host: String
    public var port: Int
    public var clock: Clock
    /// bcrypt cost of password hashes (tests lower it to keep hashing quick).
    public var passwordCost: Int
    /// How long a login token lasts (the API's and the web session's).
    public var sessionLifetime: TimeInterval
    /// Marks the web session cookie `Secure`. On by itself behind a proxy that sends `X-Forwarded-Proto: https`;
    /// a browser drops Secure cookies over plain http, so leave it off when serving http://localhost.
    public var secureCookies: Bool
    /// Key of the web forms' CSRF tokens; nil draws a random one at start (open forms then fail after a restart).
    public var webSecret: [UInt8]?
    /// The largest import upload (all files of one import together), in bytes; more is refused with 413.
    public var maxUploadBytes: Int
    /// A connection that neither sends nor receives for this long is closed (slow or stalled clients).
    public var idleTimeoutSeconds: Int64
    /// A port of its own for `GET /metrics` without a token (nil: metrics only on the main port, for admins).
    public var metricsPort: Int?
    /// Where that port listens.
    public var metricsHost = "127.0.0.1"
    /// How often the nudge rules are evaluated in the background, in seconds (nil: only on demand and after writes).
    public var nudgeIntervalSeconds: Double? = 60
    /// How often webhook events are sent out, in seconds (nil: only when asked, as tests do).
    public var webhookIntervalSeconds: Double? = 1

    public init(store: StoreLocation, host: String = "127.0.0.1", port: Int = 8080, clock: Clock = .system,
                passwordCost: Int = 12, sessionLifetime: TimeInterval = 30 * 86_400, secureCookies: Bool = false,
                webSecret: [UInt8]? = nil, maxUploadBytes: Int = Configuration.defaultMaxUploadBytes, idleTimeoutSeconds: Int64 = 60) {
        self.maxUploadBytes = maxUploadBytes; self.idleTimeoutSeconds = idleTimeoutSeconds
        self.store = store; self.host = host; self.port = port; self.clock = clock
        self.passwordCost = passwordCost; self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies; self.webSecret = webSecret
    }

    /// The store from `VORONKA_DATABASE_URL` (PostgreSQL) or else SQLite in `dataDirectory`
    /// (`--data`, then `VORONKA_DATA`, then `./voronka-data`).
    public static func storeLocation(dataDirectory: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> StoreLocation {
        if let url = environment["VORONKA_DATABASE_URL"], !url.isEmpty { return .postgres(url: url) }
        let dir = dataDirectory ?? environment["VORONKA_DATA"] ?? "./voronka-data"
        return .sqlite(path: (dir as NSString).appendingPathComponent("voronka.sqlite"))
    }

    /// 200 MB: a year of a large team's exports, and well within the server's memory while it is read.
    public static let defaultMaxUploadBytes = 200 << 20

    /// The upload limit from `VORONKA_MAX_UPLOAD_MB` (whole megabytes, 1 to 16384; default 200).
    public static func maxUploadBytes(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<Int, DomainError> {
        wholeNumber("VORONKA_MAX_UPLOAD_MB", 1...16_384, unit: "megabytes", default: Int64(defaultMaxUploadBytes >> 20), environment)
            .map { Int($0) << 20 }
    }

    /// Seconds between the webhook dispatcher's turns, from `VORONKA_WEBHOOK_INTERVAL` (1 to 86400; default 1).
    public static func webhookIntervalSeconds(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<Int64, DomainError> {
        wholeNumber("VORONKA_WEBHOOK_INTERVAL", 1...86_400, unit: "seconds", default: 1, environment)
    }

    /// Seconds a connection may stay silent before it is closed, from `VORONKA_IDLE_TIMEOUT` (1 to 3600; default 60).
    public static func idleTimeoutSeconds(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<Int64, DomainError> {
        wholeNumber("VORONKA_IDLE_TIMEOUT", 1...3600, unit: "seconds", default: 60, environment)
    }

    /// A whole number from the environment within a range; the default when unset or empty; a refusal naming the
    /// variable otherwise.
    static func wholeNumber(_ name: String, _ range: ClosedRange<Int64>, unit: String, default value: Int64,
                            _ environment: [String: String]) -> Result<Int64, DomainError> {
        guard let raw = environment[name], !raw.isEmpty else { return .success(value) }
        guard let number = Int64(raw), range.contains(number) else {
            return .failure(.invalid(name, "must be a whole number of \(unit) from \(range.lowerBound) to \(range.upperBound), got \(raw)"))
        }
        return .success(number)
    }
}
