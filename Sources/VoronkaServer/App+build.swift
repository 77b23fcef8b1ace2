import Foundation
import Vapor
import VoronkaCore
import VoronkaStore

/// The one place the application is wired: opens and migrates the store, registers every route.
/// The caller owns the returned application and calls `asyncShutdown()` (which also closes the store).
public func buildApplication(_ configuration: Configuration, environment: Environment = .production) async throws -> (Application, Services) {
    // Read before opening: a file exactly as the last clean shutdown left it needs no integrity check.
    let leftClean = if case .sqlite(let path) = configuration.store { SQLiteCleanMark.take(path) } else { false }
    let store = try await SQLStore.open(configuration.store)
    do {
        // A damaged SQLite file (a copy taken mid-write, a failing disk) is refused before anything reads or writes it.
        if case .sqlite(let path) = configuration.store, !leftClean, let problems = try await store.integrityProblems() {
            throw StoreError.damaged(path: path, problems: problems)
        }
        try await store.migrate()
    } catch {
        await store.shutdown()
        throw error
    }
    let analytics = AnalyticsEngine(store: store)
    let app = try await Application.make(environment)
    let services = Services(store: store, clock: configuration.clock, configuration: configuration, analytics: analytics,
                            imports: ImportUploads(), throttle: LoginThrottle())
    await services.nudges.setQualificationSource { ids in try await ViolationReport.flags(services, deals: ids) }
    app.http.server.configuration.hostname = configuration.host
    app.http.server.configuration.port = configuration.port
    app.routes.defaultMaxBodySize = "2mb"
    app.http.server.configuration.idleTimeout = .seconds(configuration.idleTimeoutSeconds)
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    let metrics = OperatorMetrics()
    app.middleware.use(MetricsMiddleware(metrics: metrics))
    let allowed = AllowedMethods()
    let web = WebContext(services: services, csrf: CSRF(secret: services.configuration.webSecret))
    app.middleware.use(APIErrorMiddleware(allowed: allowed, webNotFound: { req in web.errorPage(req, .notFound) }))
    app.lifecycle.use(StoreLifecycle(store: store, analytics: analytics, nudges: services.nudges,
                                     nudgeInterval: configuration.nudgeIntervalSeconds, reviews: WeeklyReviewScheduler(services: services),
                                     webhooks: services.webhooks, webhookInterval: configuration.webhookIntervalSeconds))
    registerAPI(on: app, services: services)
    registerWeb(on: app, web: web)
    registerMetrics(on: app, services: services, metrics: metrics)
    if let port = configuration.metricsPort {
        app.lifecycle.use(MetricsPort(host: configuration.metricsHost, port: port, services: services, metrics: metrics))
    }
    allowed.load(app.routes)
    return (app, services)
}

/// Registers the JSON API from the route list.
func registerAPI(on app: Application, services: Services) {
    let open = app.routes
    let authed = app.routes.grouped(BearerAuthentication(services: services))
    for route in APIRoutes.all {
        let handler = route.handler
        let body: HTTPBodyStreamStrategy = route.streamsUpload ? .stream : .collect(maxSize: route.maxBody)
        (route.authenticated ? authed : open).on(route.method, route.pathComponents, body: body) { req async throws -> Response in
            try await handler(req, services)
        }
    }
}

/// Closes the store when the application shuts down.
struct StoreLifecycle: LifecycleHandler {
    let store: SQLStore
    let analytics: AnalyticsEngine
    let nudges: NudgeRunner
    let nudgeInterval: Double?
    let reviews: WeeklyReviewScheduler
    let webhooks: WebhookDispatcher
    let webhookInterval: Double?

    func didBootAsync(_ application: Application) async throws {
        await analytics.startTailing()
        if let nudgeInterval {
            await nudges.start(every: nudgeInterval)
            await reviews.start()
        }
        if let webhookInterval { await webhooks.start(every: webhookInterval) }
    }

    func shutdownAsync(_ application: Application) async {
        // Handlers shut down in reverse order, so this one runs before the HTTP server's: stop the server first
        // (it lets requests in flight finish), then close the store they use.
        await application.server.shutdown()
        await nudges.stop()
        await reviews.stop()
        await webhooks.stop()
        await analytics.stopTailing()
        await store.shutdown()
        if case .sqlite(let path) = store.location { SQLiteCleanMark.write(path) }
    }
}
