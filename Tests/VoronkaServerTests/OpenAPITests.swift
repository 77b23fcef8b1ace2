import Foundation
import Testing
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaTestSupport

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("The document describes exactly the registered API routes (the web pages under / are not the API)")
    func routesAgree() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let registered = Set(app.app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                "\(route.method.rawValue.lowercased()) /" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
            })
            // action
            let reply = try await app.call(.GET, "/api/v1/openapi.json", as: nil)
            guard case .object(let paths)? = reply["paths"] else { Issue.record("no paths"); return }
            var documented = Set<String>()
            for (path, item) in paths {
                if case .object(let ops) = item { for method in ops.keys { documented.insert("\(method) \(path)") } }
            }
            // check
            #expect(reply.status == .ok)
            #expect(reply.string("openapi") == "3.0.3")
            #expect(documented == registered)
            #expect(documented.count > 50)
        }
    }

    @Test("Path parameters have their true types, nullable fields say so, and every route lists the statuses it can answer")
    func typesAndStatuses() async throws {
        try await withTestApp(.sqlite) { app in
            // action
            let reply = try await app.call(.GET, "/api/v1/openapi.json", as: nil)
            // check
            func op(_ path: String, _ method: String) -> [String: JSONValue] {
                guard case .object(let paths)? = reply["paths"], case .object(let item)? = paths[path], case .object(let o)? = item[method] else { return [:] }
                return o
            }
            func parameter(_ o: [String: JSONValue], _ name: String) -> [String: JSONValue] {
                guard case .array(let ps)? = o["parameters"] else { return [:] }
                for case .object(let p) in ps where p["name"] == .string(name) { if case .object(let schema)? = p["schema"] { return schema } }
                return [:]
            }
            func statuses(_ o: [String: JSONValue]) -> Set<String> { if case .object(let r)? = o["responses"] { Set(r.keys) } else { [] } }
            for (path, name) in [("/api/v1/analytics/{metric}", "metric"), ("/api/v1/settings/{key}", "key"), ("/api/v1/export/{target}", "target"),
                                 ("/api/v1/imports/{import_id}", "import_id")] {
                #expect(parameter(op(path, "get"), name)["type"] == .string("string"), "\(path)")
            }
            #expect(parameter(op("/api/v1/deals/{id}", "get"), "id")["type"] == .string("integer"))
            if case .array(let metrics)? = parameter(op("/api/v1/analytics/{metric}", "get"), "metric")["enum"] { #expect(metrics.contains("velocity")) }
            else { Issue.record("metric has no enum") }
            #expect(parameter(op("/api/v1/analytics/{metric}", "get"), "as_of")["format"] == .string("date"))
            #expect(parameter(op("/api/v1/journal", "get"), "after")["type"] == .string("integer"))
            guard case .object(let components)? = reply["components"], case .object(let schemas)? = components["schemas"],
                  case .object(let created)? = schemas["TokenCreated"], case .object(let props)? = created["properties"],
                  case .object(let expires)? = props["expires_at"] else { Issue.record("no TokenCreated.expires_at"); return }
            #expect(expires["nullable"] == .bool(true))
            if case .object(let dealCreate)? = schemas["DealCreate"] { #expect(dealCreate["required"] == .array(["title", "company_id"])) }
            else { Issue.record("no DealCreate") }
            #expect(statuses(op("/api/v1/auth/login", "post")).isSuperset(of: ["200", "401", "422", "429"]))
            #expect(statuses(op("/api/v1/companies", "post")).isSuperset(of: ["201", "401", "403", "409", "413", "422"]))
            #expect(statuses(op("/api/v1/deals/{id}", "patch")).isSuperset(of: ["200", "401", "403", "404", "409", "422"]))
            guard case .object(let export)? = op("/api/v1/export/{target}", "get")["responses"], case .object(let ok)? = export["200"],
                  case .object(let content)? = ok["content"] else { Issue.record("no export answer"); return }
            #expect(content["text/csv"] != nil && content["application/json"] != nil)
        }
    }
}
