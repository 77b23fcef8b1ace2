import Vapor
import VoronkaCore
import VoronkaStore

/// Who made a request, once their bearer token checked out.
struct Caller: Sendable {
    let user: User
    let viewer: Viewer
    let tokenID: Int64
}

private struct CallerKey: StorageKey { typealias Value = Caller }

extension Request {
    /// The authenticated caller; throws 401 when there is none.
    func caller() throws -> Caller {
        guard let caller = storage[CallerKey.self] else { throw DomainError.unauthenticated("Sign in first: send Authorization: Bearer <token>.") }
        return caller
    }
}

/// Resolves `Authorization: Bearer <token>` into a caller with their team; rejects everything else with 401.
struct BearerAuthentication: AsyncMiddleware {
    let services: Services

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else {
            throw DomainError.unauthenticated("Sign in first: send Authorization: Bearer <token>.")
        }
        guard let signedIn = try await services.signedIn(token: bearer.token), signedIn.kind != CalendarFeed.kind else {
            throw DomainError.unauthenticated("The token is unknown, revoked or expired, or its user is deactivated.")
        }
        request.storage[CallerKey.self] = signedIn.caller
        return try await next.respond(to: request)
    }
}
