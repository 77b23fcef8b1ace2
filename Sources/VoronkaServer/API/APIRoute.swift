import Vapor
import VoronkaCore

/// The shape of a request or response body, for the OpenAPI document.
enum BodySchema: Sendable, Equatable {
    /// A record of a kind as the API shows it.
    case record(EntityKind)
    /// The input of a create or update of a kind.
    case input(EntityKind, create: Bool)
    /// A page of records of a kind.
    case page(EntityKind)
    /// A named schema of the document's components.
    case named(String)
    /// A `multipart/form-data` body (files) described by a named schema.
    case multipart(String)
}

/// A query parameter of a route other than a list's filters, for the OpenAPI document.
struct QueryParameter: Sendable {
    let name: String
    /// The parameter's JSON schema (`{"type": "integer", "minimum": 0}`).
    let schema: JSONValue
    let description: String

    init(_ name: String, _ schema: JSONValue, _ description: String) { self.name = name; self.schema = schema; self.description = description }

    static func integer(_ name: String, _ range: ClosedRange<Int64>, _ description: String) -> QueryParameter {
        QueryParameter(name, .object(["type": .string("integer"), "format": .string("int64"), "minimum": .number(Double(range.lowerBound)),
                                      "maximum": .number(Double(range.upperBound))]), description)
    }

    static func string(_ name: String, _ description: String, values: [String]? = nil, format: String? = nil) -> QueryParameter {
        var schema: [String: JSONValue] = ["type": .string("string")]
        if let values { schema["enum"] = .array(values.map(JSONValue.string)) }
        if let format { schema["format"] = .string(format) }
        return QueryParameter(name, .object(schema), description)
    }
}

/// One endpoint: how it is registered and how the OpenAPI document describes it. The one list of routes serves both.
struct APIRoute: Sendable {
    let method: HTTPMethod
    /// Path below /api/v1, e.g. `deals/:id/move`.
    let path: String
    let operationID: String
    let summary: String
    let tag: String
    let authenticated: Bool
    let request: BodySchema?
    let response: BodySchema?
    /// The status of a successful answer.
    let success: HTTPResponseStatus
    /// The kind whose fields are the list filters.
    let listOf: EntityKind?
    /// The largest body the route collects.
    let maxBody: ByteCount
    /// The body is an upload, streamed to disk up to the configured upload limit (see `MultipartForm.read`).
    let streamsUpload: Bool
    /// Query parameters besides a list's filters.
    var query: [QueryParameter] = []
    /// The values a path parameter that is a name (not an id) takes.
    var pathValues: [String: [String]] = [:]
    /// Whether the body may be left out (the route then takes its defaults).
    var bodyOptional = false
    /// Answers the document lists for this route beyond the common ones, by status (they replace those).
    var responses: [String: JSONValue] = [:]
    let handler: @Sendable (Request, Services) async throws -> Response

    init(_ method: HTTPMethod, _ path: String, _ operationID: String, _ summary: String, tag: String, authenticated: Bool = true,
         request: BodySchema? = nil, response: BodySchema?, success: HTTPResponseStatus = .ok, listOf: EntityKind? = nil,
         maxBody: ByteCount = "2mb", streamsUpload: Bool = false, handler: @escaping @Sendable (Request, Services) async throws -> Response) {
        self.method = method; self.path = path; self.operationID = operationID; self.summary = summary; self.tag = tag
        self.authenticated = authenticated; self.request = request; self.response = response; self.success = success
        self.listOf = listOf; self.maxBody = maxBody; self.streamsUpload = streamsUpload; self.handler = handler
    }

    var pathComponents: [PathComponent] {
        ["api", "v1"] + path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    /// The path as OpenAPI writes it: `/api/v1/deals/{id}/move`.
    var openAPIPath: String {
        "/api/v1/" + path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }

    /// The same route with documentation details set.
    func documented(query: [QueryParameter] = [], pathValues: [String: [String]] = [:], bodyOptional: Bool = false,
                    responses: [String: JSONValue] = [:]) -> APIRoute {
        var copy = self
        copy.query = query; copy.pathValues = pathValues; copy.bodyOptional = bodyOptional; copy.responses = responses
        return copy
    }

    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }
}

/// Every route of the JSON API.
enum APIRoutes {
    static var all: [APIRoute] {
        (SystemRoutes.all + AuthRoutes.all + RecordRoutes.all + UserRoutes.all + StageMoveRoutes.all + JournalRoutes.all
            + QualificationRoutes.all + SettingsRoutes.all + ExportRoutes.all + ImportRoutes.all + AnalyticsRoutes.all + NudgeRoutes.all + ReviewRoutes.all + WebhookRoutes.all).map(APIRouteDocs.apply)
    }
}
