import Foundation
import VoronkaCore
import VoronkaImport

/// An import as the API shows it: its files with the mapping each is read with, the dry run, and its state.
enum ImportJSON {
    /// At most this many problems are listed; `problem_count` gives them all.
    static let problemLimit = 1000

    static func upload(_ u: ImportUpload) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(u.id),
            "created_at": .string(Timestamp.format(u.createdAt)),
            "system": .string(u.options.system),
            "files": .array(u.files.map(file)),
        ]
        o.merge(state(u.state)) { _, new in new }
        if let summary = u.summary { o["dry_run"] = dryRun(summary) }
        return .object(o)
    }

    static func file(_ f: ImportUpload.File) -> JSONValue {
        .object([
            "name": .string(f.name),
            "preset": f.presetID.map(JSONValue.string) ?? .null,
            "kind": .string(f.mapping.kind.rawValue),
            "header": .array(f.header.map(JSONValue.string)),
            "mapping": f.mapping.json,
            "missing_fields": .array(f.missing.map { .string($0.rawValue) }),
        ])
    }

    static func state(_ state: ImportUpload.State) -> [String: JSONValue] {
        switch state {
        case .draft:
            return ["state": "draft"]
        case .running(let done, let total, let startedAt):
            return ["state": "running", "rows_written": .number(Double(done)), "rows_total": .number(Double(total)),
                    "started_at": .string(Timestamp.format(startedAt))]
        case .finished(let r):
            return ["state": "finished", "result": result(r)]
        case .failed(let message, let at):
            return ["state": "failed", "error": .string(message), "failed_at": .string(Timestamp.format(at))]
        }
    }

    static func result(_ r: ImportResult) -> JSONValue {
        var kinds: [String: JSONValue] = [:]
        for (kind, t) in r.tallies {
            kinds[kind] = ["created": .number(Double(t.created)), "updated": .number(Double(t.updated)),
                           "unchanged": .number(Double(t.unchanged)), "skipped": .number(Double(t.skipped))]
        }
        let made: [JSONValue] = r.channelsMade.map { c in
            .object(["id": .number(Double(c.id)), "name": .string(c.name), "channel_group": .string(c.group.rawValue)])
        }
        let linksMade: [String: JSONValue] = r.linksMade.mapValues { .number(Double($0)) }
        let linksUnknown: [String: JSONValue] = r.linksUnknown.mapValues { .number(Double($0)) }
        return .object([
            "system": .string(r.system), "rows": .number(Double(r.rows)), "seconds": .number(r.seconds),
            "batches": .number(Double(r.batches)), "journal_entries": .number(Double(r.journalEntries)),
            "changed_nothing": .bool(r.changedNothing), "kinds": .object(kinds),
            "problem_count": .number(Double(r.problems.count)),
            "problems": .array(r.problems.prefix(problemLimit).map { .string($0.english) }),
            "links_made": .object(linksMade), "links_unknown": .object(linksUnknown), "channels_made": .array(made),
        ])
    }

    static func dryRun(_ s: ImportSummary) -> JSONValue {
        .object([
            "files": .array(s.files.map { f in
                .object(["name": .string(f.name), "rows_read": .number(Double(f.report?.rowsRead ?? 0)),
                         "rows_imported": .number(Double(f.report?.rowsImported ?? 0)),
                         "rows_skipped": .number(Double(f.report?.rowsSkipped ?? 0)),
                         "unused_columns": .array((f.report?.unusedColumns ?? []).map(JSONValue.string))])
            }),
            "counts": .object(Dictionary(uniqueKeysWithValues: s.counts.map { ($0.kind, JSONValue.number(Double($0.rows))) })),
            "stages": .array(s.stages.map { st in
                .object(["kind": .string(st.kind.rawValue), "pipeline": st.pipeline.map(JSONValue.string) ?? .null,
                         "stage": .string(st.stage), "rows": .number(Double(st.rows)), "won": .number(Double(st.won)),
                         "lost": .number(Double(st.lost))])
            }),
            "owners": .array(s.owners.map { .object(["name": .string($0.name), "rows": .number(Double($0.rows)), "listed": .bool($0.listed)]) }),
            // The leads' channels as written: each goes to the channel of that name (made when none has it); a
            // `value_maps.source` in the mapping renames them.
            "channels": .array(s.channels.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                .object(["text": .string($0.key), "rows": .number(Double($0.value))])
            }),
            // Deals graded from the qualification the export carries; the rest stay ungraded, for the reason given.
            "grades": .object(["graded": .number(Double(s.grades.graded)), "ungraded": .number(Double(s.grades.ungraded)),
                               "ungraded_reason": s.grades.reason.map(JSONValue.string) ?? .null]),
            "problem_count": .number(Double(s.problems.count)),
            "problems": .array(s.problems.prefix(problemLimit).map(problem)),
        ])
    }

    static func problem(_ p: RowProblem) -> JSONValue {
        .object(["file": .string(p.file), "line": .number(Double(p.line)), "column": p.column.map(JSONValue.string) ?? .null,
                 "reason": .string(p.reason), "value": p.value.map(JSONValue.string) ?? .null, "severity": .string(p.severity.rawValue)])
    }
}
