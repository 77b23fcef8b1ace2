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
        let hash = Secrets.hash(token: bearer.token)
        let now = services.clock.now()
        // Read before the queries: a change committed meanwhile makes this entry stale at once.
        let epoch = services.store.credentialsEpoch
        if let cached = services.signIns.caller(hash: hash, epoch: epoch, now: now) {
            request.storage[CallerKey.self] = cached
            return try await next.respond(to: request)
        }
        guard let found = try await services.store.token(hash: hash, now: now) else {
            throw DomainError.unauthenticated("The token is unknown, revoked or expired.")
        }
        let user = User(record: found.user)
        guard user.active else { throw DomainError.unauthenticated("This account is deactivated.") }
        let managers = user.role.seesEverything ? [:] : try await services.store.managers()
        let caller = Caller(user: user, viewer: Viewer(user: user, managers: managers), tokenID: found.token.id)
        services.signIns.remember(caller, hash: hash, expiresAt: found.token.expiresAt, epoch: epoch)
        request.storage[CallerKey.self] = caller
        return try await next.respond(to: request)
    }
}
