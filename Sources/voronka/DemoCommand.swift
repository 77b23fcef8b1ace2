import ArgumentParser
import Foundation
import VoronkaServer

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Fill an empty database with the deterministic demo company.")

    @OptionGroup var store: StoreOptions
    @ArgumentParser.Option(help: "How many deals (up to millions).") var deals = 3000
    @ArgumentParser.Option(help: "Random seed: the same seed and date give the same company.") var seed: UInt64 = 2026
    @ArgumentParser.Option(help: "The demo's today, yyyy-MM-dd (default: today).") var asOf: String?

    func run() async throws {
        do {
            try await store.withServices { _, services in
                var now = services.clock.now()
                if let asOf {
                    guard let day = VoronkaCoreDay(asOf) else { throw ValidationError("--as-of must be a date yyyy-MM-dd") }
                    now = day.startDate.addingTimeInterval(12 * 3600)
                }
                _ = try await Bootstrap.ensureAdmin(services).map { say("Created the administrator \($0.email), one-time password: \($0.password)") }
                let summary = try await DemoLoader.load(services, deals: deals, seed: seed, now: now, progress: ProgressBar.draw)
                try await services.store.checkpoint()
                let sizes = try await services.store.sizes()
                say("""
                Demo company: \(summary.deals) deals, \(summary.rows) records, \(summary.journalEntries) journal entries in \(String(format: "%.1f", summary.seconds)) s.
                Database: \(sizes.database / 1_048_576) MiB\(sizes.journal.map { ", journal \($0 / 1_048_576) MiB" } ?? "").
                Demo users (\(summary.userEmails.count), e.g. \(summary.userEmails.prefix(2).joined(separator: ", "))) sign in with password: \(summary.usersPassword)
                """)
            }
        } catch let e as ValidationError { throw e } catch { throw fail(error) }
    }
}
