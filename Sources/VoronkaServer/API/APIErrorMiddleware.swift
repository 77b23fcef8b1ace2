import Vapor
import VoronkaCore

/// Turns every error into a JSON answer a client can act on: `{"error": {"status", "message", "fields": [{field, reason}]}}`.
/// Domain errors keep their status; anything unexpected becomes a 500 whose detail goes to the log, never to the client.
struct APIErrorMiddleware: AsyncMiddleware {
    /// The methods of every path, for a 405 instead of a 404 when only the method is wrong.
    var allowed: AllowedMethods?
    /// Renders the web's "not found" page for an unknown address outside the API (a person followed a link, not a client).
    var webNotFound: (@Sendable (Request) -> Response)?

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as DomainError {
            return Self.response(for: error)
        } catch let abort as any AbortError where abort.status == .notFound && request.route == nil {
            // A path some route answers, asked with another method: 405 naming the methods, not "not found".
            let methods = allowed?.methods(for: request.url.path) ?? []
            guard !methods.isEmpty else {
                if let webNotFound, !request.url.path.hasPrefix("/api/") { return webNotFound(request) }
                return Self.body(status: .notFound, message: abort.reason, fields: [])
            }
            let response = Self.body(status: .methodNotAllowed, message: "\(request.method.rawValue) is not allowed here; allowed: \(methods.joined(separator: ", "))",
                                     fields: [])
            response.headers.replaceOrAdd(name: .allow, value: methods.joined(separator: ", "))
            return response
        } catch let abort as any AbortError {
            let field: [FieldError] = abort is UploadTooLarge ? [FieldError("files", abort.reason)]
                : abort.status == .payloadTooLarge ? [FieldError("body", "is too large")] : []
            return Self.body(status: abort.status, message: abort.reason, fields: field)
        } catch {
            request.logger.error("Unhandled error on \(request.method) \(request.url.path): \(String(reflecting: error))")
            return Self.body(status: .internalServerError, message: "Something went wrong on our side; the error is logged.", fields: [])
        }
    }

    static func response(for error: DomainError) -> Response {
        switch error {
        case .invalid(let fields): body(status: .unprocessableEntity, message: "Some fields are not valid.", fields: fields)
        case .notFound: body(status: .notFound, message: error.message, fields: [])
        case .forbidden(let why): body(status: .forbidden, message: why, fields: [])
        case .unauthenticated(let why):
            {
                let r = body(status: .unauthorized, message: why, fields: [])
                r.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
                return r
            }()
        case .conflict(let error): body(status: .conflict, message: "\(error.field): \(error.reason)", fields: [error])
        case .tooManyRequests(let why, let seconds):
            {
                let r = body(status: .tooManyRequests, message: why, fields: [])
                r.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
                return r
            }()
        }
    }

    static func body(status: HTTPResponseStatus, message: String, fields: [FieldError]) -> Response {
        let value = JSONValue.object(["error": .object([
            "status": .number(Double(status.code)),
            "message": .string(message),
            "fields": .array(fields.map { .object(["field": .string($0.field), "reason": .string($0.reason)]) }),
        ])])
        return JSONResponse.make(value, status: status)
    }
}
