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

    var pathParameters: [String] {
        path.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }
}

/// Every route of the JSON API.
enum APIRoutes {
    static var all: [APIRoute] {
        SystemRoutes.all + AuthRoutes.all + RecordRoutes.all + UserRoutes.all + StageMoveRoutes.all + JournalRoutes.all
            + QualificationRoutes.all + SettingsRoutes.all + ExportRoutes.all + ImportRoutes.all + AnalyticsRoutes.all
    }
}
