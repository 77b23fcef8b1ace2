import Foundation

/// A list request: filters, a sort, and a keyset cursor. Built from query parameters, checked against the entity's fields.
public struct ListQuery: Sendable, Equatable {
    /// One condition on a field.
    public enum Condition: Sendable, Equatable {
        case equals(String, [FieldValue])
        case isNull(String, Bool)
        case atLeast(String, FieldValue)
        case before(String, FieldValue)
        /// Case-insensitive substring of the entity's name or title (kinds without a search index).
        case contains(String, String)
        /// Records whose search document (`SearchText`) contains every term of the query.
        case search(String)
    }

    public var conditions: [Condition] = []
    public var sortField: String = "id"
    public var descending: Bool = false
    public var limit: Int = 50
    /// Where the previous page ended: the sort value and id of its last row.
    public var after: (value: FieldValue, id: Int64)?
    public var includeDeleted = false

    public init() {}

    public static func == (a: ListQuery, b: ListQuery) -> Bool {
        a.conditions == b.conditions && a.sortField == b.sortField && a.descending == b.descending && a.limit == b.limit
            && a.after?.value == b.after?.value && a.after?.id == b.after?.id && a.includeDeleted == b.includeDeleted
    }

    public static let maxLimit = 500

    /// The longest search text `q` accepts: a name, a word or a tax number, with room to spare.
    public static let maxSearchLength = 200

    /// Parses query parameters: `field=v1,v2` filters, `field_from` / `field_to` ranges on dates,
    /// `field_null=true|false`, `q` (name search), `sort=-field`, `limit`, `cursor`.
    /// `searchable`: the kind has a search index (`SearchText`), which `q` then reads.
    public static func parse(_ params: [String: String], fields: [FieldSpec], sortable: [String] = ["id", "created_at", "updated_at"],
                             searchable: Bool = false) -> Result<ListQuery, DomainError> {
        var q = ListQuery()
        var errors: [FieldError] = []
        let byName = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (key, raw) in params.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "limit":
                if let n = Int(raw), (1...maxLimit).contains(n) { q.limit = n } else { errors.append(FieldError("limit", .limitRange(max: maxLimit))) }
            case "sort":
                let desc = raw.hasPrefix("-")
                let name = desc ? String(raw.dropFirst()) : raw
                if byName[name] != nil, sortable.contains(name) { q.sortField = name; q.descending = desc }
                else { errors.append(FieldError("sort", .notSortable(name: name, sortable: sortable))) }
            case "cursor": continue
            case "q":
                if raw.count > maxSearchLength { errors.append(FieldError("q", .searchTooLong(max: maxSearchLength))) }
                else if searchable { if !SearchText.terms(raw).isEmpty { q.conditions.append(.search(raw)) } }
                else if let textField = ["name", "title", "subject"].first(where: { byName[$0] != nil }) {
                    q.conditions.append(.contains(textField, raw))
                } else { errors.append(FieldError("q", .noSearch)) }
            case "include_deleted":
                q.includeDeleted = raw == "true"
            default:
                errors += parseFilter(key, raw, byName: byName, into: &q)
            }
        }
        if let cursor = params["cursor"] {
            if let spec = byName[q.sortField], let after = decodeCursor(cursor, spec: spec) { q.after = after }
            else { errors.append(FieldError("cursor", .notACursor)) }
        }
        return errors.isEmpty ? .success(q) : .failure(.invalid(errors))
    }

    private static func parseFilter(_ key: String, _ raw: String, byName: [String: FieldSpec], into q: inout ListQuery) -> [FieldError] {
        for (suffix, make) in [("_from", Condition.atLeast), ("_to", Condition.before)] where key.hasSuffix(suffix) {
            let name = String(key.dropLast(suffix.count))
            guard let spec = byName[name], spec.type == .timestamp || spec.type == .day || spec.type == .money || spec.type == .int else { continue }
            switch RecordInput.convert(spec.type == .money || spec.type == .int ? .number(Double(raw) ?? .nan) : .string(raw), spec: FieldSpec(key, spec.type)) {
            case .success(let v): q.conditions.append(make(name, v)); return []
            case .failure(let e): return [e]
            }
        }
        if key.hasSuffix("_null"), let spec = byName[String(key.dropLast(5))] {
            guard raw == "true" || raw == "false" else { return [FieldError(key, "must be true or false")] }
            q.conditions.append(.isNull(spec.name, raw == "true")); return []
        }
        guard let spec = byName[key], spec.type != .json, spec.type != .double else {
            return [FieldError(key, "is not a filter of this list")]
        }
        var values: [FieldValue] = []
        for part in raw.split(separator: ",", omittingEmptySubsequences: true) {
            let item = String(part).trimmingCharacters(in: .whitespaces)
            let json: JSONValue
            switch spec.type {
            case .id, .int, .money: json = Double(item).map(JSONValue.number) ?? .string(item)
            case .bool: json = item == "true" ? .bool(true) : item == "false" ? .bool(false) : .string(item)
            default: json = .string(item)
            }
            var lenient = spec
            lenient.required = false
            switch RecordInput.convert(json, spec: lenient) {
            case .success(let v): values.append(v)
            case .failure(let e): return [e]
            }
        }
        guard !values.isEmpty else { return [FieldError(key, "needs a value")] }
        if values.count > 1000 { return [FieldError(key, "at most 1000 values")] }
        q.conditions.append(.equals(key, values))
        return []
    }

    /// The opaque cursor that continues after a row with this sort value and id.
    public static func encodeCursor(value: FieldValue, id: Int64, spec: FieldSpec) -> String {
        let text = JSONValue.array([value.json(as: spec.type == .money ? .int : spec.type), .number(Double(id))]).jsonText
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decodeCursor(_ cursor: String, spec: FieldSpec) -> (FieldValue, Int64)? {
        var b64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64), let text = String(data: data, encoding: .utf8),
              case .array(let parts)? = JSONValue.parse(text), parts.count == 2,
              case .number(let idNumber) = parts[1], let id = Int64(exactly: idNumber) else { return nil }
        let plain = FieldSpec(spec.name, spec.type == .money ? .int : spec.type)
        guard case .success(let value) = RecordInput.convert(parts[0], spec: plain), !value.isNull else { return nil }
        return (value, id)
    }
}

/// One page of a list, with the cursor of the next page when there is one.
public struct Page: Sendable {
    public let records: [Record]
    public let nextCursor: String?

    public init(records: [Record], nextCursor: String?) {
        self.records = records; self.nextCursor = nextCursor
    }
}
