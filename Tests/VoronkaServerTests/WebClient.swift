import Foundation
import Vapor
import VaporTesting
import VoronkaCore
import VoronkaServer
import VoronkaTestSupport

/// A small browser for the web interface in tests: keeps cookies, posts forms, and reads the CSRF token from the last page.
final class WebClient: @unchecked Sendable {
    let application: Application
    let services: Services
    let users: [String: Int64]
    private(set) var cookies: [String: String] = [:]
    /// The CSRF token of the last page that had forms.
    private(set) var csrf: String?
    var headers: [(String, String)] = []

    init(_ app: TestApp) { application = app.app; services = app.services; users = app.users }

    /// A client of an application built without the test team.
    init(application: Application, services: Services) { self.application = application; self.services = services; users = [:] }

    /// One answer.
    struct Page {
        let status: HTTPResponseStatus
        let headers: HTTPHeaders
        let body: String
        var location: String? { headers.first(name: .location) }
        /// The raw Set-Cookie header for a cookie name.
        func setCookie(_ name: String) -> String? { headers[.setCookie].first { $0.hasPrefix(name + "=") } }
    }

    /// The password every test user signs in with.
    static let password = "correct horse battery"

    /// Gives a team member a known password and signs them in through the form.
    static func signedIn(_ app: TestApp, as user: String, headers: [(String, String)] = []) async throws -> WebClient {
        let client = WebClient(app)
        client.headers = headers
        try await client.setPassword(user)
        let page = try await client.signIn(email: Self.email(user), password: password)
        guard page.status == .seeOther else { throw SignInFailed(status: page.status) }
        return client
    }

    struct SignInFailed: Error { let status: HTTPResponseStatus }

    static func email(_ user: String) -> String { user == "admin" ? "admin@voronka.local" : "\(user)@test.voronka.local" }

    func setPassword(_ user: String) async throws {
        let hash = try Bcrypt.hash(Self.password, cost: 4)
        let id = users[user]!
        try await services.store.write(actor: nil) { tx in try await tx.setPasswordHash(userID: id, hash) }
    }

    func signIn(email: String, password: String) async throws -> Page {
        _ = try await get("/login")
        return try await post("/login", ["email": email, "password": password])
    }

    func get(_ path: String) async throws -> Page { try await send(.GET, path, body: nil) }

    /// Posts a form; with `csrf` the token of the last page is added as `csrf_token`.
    func post(_ path: String, _ form: [String: String], csrf: Bool = true) async throws -> Page {
        var fields = form
        if csrf, let token = self.csrf { fields["csrf_token"] = token }
        let body = fields.sorted { $0.key < $1.key }.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> Page {
        var h = HTTPHeaders()
        if !cookies.isEmpty { h.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if body != nil { h.contentType = .urlEncodedForm }
        for (k, v) in headers { h.replaceOrAdd(name: k, value: v) }
        var page: Page?
        try await application.testing().test(method, path, headers: h, body: body.map { ByteBuffer(string: $0) }) { res in
            page = Page(status: res.status, headers: res.headers, body: res.body.string)
        }
        let result = page!
        for header in result.headers[.setCookie] {
            // A cleared cookie comes as `name=; Max-Age=0`: keep the empty value, so that the cookie is dropped.
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || header.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        if let token = Self.csrfToken(in: result.body) { csrf = token }
        return result
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf_token\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
