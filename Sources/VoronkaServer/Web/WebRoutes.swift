import Vapor
import VoronkaWeb

/// Registers the web interface from `SiteURL`, the one list of its addresses: assets, sign-in and first start, then
/// the pages behind sign-in. Every POST passes the CSRF check before its handler runs.
func registerWeb(on app: Application, web: WebContext) {
    let services = web.services
    app.get(SiteURL.stylesheet.pattern.pathComponents) { req in AssetsController.stylesheet(req) }
    app.get(SiteURL.script.pattern.pathComponents) { req in AssetsController.script(req) }

    let open = app.routes.grouped(WebErrorMiddleware(web: web), WebSessionMiddleware(services: services), CSRFMiddleware(web: web))
    let signedIn = open.grouped(RequireSignIn(services: services))
    for (method, url, handler) in openRoutes { on(open, method, url, handler, web) }
    for (method, url, handler) in signedInRoutes { on(signedIn, method, url, handler, web) }
    // The upload streams its body (up to ImportRoutes.maxUpload) and checks the CSRF token itself, after reading it.
    let uploads = app.routes.grouped(WebErrorMiddleware(web: web), WebSessionMiddleware(services: services), RequireSignIn(services: services))
    uploads.on(.POST, SiteURL.imports.pattern.pathComponents, body: .stream) { req async throws -> Response in
        try await ImportController.upload(req, web)
    }
}

typealias WebHandler = @Sendable (Request, WebContext) async throws -> Response

private func on(_ routes: any RoutesBuilder, _ method: HTTPMethod, _ url: SiteURL, _ handler: @escaping WebHandler, _ web: WebContext) {
    routes.on(method, url.pattern.pathComponents, body: .collect(maxSize: "1mb")) { req async throws -> Response in try await handler(req, web) }
}

/// The pages anyone may open.
let openRoutes: [(HTTPMethod, SiteURL, WebHandler)] = [
    (.GET, .login, LoginController.show),
    (.POST, .login, LoginController.submit),
    (.POST, .logout, LoginController.logout),
    (.GET, .setup, SetupController.show),
    (.POST, .setup, SetupController.submit),
    (.POST, .language, LanguageController.submit),
    (.GET, .calendarFeed(""), ProfileController.feed),
]

/// The pages and forms behind sign-in.
let signedInRoutes: [(HTTPMethod, SiteURL, WebHandler)] = [
    (.GET, .home, { @Sendable _, web in web.redirect(SiteURL.leads.path) }),
    (.GET, .myWork, MyWorkController.show),
    (.POST, .activityDone(0), MyWorkController.done),
    (.GET, .nudges, NudgesController.show),
    (.POST, .nudgeAction(0, .done), NudgesController.act),
    (.GET, .weeklyReview, WeeklyReviewController.show),
    (.GET, .weeklyReviewWeek(""), WeeklyReviewController.show),
    (.GET, .leads, LeadInboxController.show),
    (.POST, .leadTriage(0), LeadActionsController.triage),
    (.POST, .leadDecision(0, .deal), LeadActionsController.decide),
    (.POST, .leadUndo(0), LeadActionsController.undo),
    (.POST, .leadClaim(0), NudgesController.claim),
    (.GET, .pipelines, PipelineBoardController.first),
    (.GET, .pipeline(0), PipelineBoardController.show),
    (.GET, .deal(0), DealPageController.show),
    (.POST, .deal(0), DealFormsController.edit),
    (.POST, .dealMove(0), PipelineBoardController.move),
    (.POST, .dealActivities(0), DealFormsController.addActivity),
    (.GET, .dealClose(0), DealCloseController.show),
    (.GET, .companies, CompanyListController.show),
    (.GET, .newRecord(.company), RecordFormController.showNew),
    (.POST, .newRecord(.company), RecordFormController.submitNew),
    (.GET, .editRecord(.company, 0), RecordFormController.showEdit),
    (.POST, .editRecord(.company, 0), RecordFormController.submitEdit),
    (.GET, .company(0), CompanyController.show),
    (.GET, .dashboards, DashboardController.show),
    (.GET, .helpMetrics, { @Sendable req, web in web.page(req, HelpPage.view(web.shell(req, section: .dashboards))) }),
    (.GET, .profile, ProfileController.show),
    (.POST, .profile, ProfileController.save),
    (.POST, .profilePassword, ProfileController.changePassword),
    (.POST, .profileCalendar, ProfileController.calendar),
    (.GET, .settings, SettingsController.first),
    (.GET, .imports, ImportController.show),
    (.GET, .importPage(""), ImportController.page),
    (.POST, .importPage(""), ImportController.choices),
    (.GET, .importProblems(""), ImportController.problems),
    (.POST, .settingsSection(.pipelines), PipelineSettingsController.create),
    (.POST, .settingsPipeline(0), PipelineSettingsController.edit),
    (.POST, .settingsStages(pipeline: 0), PipelineSettingsController.createStage),
    (.POST, .settingsStage(pipeline: 0, stage: 0), PipelineSettingsController.editStage),
    (.POST, .settingsStageMove(pipeline: 0, stage: 0), PipelineSettingsController.moveStage),
    (.POST, .settingsSection(.audience), AudienceSettingsController.create),
    (.POST, .settingsRule(0), AudienceSettingsController.edit),
    (.POST, .settingsRuleDelete(0), AudienceSettingsController.delete),
    (.POST, .settingsSection(.catalog), CatalogSettingsController.create),
    (.POST, .settingsProduct(0), CatalogSettingsController.edit),
    (.POST, .settingsSection(.channels), ChannelSettingsController.create),
    (.POST, .settingsChannel(0), ChannelSettingsController.edit),
    (.POST, .settingsSection(.economics), EconomicsSettingsController.save),
    (.POST, .settingsSection(.company), CompanySettingsController.save),
    (.POST, .settingsSection(.users), UserSettingsController.create),
    (.POST, .settingsUser(0), UserSettingsController.edit),
    (.POST, .settingsUserPassword(0), UserSettingsController.resetPassword),
    (.POST, .settingsSection(.tokens), TokenSettingsController.create),
    (.POST, .settingsTokenRevoke(0), TokenSettingsController.revoke),
    (.POST, .settingsSection(.nudges), NudgeSettingsController.save),
    (.POST, .settingsSection(.webhooks), WebhookSettingsController.create),
    (.POST, .settingsWebhook(0), WebhookSettingsController.edit),
    (.POST, .settingsWebhookDelete(0), WebhookSettingsController.delete),
    (.POST, .settingsWebhookRetry(0, 0), WebhookSettingsController.retry),
] + SettingsPage.Section.allCases.map { section in
    (HTTPMethod.GET, SiteURL.settingsSection(section), { @Sendable req, web in try await SettingsController.show(req, web, section: section) })
}
