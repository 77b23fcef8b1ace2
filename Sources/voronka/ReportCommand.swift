import Foundation
import ArgumentParser
import VoronkaCore
import VoronkaServer

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Print one analytics metric (or the dashboard) as a table, JSON or CSV.")

    @OptionGroup var store: StoreOptions
    @ArgumentParser.Argument(help: "conversion, curve, anomalies, stage_conversion, time_in_stage, stalled, velocity, response_times, forecast, calibration, rescued_leads, referrals, completeness, yearly_buyers, data_quality or dashboard.") var metric: String
    @ArgumentParser.Flag(help: "Print the metric's JSON.") var json = false
    @ArgumentParser.Flag(help: "Print its rows as CSV.") var csv = false
    @ArgumentParser.Option(parsing: .upToNextOption, help: "Filters as key=value: pipeline_id, owner_id, source, segment, from, to, as_of, cohort, maturity_days.") var filter: [String] = []

    func validate() throws {
        if json && csv { throw ValidationError("give --json or --csv, not both") }
        for f in filter where !f.contains("=") { throw ValidationError("--filter takes key=value, got \(f)") }
    }

    func run() async throws {
        var params: [String: String] = [:]
        for f in filter { let parts = f.split(separator: "=", maxSplits: 1); params[String(parts[0])] = String(parts[1]) }
        do {
            try await store.withServices { _, services in
                let value = try await ReportTask.value(services, metric: metric, params: params)
                if json { say(value.jsonText); return }
                guard let table = ReportTask.table(value) else { say(value.jsonText); return }
                if csv {
                    say(RecordCSV.line(table.header).trimmingCharacters(in: .newlines))
                    for row in table.rows { say(RecordCSV.line(row).trimmingCharacters(in: .newlines)) }
                    return
                }
                let widths = table.header.indices.map { i in ([table.header[i]] + table.rows.map { $0[i] }).map(\.count).max() ?? 0 }
                func line(_ cells: [String]) -> String {
                    cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                }
                say(line(table.header))
                say(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
                for row in table.rows { say(line(row)) }
            }
        } catch { throw fail(error) }
    }
}
