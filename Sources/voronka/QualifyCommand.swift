import ArgumentParser
import VoronkaCore
import VoronkaServer

struct QualifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "qualify", abstract: "Triage leads and grade deals by the qualification rules.")

    @OptionGroup var store: StoreOptions
    @ArgumentParser.Option(help: "Triage this lead.") var lead: Int64?
    @ArgumentParser.Option(help: "Grade this deal and show its checklist.") var deal: Int64?
    @ArgumentParser.Flag(help: "Triage every undecided lead and regrade every open deal.") var all = false
    @ArgumentParser.Flag(help: "List the rules that decided.") var explain = false
    @ArgumentParser.Flag(help: "Show the triage of --lead without writing it.") var dryRun = false
    @ArgumentParser.Option(help: "Language of the explanations: en or ru.") var language = "en"

    func validate() throws {
        if [lead != nil, deal != nil, all].filter({ $0 }).count != 1 { throw ValidationError("name one of --lead ID, --deal ID or --all") }
        if Language(rawValue: language) == nil { throw ValidationError("--language must be en or ru") }
    }

    func run() async throws {
        let locale = Language(rawValue: language) ?? .en
        do {
            try await store.withServices { _, services in
                if let lead {
                    for line in try await QualifyTask.lead(services, id: lead, explain: explain, dryRun: dryRun, locale: locale) { say(line) }
                } else if let deal {
                    for line in try await QualifyTask.deal(services, id: deal, explain: explain, locale: locale) { say(line) }
                } else {
                    say(try await QualifyTask.all(services, locale: locale))
                }
            }
        } catch { throw fail(error) }
    }
}
