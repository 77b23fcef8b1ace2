import Foundation
import Prometheus
import Vapor
import VoronkaCore
import VoronkaStore

/// What operators watch, in Prometheus' text format at `GET /metrics`: requests by route, method and status with
/// their latency, the journal's last entry, how far analytics trail it, imports in progress, and the process' memory.
/// One registry per application (not the process-wide swift-metrics system), so that tests can build many.
public final class OperatorMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    /// Latency buckets from 1 ms to 10 s.
    static let buckets: [Duration] = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
                                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
                                      .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)]

    public init() {}

    /// Counts one answered request; `route` is the route's pattern (`GET /api/v1/deals/:id`), never the raw path.
    func request(route: String, method: String, status: UInt, seconds: Double) {
        registry.makeCounter(descriptor: .init(namespace: "voronka", metricName: "http_requests", unitName: "total",
                                               helpText: "Requests answered, by route pattern, method and status"),
                             labels: [("route", route), ("method", method), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: .init(namespace: "voronka", metricName: "http_request_duration", unitName: "seconds",
                                                         helpText: "Time from a request's head to its answer, by route pattern and method"),
                                       labels: [("route", route), ("method", method)], buckets: Self.buckets)
            .recordNanoseconds(Int64(seconds * 1e9))
    }

    /// Sets the gauges read at scrape time and writes every metric in the text format.
    func scrape(_ services: Services) async throws -> String {
        let seq = try await services.store.lastJournalSeq()
        let analyticsSeq = await services.analytics.lastSeq
        let imports = services.imports.progress
        func gauge(_ name: String, _ unit: String, _ help: String, _ value: Double) {
            registry.makeGauge(descriptor: .init(namespace: "voronka", metricName: name, unitName: unit, helpText: help)).set(value)
        }
        gauge("journal_seq", "", "The last journal entry written", Double(seq))
        gauge("analytics_lag", "entries", "Journal entries not yet in the analytics snapshot (-1 while it builds)",
              analyticsSeq.map { Double(max(0, seq - $0)) } ?? -1)
        gauge("imports_running", "", "Imports writing now", Double(imports.running))
        gauge("import_rows_written", "", "Rows written by the imports running now", Double(imports.written))
        gauge("import_rows", "total", "Rows in all of the imports running now", Double(imports.total))
        gauge("process_resident_memory", "bytes", "Resident memory of the server process", Double(Self.residentBytes() ?? 0))
        return registry.emitToString()
    }

    /// The scrape as an answer in Prometheus' text format.
    func response(_ services: Services) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: try await scrape(services)))
    }

    /// The process' resident set size from /proc (Linux); nil elsewhere.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// Times every request and counts it by its route's pattern; a request that matched no route counts as `unmatched`.
struct MetricsMiddleware: AsyncMiddleware {
    let metrics: OperatorMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next.respond(to: request)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        metrics.request(route: route, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        return response
    }
}

/// `GET /metrics` for Prometheus: an admin's API token as the bearer (Prometheus' `authorization` setting), since the
/// figures tell how much data there is and how busy the server is.
func registerMetrics(on app: Application, services: Services, metrics: OperatorMetrics) {
    app.routes.grouped(BearerAuthentication(services: services)).get("metrics") { req async throws -> Response in
        guard try req.caller().user.role == .admin else { throw DomainError.forbidden("Only admins read the server's metrics.") }
        return try await metrics.response(services)
    }
}

/// `GET /metrics` without a token on a port of its own (`--metrics-port`), for a Prometheus that scrapes over a
/// private network; it listens on 127.0.0.1 unless told otherwise (`--metrics-host`). Started with the server.
final class MetricsPort: LifecycleHandler, @unchecked Sendable {
    let host: String
    let port: Int
    let services: Services
    let metrics: OperatorMetrics
    // Set once at boot and read at shutdown, both on the application's lifecycle.
    private var side: Application?

    init(host: String, port: Int, services: Services, metrics: OperatorMetrics) {
        self.host = host; self.port = port; self.services = services; self.metrics = metrics
    }

    func didBootAsync(_ application: Application) async throws {
        let side = try await Application.make(.custom(name: "metrics"))
        side.http.server.configuration.hostname = host
        side.http.server.configuration.port = port
        side.middleware = Middlewares()
        side.middleware.use(APIErrorMiddleware())
        let (services, metrics) = (services, metrics)
        side.get("metrics") { _ async throws -> Response in try await metrics.response(services) }
        try await side.asyncBoot()
        try await side.server.start(address: nil)
        self.side = side
    }

    func shutdownAsync(_ application: Application) async {
        guard let side else { return }
        await side.server.shutdown()
        try? await side.asyncShutdown()
    }
}
