import ArgumentParser
import Foundation
import VoronkaServer

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database while the server runs (SQLite: VACUUM INTO; PostgreSQL: pg_dump -Fc).")

    @OptionGroup var store: StoreOptions
    @ArgumentParser.Option(help: "The file to write; it must not exist.") var out: String

    func run() async throws {
        do {
            say(try await BackupTask.backup(Configuration.storeLocation(dataDirectory: store.data), to: out))
        } catch { throw fail(error) }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into an empty data directory (--data) or an empty PostgreSQL database (VORONKA_DATABASE_URL).")

    @OptionGroup var store: StoreOptions
    @ArgumentParser.Argument(help: "A file written by `voronka backup`.") var file: String

    func run() async throws {
        do {
            say(try await BackupTask.restore(file, into: Configuration.storeLocation(dataDirectory: store.data)))
        } catch { throw fail(error) }
    }
}
