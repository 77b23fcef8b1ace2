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

    func run() async throws {
        do {
            let environment = Environment(name: "production", arguments: ["voronka", "serve"])
            try await store.withServices(host: host, port: port, environment: environment) { app, services in
                say("Voronka: data in \(services.store.location)")
                if let admin = try await Bootstrap.ensureAdmin(services) {
                    say("""
                    First start: created the administrator.
                      email:    \(admin.email)
                      password: \(admin.password)
                    This password is shown once; change it with PATCH /api/v1/me or `voronka user reset-password`.
                    """)
                }
                if demo, try await services.store.count(.deal, includeDeleted: true) == 0 {
                    let summary = try await DemoLoader.load(services, deals: demoDeals, now: services.clock.now(), progress: ProgressBar.draw)
                    say("Demo company loaded: \(summary.deals) deals. Demo users (e.g. \(summary.userEmails.prefix(3).joined(separator: ", "))) sign in with password \(summary.usersPassword)")
                }
                say("Serving on http://\(host):\(port)/  (API document: http://\(host):\(port)/api/v1/openapi.json)")
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
