import ArgumentParser

/// The `voronka` command: parses arguments and calls into VoronkaServer; nothing else lives here.
@main
struct Voronka: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voronka",
        abstract: "Voronka, a self-hosted B2B sales funnel.",
        subcommands: [ServeCommand.self, MigrateCommand.self, UserCommand.self, TokenCommand.self, DemoCommand.self],
        defaultSubcommand: ServeCommand.self)
}
