import ArgumentParser
import Foundation
import Vapor
import VoronkaCore
import VoronkaServer

/// Where the data lives: shared by every subcommand.
struct StoreOptions: ParsableArguments {
    @ArgumentParser.Option(name: .long, help: "Data directory of the embedded SQLite database (default: $VORONKA_DATA or ./voronka-data). Ignored when VORONKA_DATABASE_URL is set.")
    var data: String?

    /// The configuration of a run; `VORONKA_WEB_SECRET` keys the web forms' CSRF tokens (random per start when unset),
    /// `VORONKA_MAX_UPLOAD_MB` limits an import's upload (a wrong value stops the start, naming it).
    func configuration(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false) throws -> Configuration {
        let secret = ProcessInfo.processInfo.environment["VORONKA_WEB_SECRET"].flatMap { $0.isEmpty ? nil : Array($0.utf8) }
        var configuration = Configuration(store: Configuration.storeLocation(dataDirectory: data), host: host, port: port,
                                          secureCookies: secureCookies, webSecret: secret, maxUploadBytes: try Configuration.maxUploadBytes().get(),
                                          idleTimeoutSeconds: try Configuration.idleTimeoutSeconds().get())
        configuration.webhookIntervalSeconds = Double(try Configuration.webhookIntervalSeconds().get())
        return configuration
    }

    /// Builds the application, runs `body`, and shuts it down whatever happens.
    func withServices<T>(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, environment: Environment = .production,
                         metrics: (host: String, port: Int)? = nil, _ body: (Application, Services) async throws -> T) async throws -> T {
        var settings = try configuration(host: host, port: port, secureCookies: secureCookies)
        if let metrics { settings.metricsHost = metrics.host; settings.metricsPort = metrics.port }
        let (app, services) = try await buildApplication(settings, environment: environment)
        do {
            let result = try await body(app, services)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

/// Prints a user-facing error (never a stack trace) and exits with failure.
func fail(_ error: any Error) -> ExitCode {
    let message = (error as? DomainError)?.message ?? String(describing: error)
    FileHandle.standardError.write(Data("voronka: \(message)\n".utf8))
    return .failure
}
