import Vapor
import VoronkaCore

/// Health and the API's own description.
enum SystemRoutes {
    static var all: [APIRoute] {
        [
            APIRoute(.GET, "health", "health", "Whether the server and its database answer", tag: "system", authenticated: false,
                     response: .named("Health")) { _, s in
                let seq = try await s.store.lastJournalSeq()
                let analytics = await s.analytics.state
                return JSONResponse.make(.object(["status": .string("ok"), "database": .string(s.store.backend.rawValue),
                                                  "journal_seq": .number(Double(seq)), "analytics": .string(analytics.name),
                                                  "analytics_build_seconds": analytics.buildSeconds.map(JSONValue.number) ?? .null]))
            },
            APIRoute(.GET, "openapi.json", "openapi", "This document", tag: "system", authenticated: false, response: .named("OpenAPI")) { _, _ in
                JSONResponse.make(OpenAPIDocument.make(routes: APIRoutes.all))
            },
        ]
    }
}
