import ArgumentParser
import Foundation
import VoronkaCore
import VoronkaImport
import VoronkaServer

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read exports of other CRMs (CSV: Bitrix24, amoCRM, Pipedrive, HubSpot, Salesforce, Maven CRM, or any file with a mapping).",
        discussion: """
        With --dry-run, prints the counts, the mapping used for every file and every problem (file, line, column, reason) without writing.
        Without it, writes in batches (each all or nothing), keyed by the source system's ids: running it again after an \
        interruption finishes the work without duplicates, and importing the same export again changes nothing.

        Exit status: 0 when everything was written (or, with --dry-run, would be); 1 when nothing was written (a file \
        no preset or mapping reads, a store that cannot be opened); 2 when rows were left out or written with problems \
        (each is listed with its file, line and column).
        """)

    @OptionGroup var store: StoreOptions

    @ArgumentParser.Argument(help: "CSV files (leads, companies, contacts, deals, stage history) of one export.") var files: [String]
    @ArgumentParser.Option(help: "A preset to read every file with (default: detected from each header): \(Presets.all.map(\.id).joined(separator: ", ")).") var preset: String?
    @ArgumentParser.Option(help: "A mapping file (JSON): one mapping for every file, or one per file name ({\"files\": {\"leads.csv\": {…}, \"deals.csv\": {…}}}); see docs/import.md.") var mapping: String?
    @ArgumentParser.Flag(help: "Print the mapping proposed for every file (a preset's name, or columns matched to fields) as a mapping file to edit and pass to --mapping; write nothing.") var propose = false
    @ArgumentParser.Flag(help: "Report what the import would do, without writing.") var dryRun = false
    @ArgumentParser.Option(help: "The source system the ids belong to (default: from the presets, e.g. bitrix24, hubspot, maven; else \"import\").") var system: String?
    @ArgumentParser.Option(help: "The deal pipeline for rows that name none (created with Won and Lost stages when missing; default: the first deal pipeline).") var pipeline: String?
    @ArgumentParser.Option(help: "Rows per transaction.") var batchSize = 5000
    @ArgumentParser.Flag(help: "Refuse the whole import when a file is one no preset or mapping reads (by default such a file is left out, said, and the rest imported).") var strict = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one CSV file") }
        if preset != nil, mapping != nil { throw ValidationError("give --preset or --mapping, not both") }
        if let preset, Presets.named(preset) == nil { throw ValidationError("--preset must be one of: \(Presets.all.map(\.id).joined(separator: ", "))") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
    }

    func run() async throws {
        var chosen = ImportMappingSet()
        if let preset { chosen.shared = Presets.named(preset)?.mapping }
        if let mapping {
            guard let data = FileManager.default.contents(atPath: mapping), let json = JSONValue.parse(String(decoding: data, as: UTF8.self)) else {
                throw fail(DomainError.invalid("mapping", "\(mapping) is not a readable JSON file"))
            }
            do throws(FieldError) { chosen = try ImportMappingSet(json: json) } catch {
                throw fail(DomainError.invalid("mapping.\(error.field)", error.reason))
            }
            let unmatched = chosen.unmatched(files)
            if !unmatched.isEmpty {
                throw fail(DomainError.invalid("mapping.files", "names \(unmatched.joined(separator: ", ")), which is not among the files given (nothing was written)"))
            }
        }
        var sources: [ImportSource] = []
        for path in try Self.expand(files) {
            guard let data = FileManager.default.contents(atPath: path) else { throw fail(DomainError.invalid("file", "cannot read \(path)")) }
            let name = (path as NSString).lastPathComponent
            sources.append(ImportSource(name: name, bytes: Array(data), mapping: chosen.mapping(for: name)))
        }
        if !propose, preset == nil, mapping == nil, try await restore(sources) { return }
        if propose {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            say(String(decoding: (try? encoder.encode(Self.proposal(sources))) ?? Data(), as: UTF8.self))
            return
        }
        let started = Date()
        // A file nothing reads (a data dictionary in the export's folder) is left out and said; the rest goes on,
        // unless --strict or nothing else is left.
        let unread = sources.filter { $0.mapping == nil && ImportPlan.detectedPreset($0) == nil }.map(\.name)
        if !unread.isEmpty, !strict, unread.count < sources.count { sources = sources.filter { !unread.contains($0.name) } }
        let plan = ImportPlan(sources: sources)
        sources = []  // the files' bytes are not needed once read
        say(plan.summary.text)
        if !unread.isEmpty {
            if strict || plan.files.allSatisfy({ $0.mapping == nil }) {
                throw fail(DomainError.invalid("mapping", "no preset or mapping reads \(unread.joined(separator: ", ")); give --preset or --mapping "
                                               + (dryRun ? "(nothing would be written)" : "(nothing was written)")))
            }
            say("Left out: \(unread.joined(separator: ", ")) (no preset matches the header; give --mapping to read it, or --strict to refuse the whole import).")
        }
        // Rows left out, or a file whose mapping lacks a column every row needs (nothing read from it).
        let leftOut = plan.problems.contains { $0.severity == .error } || !unread.isEmpty
        if dryRun {
            if leftOut { throw ExitCode(2) }
            return
        }
        let parsed = Date().timeIntervalSince(started)
        let options = ImportOptions(system: system ?? Presets.system(of: plan.files.map(\.presetID)), pipeline: pipeline, batchSize: batchSize)
        var partial = leftOut
        do {
            try await store.withServices { _, services in
                let writer = ImportWriter(store: services.store, options: options, actor: nil, now: services.clock.now())
                let result = try await writer.write(plan, progress: ProgressBar.draw)
                say("Read and linked in \(String(format: "%.1f", parsed)) s.")
                say(result.text)
                if result.tallies.contains(where: { $0.tally.skipped > 0 }) { partial = true }
            }
        } catch let e as ValidationError { throw e } catch { throw fail(error) }
        if partial { throw ExitCode(2) }
    }

    /// Files as given, a folder standing for the files in it (an export's folder).
    static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for path in paths {
            var folder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &folder), folder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                out += names.sorted().filter { !$0.hasPrefix(".") }.map { (path as NSString).appendingPathComponent($0) }
            } else {
                out.append(path)
            }
        }
        return out
    }

    /// Voronka's own export (`voronka export`) is restored whole into an empty database, with its ids and journal,
    /// instead of imported; returns false when the files are not one. Files of it mixed with others are refused.
    func restore(_ sources: [ImportSource]) async throws -> Bool {
        let manifest = sources.first { $0.name == Exporter.manifestName }
        let files = sources.filter { $0.name != Exporter.manifestName }.map { ExportRestore.File(name: $0.name, bytes: $0.bytes) }
        let recognised = files.map { ExportRestore.target(of: $0) != nil }
        guard recognised.contains(true) || manifest != nil else { return false }
        let others = zip(files, recognised).filter { !$0.1 }.map(\.0.name)
        if !others.isEmpty {
            throw fail(DomainError.invalid("file", "a Voronka export is restored whole and apart from other files; \(others.joined(separator: ", ")) "
                                           + "\(others.count == 1 ? "is" : "are") not part of it (nothing was written)"))
        }
        var rawCells = false
        if let manifest, case .object(let o)? = JSONValue.parse(String(decoding: manifest.bytes, as: UTF8.self)), case .bool(let raw)? = o["raw_cells"] {
            rawCells = raw
        }
        do {
            try await store.withServices { _, services in
                let result = try await ExportRestore.restore(files, rawCells: rawCells, into: services.store, dryRun: dryRun)
                say(result.text)
            }
        } catch let refusal as ExportRestore.Refusal {
            FileHandle.standardError.write(Data((refusal.description + "\n").utf8))
            throw ExitCode.failure
        } catch let e as ExitCode { throw e } catch { throw fail(error) }
        return true
    }

    /// Every file's proposed mapping as a mapping file: a detected preset by name, else the columns matched to fields
    /// (with the kind guessed from the file's name and header).
    static func proposal(_ sources: [ImportSource]) -> JSONValue {
        var files: [String: JSONValue] = [:]
        for source in sources {
            if let given = source.mapping { files[source.name] = given.json; continue }
            let sample = CSVReader().sample(of: source.bytes, rows: 5)
            if let preset = Presets.detect(header: sample.header) {
                files[source.name] = .object(["preset": .string(preset.id)])
            } else {
                files[source.name] = MappingProposal.propose(fileName: source.name, header: sample.header, rows: sample.rows).mapping.json
            }
        }
        return .object(["files": .object(files)])
    }
}
