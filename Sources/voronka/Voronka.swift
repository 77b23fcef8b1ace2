import ArgumentParser
import Foundation

/// The `voronka` command: parses arguments and calls into VoronkaServer; nothing else lives here.
@main
struct Voronka: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voronka",
        abstract: "Voronka, a self-hosted B2B sales funnel.",
        subcommands: [ServeCommand.self, MigrateCommand.self, UserCommand.self, TokenCommand.self, DemoCommand.self, QualifyCommand.self, ExportCommand.self, ImportCommand.self, ReportCommand.self,
                      BackupCommand.self, RestoreCommand.self],
        defaultSubcommand: ServeCommand.self)

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
