import Foundation
import VoronkaAnalytics
import VoronkaCore

/// `voronka report METRIC`: one analytics metric as the API answers it, and as a table for people.
public enum ReportTask {
    /// The metric's JSON (as `GET /api/v1/analytics/{metric}` gives it), for the whole installation.
    public static func value(_ services: Services, metric: String, params: [String: String]) async throws -> JSONValue {
        let chosen = Metric(rawValue: metric)
        guard chosen != nil || metric == "dashboard" else { throw DomainError.invalid("metric", .oneOf(AnalyticsRoutes.metrics + ["dashboard"])) }
        let query = try await AnalyticsQuery.parse(params, viewer: .system, services: services)
        let snapshot = try await services.analytics.snapshot()
        guard let chosen else { return try JSONCoding.value(Metrics.dashboard(snapshot, query.filter, asOf: query.asOf, options: query.options)) }
        return try JSONCoding.value(Metrics.metric(chosen, snapshot, query.filter, asOf: query.asOf, options: query.options).value)
    }

    /// The rows of the first list of objects in a metric (cohorts, stages, owners…), as a header and text cells.
    public static func table(_ value: JSONValue) -> (header: [String], rows: [[String]])? {
        func rows(_ v: JSONValue) -> [[String: JSONValue]]? {
            switch v {
            case .array(let items):
                let objects = items.compactMap { if case .object(let o) = $0 { o } else { nil } }
                guard !objects.isEmpty, objects.count == items.count else { return nil }
                // Rows that hold rows of their own (a pipeline's steps) are flattened: the parent's plain fields lead.
                let flattened = objects.flatMap { parent -> [[String: JSONValue]] in
                    guard let nested = parent.sorted(by: { $0.key < $1.key }).first(where: { field in
                        if case .array(let inner) = field.value, case .object? = inner.first { true } else { false }
                    }), let children = rows(nested.value) else { return [parent] }
                    let plain = parent.filter { if case .array = $0.value { false } else if case .object = $0.value { false } else { true } }
                    return children.map { child in child.merging(plain) { mine, _ in mine } }
                }
                return flattened
            case .object(let o):
                for (_, v) in o.sorted(by: { $0.key < $1.key }) { if let found = rows(v) { return found } }
                return nil
            default: return nil
            }
        }
        guard let objects = rows(value) else { return nil }
        var header: [String] = []
        for o in objects { for (key, v) in o.sorted(by: { $0.key < $1.key }) where !header.contains(key) { if case .array = v {} else if case .object = v {} else { header.append(key) } } }
        return (header, objects.map { o in header.map { key in cell(o[key] ?? .null) } })
    }

    static func cell(_ v: JSONValue) -> String {
        switch v {
        case .null: ""
        case .string(let s): s
        case .bool(let b): b ? "yes" : "no"
        case .number(let n): n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(format: "%.4g", n)
        default: v.jsonText
        }
    }
}
