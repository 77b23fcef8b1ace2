import ArgumentParser
import VoronkaServer

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write every record and the journal to files, as CSV or JSON.")

    @OptionGroup var store: StoreOptions
    @ArgumentParser.Option(help: "Directory to write <kind>.csv (or .json) files into.") var out: String
    @ArgumentParser.Option(help: "csv or json.") var format = "csv"
    @ArgumentParser.Flag(help: "CSV cells exactly as stored: no ' before texts a spreadsheet would run as formulas (=, +, -, @).") var rawCsv = false

    func validate() throws {
        if Exporter.Format(rawValue: format) == nil { throw ValidationError("--format must be csv or json") }
    }

    func run() async throws {
        do {
            try await store.withServices { _, services in
                let chosen = Exporter.Format(rawValue: format) ?? .csv
                for (target, rows) in try await Exporter.exportAll(to: out, format: chosen, raw: rawCsv, store: services.store) {
                    say("\(target): \(rows) rows")
                }
            }
        } catch { throw fail(error) }
    }
}
