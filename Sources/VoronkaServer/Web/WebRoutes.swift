import Vapor
import VoronkaWeb

/// Registers the web interface: assets, sign-in and first start, then the pages behind sign-in.
/// Every POST passes the CSRF check before its handler runs.
func registerWeb(on app: Application, services: Services) {
    let web = WebContext(services: services, csrf: CSRF(secret: services.configuration.webSecret))
    app.get(Assets.stylesheetPath.pathComponents) { req in AssetsController.stylesheet(req) }
    app.get(Assets.scriptPath.pathComponents) { req in AssetsController.script(req) }

    let open = app.routes.grouped(WebErrorMiddleware(web: web), WebSessionMiddleware(services: services), CSRFMiddleware(web: web))
    func page(_ routes: any RoutesBuilder, _ method: HTTPMethod, _ path: String,
              _ handler: @escaping @Sendable (Request, WebContext) async throws -> Response) {
        routes.on(method, path.pathComponents, body: .collect(maxSize: "1mb")) { req async throws -> Response in try await handler(req, web) }
    }
    page(open, .GET, WebPaths.login, LoginController.show)
    page(open, .POST, WebPaths.login, LoginController.submit)
    page(open, .POST, WebPaths.logout, LoginController.logout)
    page(open, .GET, WebPaths.setup, SetupController.show)
    page(open, .POST, WebPaths.setup, SetupController.submit)
    page(open, .POST, WebPaths.language, LanguageController.submit)

    let signedIn = open.grouped(RequireSignIn(services: services))
    page(signedIn, .GET, WebPaths.home) { _, web in web.redirect(WebPaths.leads) }
    page(signedIn, .GET, WebPaths.leads, LeadInboxController.show)
    page(signedIn, .POST, "/leads/:id/triage", LeadActionsController.triage)
    page(signedIn, .POST, "/leads/:id/:outcome", LeadActionsController.decide)
    page(signedIn, .GET, WebPaths.pipelines, PipelineBoardController.first)
    page(signedIn, .GET, "/pipelines/:id", PipelineBoardController.show)
    page(signedIn, .GET, "/deals/:id", DealPageController.show)
    page(signedIn, .POST, "/deals/:id", DealFormsController.edit)
    page(signedIn, .POST, "/deals/:id/move", PipelineBoardController.move)
    page(signedIn, .POST, "/deals/:id/activities", DealFormsController.addActivity)
    page(signedIn, .GET, WebPaths.companies, CompanyListController.show)
    page(signedIn, .GET, "/companies/:id", CompanyController.show)
    page(signedIn, .GET, WebPaths.dashboards, DashboardController.show)
    page(signedIn, .GET, ProfilePage.Paths.profile, ProfileController.show)
    page(signedIn, .POST, ProfilePage.Paths.profile, ProfileController.save)
    page(signedIn, .POST, ProfilePage.Paths.password, ProfileController.changePassword)
    page(signedIn, .GET, WebPaths.settings, SettingsController.first)
    page(signedIn, .GET, "/settings/:section", SettingsController.show)
    page(signedIn, .GET, WebPaths.imports, ImportController.show)
    page(signedIn, .GET, WebPaths.imports + "/:id", ImportController.page)
    page(signedIn, .POST, WebPaths.imports + "/:id", ImportController.choices)
    // The upload streams its body (up to ImportRoutes.maxUpload) and checks the CSRF token itself, after reading it.
    let uploads = app.routes.grouped(WebErrorMiddleware(web: web), WebSessionMiddleware(services: services), RequireSignIn(services: services))
    uploads.on(.POST, WebPaths.imports.pathComponents, body: .stream) { req async throws -> Response in
        try await ImportController.upload(req, web)
    }
    registerSettingsForms(signedIn, page)
}

/// The POSTs of the settings pages' forms, at the addresses `SettingsPage.Paths` gives them.
private func registerSettingsForms(_ routes: any RoutesBuilder,
                                   _ page: (any RoutesBuilder, HTTPMethod, String, @escaping @Sendable (Request, WebContext) async throws -> Response) -> Void) {
    let p = SettingsController.paths
    page(routes, .POST, p.newPipeline, PipelineSettingsController.create)
    page(routes, .POST, p.newPipeline + "/:pipeline", PipelineSettingsController.edit)
    page(routes, .POST, p.newPipeline + "/:pipeline/stages", PipelineSettingsController.createStage)
    page(routes, .POST, p.newPipeline + "/:pipeline/stages/:stage", PipelineSettingsController.editStage)
    page(routes, .POST, p.newRule, AudienceSettingsController.create)
    page(routes, .POST, p.newRule + "/:index", AudienceSettingsController.edit)
    page(routes, .POST, p.newRule + "/:index/delete", AudienceSettingsController.delete)
    page(routes, .POST, p.newProduct, CatalogSettingsController.create)
    page(routes, .POST, p.newProduct + "/:id", CatalogSettingsController.edit)
    page(routes, .POST, p.economics, EconomicsSettingsController.save)
    page(routes, .POST, p.company, CompanySettingsController.save)
    page(routes, .POST, p.newUser, UserSettingsController.create)
    page(routes, .POST, p.newUser + "/:id", UserSettingsController.edit)
    page(routes, .POST, p.newUser + "/:id/password", UserSettingsController.resetPassword)
    page(routes, .POST, p.newToken, TokenSettingsController.create)
    page(routes, .POST, p.newToken + "/:id/revoke", TokenSettingsController.revoke)
}
