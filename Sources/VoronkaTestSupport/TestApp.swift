import Foundation
import Vapor
import VaporTesting
import VoronkaCore
import VoronkaServer
import VoronkaStore
// The server tests reach the test databases and sample exports through this module too.
@_exported import VoronkaTestDatabase

/// A running application on a fresh database with a small sales team, and a helper to call its API as any of them.
///
/// The team: `admin`, `head` (head of sales), `manager` (account manager) with reps `rep1` and `rep2` under them,
/// `rep3` (a rep in no one's team), `pm` (project manager reporting to `head`).
public final class TestApp: @unchecked Sendable {
    public let app: Application
    public let services: Services
    public private(set) var users: [String: Int64] = [:]
    public private(set) var tokens: [String: String] = [:]
    private let drop: @Sendable () async -> Void

    public static let today = Date(timeIntervalSince1970: 1_790_000_000) // 2026-09-21T…Z

    private init(app: Application, services: Services, drop: @escaping @Sendable () async -> Void) {
        self.app = app; self.services = services; self.drop = drop
    }

    /// Builds the application on a new database of this engine and creates the team.
    public static func make(_ backend: Backend, clock: Clock = .fixed(TestApp.today),
                            maxUploadBytes: Int = Configuration.defaultMaxUploadBytes) async throws -> TestApp {
        let (location, drop) = try await TestDatabase.make(backend)
        var configuration = Configuration(store: location, clock: clock, passwordCost: 4, maxUploadBytes: maxUploadBytes)
        // Tests evaluate the nudge rules when they choose (POST /nudges/evaluate), at their clock's time.
        configuration.nudgeIntervalSeconds = nil
        configuration.webhookIntervalSeconds = nil
        let (app, services) = try await buildApplication(configuration, environment: .testing)
        let t = TestApp(app: app, services: services, drop: drop)
        do {
            try await t.createTeam()
        } catch {
            await t.shutdown()
            throw error
        }
        return t
    }

    private func createTeam() async throws {
        _ = try await Bootstrap.ensureAdmin(services)
        let admin = try await services.store.credentials(email: "admin@voronka.local")!.user.int("id")!
        users["admin"] = admin
        let team: [(String, Role, String?)] = [
            ("head", .headOfSales, nil), ("manager", .accountManager, "head"), ("rep1", .salesRep, "manager"),
            ("rep2", .salesRep, "manager"), ("rep3", .salesRep, nil), ("pm", .projectManager, "head"),
        ]
        for (name, role, manager) in team {
            var input: [String: JSONValue] = ["name": .string(name.capitalized), "email": .string("\(name)@test.voronka.local"), "role": .string(role.rawValue)]
            if let manager { input["manager_id"] = .number(Double(users[manager]!)) }
            let record = try await services.records.create(.user, input, viewer: .system)
            users[name] = record.int("id")!
        }
        for (name, id) in users {
            let secret = "vk_test_\(name)_\(id)"
            _ = try await services.store.write(actor: nil) { tx in
                try await tx.insertToken(userID: id, name: "test", kind: "api", hash: TestApp.hash(secret), expiresAt: nil)
            }
            tokens[name] = secret
        }
    }

    static func hash(_ token: String) -> String {
        // Same as the server's token hashing: SHA-256 hex.
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The answer of one API call.
    public struct Reply: Sendable {
        public let status: HTTPResponseStatus
        public let json: JSONValue
        public let text: String
        public let headers: HTTPHeaders

        public init(status: HTTPResponseStatus, json: JSONValue, text: String, headers: HTTPHeaders = [:]) {
            self.status = status; self.json = json; self.text = text; self.headers = headers
        }

        /// A member of the JSON object answer.
        public subscript(_ key: String) -> JSONValue? {
            if case .object(let o) = json { return o[key] }
            return nil
        }

        /// A string member of the JSON object answer.
        public func string(_ key: String) -> String? {
            if case .string(let s)? = self[key] { return s }
            return nil
        }

        /// The id of a record the call created or returned; throws with the answer's text when there is none.
        public func requireID() throws -> Int64 {
            guard let id else { throw UnexpectedReply(status: status, text: text) }
            return id
        }

        /// The `id` of the answer, for records.
        public var id: Int64? {
            if case .number(let n)? = self["id"] { return Int64(n) }
            return nil
        }

        /// The fields named in an error answer.
        public var errorFields: [String] {
            guard case .object(let e)? = self["error"], case .array(let fields)? = e["fields"] else { return [] }
            return fields.compactMap { if case .object(let f) = $0, case .string(let name)? = f["field"] { name } else { nil } }
        }

        /// The items of a list answer.
        public var items: [JSONValue] {
            if case .array(let a)? = self["items"] { return a }
            return []
        }
    }

    /// Calls the API as `user` (a team name, or nil for no credentials) with an optional JSON body or raw body text.
    public func call(_ method: HTTPMethod, _ path: String, as user: String? = "admin", json: JSONValue? = nil, raw: String? = nil,
                     headers extra: [(String, String)] = []) async throws -> Reply {
        var headers = HTTPHeaders()
        if let user { headers.bearerAuthorization = BearerAuthorization(token: tokens[user] ?? user) }
        for (k, v) in extra { headers.replaceOrAdd(name: k, value: v) }
        var body: ByteBuffer?
        if let json { body = ByteBuffer(string: json.jsonText); headers.contentType = .json }
        if let raw { body = ByteBuffer(string: raw); headers.contentType = .json }
        var reply: Reply?
        try await app.testing().test(method, path, headers: headers, body: body) { res in
            let text = res.body.string
            reply = Reply(status: res.status, json: JSONValue.parse(text) ?? .null, text: text, headers: res.headers)
        }
        guard let reply else { throw UnexpectedReply(status: .internalServerError, text: "no answer to \(method) \(path)") }
        return reply
    }

    /// An answer without what the test needed, with its text for the failure message.
    public struct UnexpectedReply: Error, CustomStringConvertible {
        public let status: HTTPResponseStatus
        public let text: String
        public var description: String { "unexpected answer \(status.code): \(text)" }
    }

    public func shutdown() async {
        try? await app.asyncShutdown()
        await drop()
    }
}

extension JSONValue {
    /// Shorthand for an id as JSON.
    public static func id(_ value: Int64?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }
}
