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
}
