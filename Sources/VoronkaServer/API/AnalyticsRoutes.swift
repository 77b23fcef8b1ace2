import Foundation
import Vapor
import VoronkaAnalytics
import VoronkaCore

/// Every funnel metric, answered from the in-memory snapshot; each answer carries its definitions' versions.
enum AnalyticsRoutes {
    /// The metrics served one by one, as named in the dashboard.
    static let metrics = Metric.allCases.map(\.rawValue)

    static var all: [APIRoute] {
        [
            APIRoute(.GET, "analytics/dashboard", "analytics_dashboard", "Every metric for a filter (pipeline_id, owner_id, source, segment, from, to, as_of, cohort, maturity_days)",
                     tag: "analytics", response: .named("Dashboard")) { req, s in
                JSONResponse.make(try await dashboard(req, s))
            },
            APIRoute(.GET, "analytics/:metric", "analytics_metric", "One metric (\(metrics.joined(separator: ", "))), same filters as the dashboard",
                     tag: "analytics", response: .named("Metric")) { req, s in
                guard let metric = req.parameters.get("metric").flatMap(Metric.init(rawValue:)) else {
                    throw DomainError.invalid("metric", .oneOf(metrics))
                }
                let viewer = try req.caller().viewer
                let query = try await AnalyticsQuery.parse(req.queryParameters, viewer: viewer, services: s)
                let snapshot = try await s.analytics.snapshot()
                return JSONResponse.make(try await AnalyticsLane.run {
                    try JSONCoding.value(Metrics.metric(metric, snapshot, query.filter, asOf: query.asOf, options: query.options))
                })
            },
        ]
    }

    static func dashboard(_ req: Request, _ s: Services) async throws -> JSONValue {
        let viewer = try req.caller().viewer
        let query = try await AnalyticsQuery.parse(req.queryParameters, viewer: viewer, services: s)
        let snapshot = try await s.analytics.snapshot()
        return try await AnalyticsLane.run {
            try JSONCoding.value(Metrics.dashboard(snapshot, query.filter, asOf: query.asOf, options: query.options, parallel: false))
        }
    }
}

/// Codable values as the API's JSON: snake_case keys, ISO dates.
enum JSONCoding {
    static func value<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))
    }
}
