import VoronkaCore

extension ImportMapping {
    /// The mapping as JSON in the form `init(json:)` reads, so that a preset can be saved, edited and read back.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "kind": .string(kind.rawValue),
            "columns": .object(columns.mapValues { .string($0.text) }),
            "date_format": .string(dateFormat.rawValue),
            "time_zone": .string(Self.offsetText(utcOffset)),
            "currency": .string(currency),
            "closed_at_enters_stage": .bool(closedAtEntersStage),
            "empty_values": .array(emptyValues.map(JSONValue.string)),
        ]
        if !valueMaps.isEmpty {
            o["value_maps"] = .object(Dictionary(uniqueKeysWithValues: valueMaps.map { ($0.rawValue, .object($1.mapValues(JSONValue.string))) }))
        }
        if let pipelineName { o["pipeline"] = .string(pipelineName) }
        if let stageName { o["stage"] = .string(stageName) }
        switch unknownStages {
        case .create: o["unknown_stages"] = "create"
        case .reject: o["unknown_stages"] = "reject"
        case .mapTo(let stage): o["unknown_stages"] = ["map_to": .string(stage)]
        }
        if !outcomeRules.isEmpty { o["outcome"] = .array(outcomeRules.map(\.json)) }
        if let stageEnteredPrefix { o["stage_entered_prefix"] = .string(stageEnteredPrefix) }
        if !stageDateColumns.isEmpty { o["stage_date_columns"] = .object(stageDateColumns.mapValues(JSONValue.string)) }
        if !stageOrder.isEmpty { o["stage_order"] = .array(stageOrder.map(JSONValue.string)) }
        if !stageTargets.isEmpty { o["stage_map"] = .object(stageTargets.mapValues(JSONValue.string)) }
        if let titleTemplate { o["title_template"] = .string(titleTemplate) }
        if !multipliers.isEmpty {
            o["multipliers"] = .object(Dictionary(uniqueKeysWithValues: multipliers.map { ($0.rawValue, .number(Double($1))) }))
        }
        if let delimiter { o["delimiter"] = .string(delimiter.text) }
        if let encoding { o["encoding"] = .string(encoding.rawValue) }
        return .object(o)
    }

    /// The mapping for people, one setting a line, as a dry run shows it.
    public var text: String {
        var lines = ["kind: \(kind.rawValue)"]
        lines.append("columns:")
        for (column, target) in columns.sorted(by: { $0.key < $1.key }) { lines.append("  \(column) → \(target.text)") }
        for (field, map) in valueMaps.sorted(by: { $0.key < $1.key }) {
            lines.append("values of \(field.rawValue):")
            for (from, to) in map.sorted(by: { $0.key < $1.key }) { lines.append("  \(from) → \(to)") }
        }
        lines.append("date format: \(dateFormat.rawValue), times without a zone in UTC\(utcOffset == 0 ? "" : Self.offsetText(utcOffset))")
        lines.append("currency: \(currency)")
        if let pipelineName { lines.append("pipeline: \(pipelineName)") }
        if let stageName { lines.append("stage: \(stageName)") }
        if kind.fields.contains(.stageName) {
            switch unknownStages {
            case .create: lines.append("unknown stages: created in the target pipeline")
            case .reject: lines.append("unknown stages: rows reported and left out")
            case .mapTo(let stage): lines.append("unknown stages: put in \(stage)")
            }
        }
        for rule in outcomeRules { lines.append("outcome: \(rule.text)") }
        if !emptyValues.isEmpty { lines.append("empty values: " + emptyValues.map { "“\($0)”" }.joined(separator: ", ")) }
        if let stageEnteredPrefix { lines.append("stage history from columns: \(stageEnteredPrefix)\"<stage> (<pipeline>)\"") }
        for (column, stage) in stageDateColumns.sorted(by: { $0.key < $1.key }) { lines.append("stage history: \(column) → entered \(stage)") }
        if closedAtEntersStage { lines.append("stage history: closed_at → entered the final stage") }
        if let titleTemplate { lines.append("title when missing: \(titleTemplate)") }
        for (field, factor) in multipliers.sorted(by: { $0.key < $1.key }) { lines.append("\(field.rawValue) × \(factor)") }
        return lines.joined(separator: "\n")
    }

    static func offsetText(_ seconds: Int) -> String {
        if seconds == 0 { return "UTC" }
        let a = abs(seconds)
        let h = a / 3600, m = a / 60 % 60
        return (seconds < 0 ? "-" : "+") + (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }
}

extension OutcomeRule {
    var json: JSONValue {
        var o: [String: JSONValue] = ["then": .string(then.rawValue)]
        switch subject {
        case .field(let f): o["field"] = .string(f.rawValue)
        case .column(let c): o["column"] = .string(c)
        }
        switch test {
        case .equals(let values): o["equals"] = .array(values.map(JSONValue.string))
        case .isTrue: o["test"] = "true"
        case .nonZero: o["test"] = "non_zero"
        case .nonEmpty: o["test"] = "non_empty"
        }
        return .object(o)
    }

    var text: String {
        let what = switch subject {
        case .field(let f): f.rawValue
        case .column(let c): "column \(c)"
        }
        let test = switch test {
        case .equals(let values): "is " + values.map { "“\($0)”" }.joined(separator: " or ")
        case .isTrue: "is yes"
        case .nonZero: "is not zero"
        case .nonEmpty: "is filled"
        }
        return "\(what) \(test) → \(then.rawValue)"
    }
}
