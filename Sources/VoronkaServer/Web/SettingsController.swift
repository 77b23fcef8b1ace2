import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The settings pages (admins): pipelines and stages, audience rules, catalog, deal economics, users, API tokens.
/// Reading only so far; the pages' forms post to addresses not served yet.
enum SettingsController {
    static let paths = SettingsPage.Paths(base: WebPaths.settings)

    static func first(_ req: Request, _ web: WebContext) async throws -> Response {
        web.redirect(paths.section(.pipelines))
    }

    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        // The same rule as the API's settings and users: admins only.
        guard caller.user.role == .admin else { throw WebError.forbidden }
        guard let section = req.parameters.get("section").flatMap(SettingsPage.Section.init(rawValue:)) else { throw WebError.notFound }
        let model = SettingsPage.Model(shell: web.shell(req, section: .settings), paths: paths, content: try await content(section, web))
        return web.page(req, SettingsPage.view(model))
    }

    static func content(_ section: SettingsPage.Section, _ web: WebContext) async throws -> SettingsPage.Content {
        let services = web.services
        switch section {
        case .pipelines:
            let stages = try await WebLookups.stages(services)
            return .pipelines(try await WebLookups.pipelines(services).map { p in .init(pipeline: p, stages: stages.filter { $0.pipelineID == p.id }) })
        case .audience:
            let stored = try await services.store.setting(SettingKey.audience.rawValue) ?? SettingKey.audience.defaultValue
            let rules = (try? AudienceProfile(json: stored))?.rules ?? []
            let fields = try await services.store.all(.attribute).map(AttributeDefinition.init(record:)).filter { $0.entity == "company" }
            return .audience(rules: rules, customFields: fields)
        case .catalog:
            return .catalog(try await services.store.all(.product).map(Product.init(record:)))
        case .economics:
            let stored = try await services.store.setting(SettingKey.economics.rawValue)
            return .economics(stored.flatMap { try? EconomicsSettings(json: $0) }, currency: "RUB")
        case .users:
            return .users(try await services.store.all(.user).map(User.init(record:)))
        case .tokens:
            let users = try await services.store.all(.user).map(User.init(record:))
            var tokens: [SettingsPage.Token] = []
            for user in users {
                for t in try await services.store.tokens(userID: user.id) where t.kind == "api" {
                    tokens.append(.init(id: t.id, name: t.name, userName: user.name, prefix: "vk_…", createdAt: t.createdAt, revokedAt: t.revokedAt))
                }
            }
            return .tokens(tokens, users: users, newToken: nil)
        }
    }
}
