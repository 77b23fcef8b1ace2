import Foundation
import Vapor
import Testing
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

/// Each role × each entity × read and write, allowed and forbidden.
@Suite("Access matrix")
struct AccessMatrixTests {
    static let roles = ["admin", "head", "manager", "rep1", "rep2", "rep3", "pm"]
    static let owned: [EntityKind] = [.company, .contact, .lead, .deal, .activity]

    /// Who may touch rep1's records: rep1, their manager (and up: head), head of sales and admin; not rep2, rep3 or pm.
    static let mayTouchRep1: Set<String> = ["admin", "head", "manager", "rep1"]

    @Test("Owned records: read, list and write follow ownership and the team hierarchy", arguments: TestDatabase.backends)
    func ownedRecords(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let records = try await OwnedRecords.create(in: app, as: "rep1")
            for role in Self.roles {
                for kind in Self.owned {
                    let path = "/api/v1/\(kind.plural)/\(records.id(kind))"
                    let allowed = Self.mayTouchRep1.contains(role)
                    // action
                    let read = try await app.call(.GET, path, as: role)
                    let list = try await app.call(.GET, "/api/v1/\(kind.plural)?limit=500", as: role)
                    let field = kind == .activity ? "subject" : kind == .deal ? "title" : kind == .lead ? "request_text" : "name"
                    let patch = JSONValue.object([field: .string("Edited by \(role)")])
                    let write = try await app.call(.PATCH, path, as: role, json: patch)
                    // check
                    #expect(read.status == (allowed ? .ok : .forbidden), "\(role) reads \(kind.rawValue)")
                    #expect(write.status == (allowed ? .ok : .forbidden), "\(role) writes \(kind.rawValue): \(write.text)")
                    let listed = list.items.contains { if case .object(let o) = $0, case .number(let n)? = o["id"] { Int64(n) == records.id(kind) } else { false } }
                    #expect(listed == allowed, "\(role) lists \(kind.rawValue)")
                }
            }
        }
    }

    @Test("A rep cannot create records for someone else, nor attach them to another rep's company", arguments: TestDatabase.backends)
    func createForOthers(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let theirs = try await OwnedRecords.create(in: app, as: "rep2")
            // action
            let forOther = try await app.call(.POST, "/api/v1/companies", as: "rep1", json: ["name": "X", "owner_id": .id(app.users["rep2"])])
            let onTheirs = try await app.call(.POST, "/api/v1/deals", as: "rep1", json: ["title": "Poach", "company_id": .id(theirs.company)])
            let managerAssigns = try await app.call(.POST, "/api/v1/companies", as: "manager", json: ["name": "Y", "owner_id": .id(app.users["rep2"])])
            // check
            #expect(forOther.status == .unprocessableEntity)
            #expect(forOther.errorFields == ["owner_id"])
            #expect(onTheirs.status == .unprocessableEntity)
            #expect(onTheirs.errorFields == ["company_id"])
            #expect(managerAssigns.status == .created)
        }
    }

    @Test("Catalog, pipelines, stages, attributes and users: everyone reads; only the allowed roles write", arguments: TestDatabase.backends)
    func sharedRecords(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            let product = try await app.call(.POST, "/api/v1/products", as: "admin", json: ["name": "Steam boiler", "price": 1000000]).requireID()
            let attribute = try await app.call(.POST, "/api/v1/attribute_definitions", as: "admin", json: ["entity": "company", "key": "steam_tph", "type": "number", "label": "Steam, t/h"]).requireID()
            let cases: [(EntityKind, Int64, JSONValue, Set<String>)] = [
                (.product, product, ["name": "Boiler B"], ["admin", "head"]),
                (.pipeline, 2, ["name": "Complex products B"], ["admin"]),
                (.stage, 7, ["probability": 15], ["admin"]),
                (.attribute, attribute, ["label": "Steam output"], ["admin"]),
                (.user, app.users["rep3"]!, ["name": "Rep Three"], ["admin"]),
            ]
            for (kind, id, patch, writers) in cases {
                for role in Self.roles {
                    // action
                    let read = try await app.call(.GET, "/api/v1/\(kind.plural)/\(id)", as: role)
                    let write = try await app.call(.PATCH, "/api/v1/\(kind.plural)/\(id)", as: role, json: patch)
                    // check
                    #expect(read.status == .ok, "\(role) reads \(kind.rawValue)")
                    #expect(write.status == (writers.contains(role) ? .ok : .forbidden), "\(role) writes \(kind.rawValue): \(write.text)")
                }
            }
        }
    }

    @Test("Without credentials, or with a revoked token, every endpoint answers 401", arguments: [Backend.sqlite])
    func unauthenticated(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            // setup
            _ = try await app.call(.POST, "/api/v1/auth/logout", as: "rep3")
            for path in ["/api/v1/deals", "/api/v1/companies/1", "/api/v1/me", "/api/v1/journal"] {
                // action
                let none = try await app.call(.GET, path, as: nil)
                let bogus = try await app.call(.GET, path, as: "vk_not_a_token")
                let revoked = try await app.call(.GET, path, as: "rep3")
                // check
                #expect(none.status == .unauthorized, "\(path)")
                #expect(bogus.status == .unauthorized, "\(path)")
                #expect(revoked.status == .unauthorized, "\(path)")
            }
        }
    }

    @Test("Only the heads read the whole journal", arguments: [Backend.sqlite])
    func journalAccess(backend: Backend) async throws {
        try await withTestApp(backend) { app in
            for role in Self.roles {
                // action
                let reply = try await app.call(.GET, "/api/v1/journal?after=0&limit=10", as: role)
                // check
                #expect(reply.status == (["admin", "head"].contains(role) ? .ok : .forbidden), "\(role)")
            }
        }
    }
}
