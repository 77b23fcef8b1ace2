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

    /// The upload limit from `VORONKA_MAX_UPLOAD_MB`; nil with the reason when it is set but not a size in MB.
    public static func maxUploadBytes(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<Int, DomainError> {
        guard let raw = environment["VORONKA_MAX_UPLOAD_MB"], !raw.isEmpty else { return .success(defaultMaxUploadBytes) }
        guard let mb = Int(raw), (1...16_384).contains(mb) else {
            return .failure(.invalid("VORONKA_MAX_UPLOAD_MB", "must be a whole number of megabytes from 1 to 16384, got \(raw)"))
        }
        return .success(mb << 20)
    }

    /// Seconds a connection may stay silent before it is closed, from `VORONKA_IDLE_TIMEOUT` (default 60).
    public static func idleTimeoutSeconds(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<Int64, DomainError> {
        guard let raw = environment["VORONKA_IDLE_TIMEOUT"], !raw.isEmpty else { return .success(60) }
        guard let seconds = Int64(raw), (1...3600).contains(seconds) else {
            return .failure(.invalid("VORONKA_IDLE_TIMEOUT", "must be a whole number of seconds from 1 to 3600, got \(raw)"))
        }
        return .success(seconds)
    }
}
