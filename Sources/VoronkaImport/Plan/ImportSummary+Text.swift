extension ImportSummary {
    /// The report as plain text, for the command line's dry run.
    public var text: String {
        var out: [String] = ["Dry run: nothing was written.", "", "Files"]
        for file in files {
            guard let report = file.report else { out.append("  \(file.name): not read (no mapping)"); continue }
            let how = file.presetID.map { "preset \($0)" } ?? "given mapping"
            out.append("  \(file.name): \(report.kind.rawValue) by \(how); \(report.csv.encoding.rawValue), delimiter \(report.csv.delimiter.text); "
                + "\(report.rowsRead) rows read, \(report.rowsImported) imported, \(report.rowsSkipped) left out")
            if report.derivedIDs { out.append("    no id column: ids are derived from each row's contents") }
            if !report.unusedColumns.isEmpty { out.append("    columns nothing reads: " + report.unusedColumns.joined(separator: ", ")) }
            if !report.missingColumns.isEmpty { out.append("    mapped columns not in the file: " + report.missingColumns.joined(separator: ", ")) }
        }
        out += ["", "Counts"]
        for c in counts {
            out.append("  \(c.kind): \(c.rows)" + (c.implied > 0 ? " (\(c.implied) only named by other rows)" : ""))
        }
        for file in files {
            guard let mapping = file.mapping else { continue }
            out += ["", "Mapping of \(file.name)" + (file.presetID.map { " (preset \($0))" } ?? "")]
            out += mapping.text.split(separator: "\n").map { "  " + $0 }
        }
        if !stages.isEmpty {
            out += ["", "Stages"]
            for s in stages {
                let place = [s.kind.rawValue, s.pipeline].compactMap { $0 }.joined(separator: " / ")
                var line = "  \(place): \(s.stage) — \(s.rows)"
                if s.won > 0 { line += ", won \(s.won)" }
                if s.lost > 0 { line += ", lost \(s.lost)" }
                out.append(line)
            }
        }
        if !owners.isEmpty {
            out += ["", "Owners"]
            for o in owners { out.append("  \(o.name): \(o.rows) rows" + (o.listed ? "" : " (in no users file: an inactive user unless one of that name exists)")) }
        }
        if !channels.isEmpty {
            out += ["", "Lead channels (each becomes the channel of that name, made when none has it; value_maps.source renames them)"]
            for (text, n) in channels.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) { out.append("  \(text): \(n)") }
        }
        if grades.graded + grades.ungraded > 0 {
            out += ["", "Grades", "  \(grades.graded) deals graded from their need, budget and deadline"]
            if let reason = grades.reason { out.append("  \(grades.ungraded) deals stay ungraded: \(reason)") }
        }
        let errors = problems.filter { $0.severity == .error }.count
        out += ["", "Problems: \(errors) rows left out, \(problems.count - errors) warnings"]
        out += problems.map { "  " + $0.description }
        return out.joined(separator: "\n")
    }
}
