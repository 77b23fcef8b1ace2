import ArgumentParser
import Foundation
import VoronkaCore
import VoronkaImport

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read exports of other CRMs (CSV: Bitrix24, amoCRM, Pipedrive, HubSpot, Salesforce, Maven CRM, or any file with a mapping).",
        discussion: "With --dry-run, prints the counts, the mapping used for every file and every problem (file, line, column, reason) without writing. Writing to the database is not available yet.")

    @ArgumentParser.Argument(help: "CSV files (leads, companies, contacts, deals, stage history) of one export.") var files: [String]
    @ArgumentParser.Option(help: "A preset to read every file with (default: detected from each header): \(Presets.all.map(\.id).joined(separator: ", ")).") var preset: String?
    @ArgumentParser.Option(help: "A mapping file (JSON) to read every file with.") var mapping: String?
    @ArgumentParser.Flag(help: "Report what the import would do, without writing.") var dryRun = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one CSV file") }
        if preset != nil, mapping != nil { throw ValidationError("give --preset or --mapping, not both") }
        if let preset, Presets.named(preset) == nil { throw ValidationError("--preset must be one of: \(Presets.all.map(\.id).joined(separator: ", "))") }
        if !dryRun { throw ValidationError("only --dry-run is available so far: writing imports to the database is the next step") }
    }

    func run() async throws {
        var chosen: ImportMapping?
        if let preset { chosen = Presets.named(preset)?.mapping }
        if let mapping {
            guard let data = FileManager.default.contents(atPath: mapping), let json = JSONValue.parse(String(decoding: data, as: UTF8.self)) else {
                throw fail(DomainError.invalid("mapping", "\(mapping) is not a readable JSON file"))
            }
            do throws(FieldError) { chosen = try ImportMapping(json: json) } catch {
                throw fail(DomainError.invalid("mapping.\(error.field)", error.reason))
            }
        }
        var sources: [ImportSource] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else { throw fail(DomainError.invalid("file", "cannot read \(path)")) }
            sources.append(ImportSource(name: (path as NSString).lastPathComponent, bytes: Array(data), mapping: chosen))
        }
        let plan = ImportPlan(sources: sources)
        say(plan.summary.text)
    }
}
