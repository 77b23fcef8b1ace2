import Vapor
import VoronkaCore

/// Health and the API's own description.
enum SystemRoutes {
    static var all: [APIRoute] {
        [
            // Open to anyone (load balancers, monitors), so it says whether the server works and nothing about its data.
            APIRoute(.GET, "health", "health", "Whether the server and its database answer, and whether analytics are ready", tag: "system", authenticated: false,
                     response: .named("Health")) { _, s in
                _ = try await s.store.lastJournalSeq()
                let analytics = await s.analytics.state
                return JSONResponse.make(.object(["status": .string("ok"), "analytics": .string(analytics.name)]))
            },
            APIRoute(.GET, "openapi.json", "openapi", "This document", tag: "system", authenticated: false, response: .named("OpenAPI")) { _, _ in
                JSONResponse.make(OpenAPIDocument.make(routes: APIRoutes.all))
            },
        ]
    }
}
