import ArgumentParser
import Foundation
import Vapor
import VoronkaServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the server (migrates first; the first start creates the admin).")

    @OptionGroup var store: StoreOptions
    @ArgumentParser.Option(help: "Address to listen on.") var host = "127.0.0.1"
    @ArgumentParser.Option(help: "Port to listen on.") var port = 8080
    @ArgumentParser.Flag(help: "Fill an empty database with the demo company first.") var demo = false
    @ArgumentParser.Option(help: "Deals in the demo company (with --demo).") var demoDeals = 3000
    @ArgumentParser.Option(help: "Serve GET /metrics without a token on this port too (for Prometheus; see --metrics-host).") var metricsPort: Int?
    @ArgumentParser.Option(help: "Address the metrics port listens on.") var metricsHost = "127.0.0.1"
    @ArgumentParser.Flag(help: "Mark the web session cookie Secure (serving over HTTPS; a proxy's X-Forwarded-Proto: https does the same per request).")
    var secureCookies = false

    func run() async throws {
        do {
            let environment = Environment(name: "production", arguments: ["voronka", "serve"])
            try await store.withServices(host: host, port: port, secureCookies: secureCookies, environment: environment,
                                         metrics: metricsPort.map { (metricsHost, $0) }) { app, services in
                say("Voronka: data in \(services.store.location)")
                let empty = try await services.store.count(.user, includeDeleted: true) == 0
                if empty, !demo {
                    say("First start: open http://\(host):\(port)/setup to create the administrator (or run `voronka user add --role admin`).")
                } else if let admin = try await Bootstrap.ensureAdmin(services) {
                    say("""
                    First start: created the administrator.
                      email:    \(admin.email)
                      password: \(admin.password)
                    This password is shown once; change it on your profile page (/profile), with PATCH /api/v1/me, or by `voronka user reset-password`.
                    """)
                }
                if demo, try await services.store.count(.deal, includeDeleted: true) == 0 {
                    let summary = try await DemoLoader.load(services, deals: demoDeals, now: services.clock.now(), progress: ProgressBar.draw)
                    say("Demo company loaded: \(summary.deals) deals. Demo users (e.g. \(summary.userEmails.prefix(3).joined(separator: ", "))) sign in with password \(summary.usersPassword)")
                }
                say("Serving on http://\(host):\(port)/  (web interface; API document: http://\(host):\(port)/api/v1/openapi.json)")
                try await app.execute()
            }
        } catch {
            throw fail(error)
        }
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply the database migrations.")
    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            try await store.withServices { _, services in
                say("Migrations are applied; the schema is current (\(services.store.location)).")
            }
        } catch { throw fail(error) }
    }
}
