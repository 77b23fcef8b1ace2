import Vapor
import VoronkaCore

/// JSON in and out of handlers.
enum JSONResponse {
    static func make(_ value: JSONValue, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(string: value.jsonText))
    }

    static func record(_ record: Record, kind: EntityKind, status: HTTPResponseStatus = .ok) -> Response {
        make(.object(record.jsonObject(fields: kind.fields)), status: status)
    }

    static func page(_ page: Page, kind: EntityKind) -> Response {
        let fields = kind.fields
        var text = "{\"items\":["
        for (i, record) in page.records.enumerated() {
            if i > 0 { text += "," }
            text += record.jsonText(fields: fields)
        }
        text += "],\"next_cursor\":" + (page.nextCursor.map(JSONValue.string) ?? .null).jsonText + "}"
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}

extension Request {
    /// The body as a JSON object; a 400 naming `body` when it is anything else.
    func jsonObject() throws -> [String: JSONValue] {
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw DomainError.invalid("body", "is empty; send a JSON object")
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView)) else {
            throw DomainError.invalid("body", "is not valid JSON")
        }
        guard case .object(let object) = value else { throw DomainError.invalid("body", "must be a JSON object, not \(value.typeName)") }
        return object
    }

    /// The `:id` path parameter; a 422 naming `id` when it is not a positive whole number.
    func id(_ name: String = "id") throws -> Int64 {
        guard let raw = parameters.get(name), let id = Int64(raw), id > 0 else {
            throw DomainError.invalid(name, "must be a positive whole number")
        }
        return id
    }

    /// The query string as a dictionary (the last value wins for repeated keys).
    var queryParameters: [String: String] {
        guard let query = url.query else { return [:] }
        var out: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[1])) : ""
            if !key.isEmpty { out[key] = value }
        }
        return out
    }
}

extension JSONValue {
    /// A string member of an object value.
    public func string(_ key: String) -> String? {
        if case .object(let o) = self, case .string(let s)? = o[key] { return s }
        return nil
    }
}
