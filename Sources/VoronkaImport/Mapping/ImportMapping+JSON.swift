import Foundation
import VoronkaCore

extension ImportMapping {
    static let jsonKeys = ["preset", "kind", "columns", "value_maps", "empty_values", "date_format", "time_zone", "currency",
                           "pipeline", "stage", "unknown_stages", "outcome", "stage_entered_prefix", "stage_date_columns",
                           "closed_at_enters_stage", "stage_order", "stage_map", "title_template", "multipliers", "delimiter", "encoding"]

    /// Builds a mapping from JSON (a mapping file or an API request). With "preset", the preset's mapping is the
    /// start and the other keys change it: "columns" and "value_maps" are merged into the preset's, the rest replace.
    /// Errors name the JSON path of the bad value.
    public init(json: JSONValue) throws(FieldError) {
        let r = try JSONObjectReader(json, path: "", keys: Self.jsonKeys, top: "mapping", unknownKey: { .notKnownKey(known: $0) })
        if let presetID = try r.string("preset") {
            guard let preset = Presets.named(presetID) else {
                throw FieldError("preset", "is not a known preset (known: \(Presets.all.map(\.id).joined(separator: ", ")))")
            }
            self = preset.mapping
            if let kindName = try r.string("kind"), kindName != kind.rawValue {
                throw FieldError("kind", "is \(kind.rawValue) for the preset \(presetID)")
            }
        } else {
            guard let kindName = try r.string("kind") else { throw FieldError("kind", "is required (one of \(Self.kindNames))") }
            guard let kind = ImportFileKind(rawValue: kindName) else { throw FieldError("kind", "must be one of \(Self.kindNames)") }
            self.init(kind: kind, columns: [:])
        }
        try apply(r)
    }

    private static var kindNames: String { ImportFileKind.allCases.map(\.rawValue).joined(separator: ", ") }

    private mutating func apply(_ r: JSONObjectReader) throws(FieldError) {
        if let columns = try r.stringMap("columns") {
            for (column, targetName) in columns {
                let path = "columns.\(column)"
                guard let target = ColumnTarget(text: targetName) else {
                    throw FieldError(path, "“\(targetName)” is not a field (fields of \(kind.rawValue): \(fieldNames); or custom.<key>, or ignore)")
                }
                if case .field(let f) = target, !kind.fields.contains(f) {
                    throw FieldError(path, "\(f.rawValue) is not a field of a \(kind.rawValue) file (fields: \(fieldNames))")
                }
                // A mapping is never accepted for a value that would then be stored nowhere.
                if case .custom = target, !kind.storesCustom {
                    throw FieldError(path, "a \(kind.rawValue) file keeps no custom attributes (companies, contacts, leads and deals do); map the column to a field or to ignore")
                }
                self.columns[column] = target
            }
        }
        if let maps = try r.object("value_maps") {
            for (fieldName, map) in maps {
                guard let field = TargetField(rawValue: fieldName) else { throw FieldError("value_maps.\(fieldName)", "is not a field") }
                let entries = try JSONObjectReader.stringMap(map, path: "value_maps.\(fieldName)")
                valueMaps[field, default: [:]].merge(entries) { _, new in new }
            }
        }
        if let values = try r.strings("empty_values") { emptyValues = values }
        if let text = try r.string("date_format") {
            guard let format = DateFormat(pattern: text) else {
                throw FieldError("date_format", "must be one of \(DateFormat.allCases.map(\.rawValue).joined(separator: ", ")) (a time part may follow)")
            }
            dateFormat = format
        }
        if let text = try r.string("time_zone") {
            guard let offset = Self.utcOffset(text) else { throw FieldError("time_zone", "must be UTC or an offset such as +03:00") }
            utcOffset = offset
        }
        if let code = try r.string("currency") {
            guard Currency.isKnown(code) else { throw FieldError("currency", .currency([])) }
            currency = code
        }
        if let name = try r.string("pipeline") { pipelineName = name.isEmpty ? nil : name }
        if let name = try r.string("stage") { stageName = name.trimmingCharacters(in: .whitespaces).isEmpty ? nil : name }
        if let policy = r.value("unknown_stages") { unknownStages = try Self.policy(policy) }
        if let rules = try r.array("outcome") {
            var parsed: [OutcomeRule] = []
            for (i, rule) in rules.enumerated() { parsed.append(try Self.rule(rule, path: "outcome[\(i)]")) }
            outcomeRules = parsed
        }
        if let prefix = try r.string("stage_entered_prefix") { stageEnteredPrefix = prefix.isEmpty ? nil : prefix }
        if let columns = try r.stringMap("stage_date_columns") { stageDateColumns = columns }
        if let flag = try r.bool("closed_at_enters_stage") { closedAtEntersStage = flag }
        if let order = try r.strings("stage_order") { stageOrder = order }
        if let targets = try r.stringMap("stage_map") { stageTargets.merge(targets) { _, new in new } }
        if let template = try r.string("title_template") { titleTemplate = template.isEmpty ? nil : template }
        if let factors = try r.object("multipliers") {
            for (fieldName, value) in factors {
                let path = "multipliers.\(fieldName)"
                guard let field = TargetField(rawValue: fieldName), [.amount, .annualRevenue, .price].contains(field) else {
                    throw FieldError(path, "must name an amount field (amount, annual_revenue, price)")
                }
                guard case .number(let n) = value, let factor = Int64(exactly: n), factor >= 1, factor <= 1_000_000_000 else {
                    throw FieldError(path, "must be a whole number from 1 to 1000000000")
                }
                multipliers[field] = factor
            }
        }
        if let text = try r.string("delimiter") {
            guard let d = CSVDelimiter(text: text) else { throw FieldError("delimiter", "must be \",\", \";\" or \"tab\"") }
            delimiter = d
        }
        if let text = try r.string("encoding") {
            guard let e = TextEncoding(name: text) else { throw FieldError("encoding", "must be utf-8, windows-1251 or utf-16le") }
            encoding = e
        }
        if let missing = kind.requiredFields.first(where: { f in !columns.values.contains(.field(f)) }) {
            throw FieldError("columns", "must map a column to \(missing.rawValue), which every \(kind.rawValue) row needs")
        }
    }

    private var fieldNames: String { kind.fields.map(\.rawValue).joined(separator: ", ") }

    /// "UTC", "Z", "+03:00", "+0300", "-5", "MSK": seconds east of UTC.
    static func utcOffset(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        if t == "UTC" || t == "Z" || t == "GMT" { return 0 }
        if t == "MSK" { return 3 * 3600 }
        let body = t.hasPrefix("UTC") || t.hasPrefix("GMT") ? String(t.dropFirst(3)) : t
        guard let sign = body.first, sign == "+" || sign == "-" else { return nil }
        let digits = body.dropFirst().replacingOccurrences(of: ":", with: "")
        guard digits.allSatisfy(\.isNumber), (1...4).contains(digits.count) else { return nil }
        let h = digits.count <= 2 ? Int(digits) : Int(digits.prefix(digits.count - 2))
        let m = digits.count <= 2 ? 0 : Int(digits.suffix(2))
        guard let hours = h, let minutes = m, hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    private static func policy(_ v: JSONValue) throws(FieldError) -> UnknownStagePolicy {
        switch v {
        case .string("create"): return .create
        case .string("reject"): return .reject
        case .object:
            let r = try JSONObjectReader(v, path: "unknown_stages", keys: ["map_to"], top: "mapping", unknownKey: { .notKnownKey(known: $0) })
            guard let stage = try r.string("map_to"), !stage.isEmpty else { throw FieldError("unknown_stages.map_to", "is required") }
            return .mapTo(stage)
        default:
            throw FieldError("unknown_stages", "must be \"create\", \"reject\" or {\"map_to\": \"<stage>\"}")
        }
    }

    private static func rule(_ v: JSONValue, path: String) throws(FieldError) -> OutcomeRule {
        let r = try JSONObjectReader(v, path: path, keys: ["field", "column", "equals", "test", "then"], top: "mapping", unknownKey: { .notKnownKey(known: $0) })
        let subject: OutcomeRule.Subject
        switch (try r.string("field"), try r.string("column")) {
        case (let name?, nil):
            guard let field = TargetField(rawValue: name) else { throw FieldError(r.name("field"), "is not a field") }
            subject = .field(field)
        case (nil, let column?): subject = .column(column)
        default: throw FieldError(path, "must have either field or column")
        }
        let test: OutcomeRule.Test
        switch (try r.strings("equals"), try r.string("test")) {
        case (let values?, nil): test = .equals(values)
        case (nil, "true"?): test = .isTrue
        case (nil, "non_zero"?): test = .nonZero
        case (nil, "non_empty"?): test = .nonEmpty
        case (nil, _?): throw FieldError(r.name("test"), "must be true, non_zero or non_empty")
        default: throw FieldError(path, "must have either equals or test")
        }
        guard let thenName = try r.string("then") else { throw FieldError(r.name("then"), "is required (open, won, lost or skip)") }
        guard let then = OutcomeRule.Then(rawValue: thenName) else { throw FieldError(r.name("then"), "must be open, won, lost or skip") }
        return OutcomeRule(subject, test, then: then)
    }
}
