import Foundation
import Plot
import Vapor
import VoronkaCore
import VoronkaWeb

/// What every web controller shares: the services, the CSRF key, and the helpers that build the page shell and answers.
struct WebContext: Sendable {
    let services: Services
    let csrf: CSRF

    var secureCookies: Bool { services.configuration.secureCookies }

    /// The shell of a page for this request: language, user, navigation, and this session's CSRF token.
    func shell(_ request: Request, section: WebShell.Section?) -> WebShell {
        let user = request.webCaller.map { WebShell.User(name: $0.user.name, isAdmin: $0.user.role == .admin, openNudges: request.openNudges) }
        return WebShell(language: request.webLanguage, utcOffsetMinutes: request.webUTCOffsetMinutes, csrfToken: csrfToken(request), user: user,
                     section: section, currentPath: request.url.path, links: Self.links)
    }

    static let links = WebShell.Links(home: SiteURL.home.path, leads: SiteURL.leads.path, pipeline: SiteURL.pipelines.path,
                                   companies: SiteURL.companies.path, dashboards: SiteURL.dashboards.path, settings: SiteURL.settings.path,
                                   language: SiteURL.language.path, signOut: SiteURL.logout.path,
                                   stylesheet: Assets.stylesheetPath + "?v=" + Assets.version,
                                   script: Assets.scriptPath + "?v=" + Assets.version, imports: SiteURL.imports.path)

    /// The CSRF token of the request; a first-time visitor gets a visitor value, set as a cookie by `page`.
    func csrfToken(_ request: Request) -> String {
        if let token = csrf.token(for: request) { return token }
        let visitor = request.newVisitor ?? Secrets.token()
        request.newVisitor = visitor
        return csrf.token(for: visitor, signedIn: false)
    }

    /// A rendered page; private, never cached.
    func page(_ request: Request, _ html: HTML, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "html", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        let response = Response(status: status, headers: headers, body: .init(string: html.render()))
        if let visitor = request.newVisitor {
            response.setWebCookie(WebCookie.visitor, visitor, maxAge: nil, request: request, secure: secureCookies)
        }
        return response
    }

    /// A 303 to another page (after a POST, so that reloading does not post again).
    func redirect(_ path: String) -> Response {
        let response = Response(status: .seeOther)
        response.headers.replaceOrAdd(name: .location, value: path)
        return response
    }

    /// The page of a problem, with its status.
    func errorPage(_ request: Request, _ problem: ErrorPage.Problem) -> Response {
        let back = request.webCaller == nil ? SiteURL.login.path : SiteURL.home.path
        let model = ErrorPage.Model(shell: shell(request, section: nil), problem: problem, backURL: back)
        return page(request, ErrorPage.view(model), status: HTTPResponseStatus(statusCode: problem.status))
    }

    /// The signed-in user; the routes that call this sit behind `RequireSignIn`.
    func caller(_ request: Request) throws -> WebCaller {
        guard let caller = request.webCaller else { throw DomainError.unauthenticated("Sign in first.") }
        return caller
    }
}

private struct NewVisitorKey: StorageKey { typealias Value = String }
private struct OpenNudgesKey: StorageKey { typealias Value = Int }

extension Request {
    /// A visitor value made for this request, to be set as a cookie on the answer.
    fileprivate(set) var newVisitor: String? {
        get { storage[NewVisitorKey.self] }
        set { storage[NewVisitorKey.self] = newValue }
    }

    /// The signed-in user's open nudges, counted once per page request (`RequireSignIn`).
    var openNudges: Int? {
        get { storage[OpenNudgesKey.self] }
        set { storage[OpenNudgesKey.self] = newValue }
    }

    /// The submitted form as strings by field name; empty when the body is not a form.
    var form: [String: String] {
        (try? content.decode([String: String].self, as: .urlEncodedForm)) ?? [:]
    }

    /// The `:id` path parameter as a record id; a malformed one is a missing page.
    func webID(_ name: String = "id") throws -> Int64 {
        guard let raw = parameters.get(name), let id = Int64(raw), id > 0 else { throw WebError.notFound }
        return id
    }
}

/// A request the web interface answers with an error page.
enum WebError: Error {
    case notFound
    case forbidden
}

/// Turns errors of web routes into pages: a missing or foreign record is "not found", anything unexpected a logged 500.
struct WebErrorMiddleware: AsyncMiddleware {
    let web: WebContext

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch WebError.notFound {
            return web.errorPage(request, .notFound)
        } catch WebError.forbidden {
            return web.errorPage(request, .forbidden)
        } catch let error as DomainError {
            switch error {
            case .notFound: return web.errorPage(request, .notFound)
            case .forbidden: return web.errorPage(request, .forbidden)
            case .unauthenticated, .tooManyRequests: return web.redirect(SiteURL.login.path)
            case .invalid(let errors):
                // Controllers re-render their forms with these; one that escapes still says why, and is not a server failure.
                request.logger.notice("Web request refused on \(request.url.path): \(error.message)")
                return web.errorPage(request, .refused(status: 422, reasons: errors.map(WebForms.text)))
            case .conflict(let error):
                request.logger.notice("Web request refused on \(request.url.path): \(error.reason)")
                return web.errorPage(request, .refused(status: 409, reasons: [WebForms.text(error)]))
            }
        } catch let abort as any AbortError where abort.status == .notFound {
            return web.errorPage(request, .notFound)
        } catch {
            request.logger.error("Unhandled error on \(request.method) \(request.url.path): \(String(reflecting: error))")
            return web.errorPage(request, .server)
        }
    }
}
