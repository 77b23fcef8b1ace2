import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The settings pages (admins): pipelines and stages, audience rules, catalog, deal economics, users, API tokens.
/// Each section is one page of forms; `SettingsForms` answers their POSTs.
enum SettingsController {
    static let paths = SettingsPage.Paths()

    static func first(_ req: Request, _ web: WebContext) async throws -> Response {
        _ = try admin(req, web)
        return web.redirect(paths.section(.pipelines))
    }

    static func show(_ req: Request, _ web: WebContext, section: SettingsPage.Section) async throws -> Response {
        let caller = try admin(req, web)
        let notice = req.query[String.self, at: "notice"].flatMap(SettingsPage.Notice.init(rawValue:))
        let flash = SecretFlash.Kind(section: section).map { SecretFlash(web: web, kind: $0) }
        let response = try await render(req, web, section, notice: notice, newSecret: flash?.open(req, caller: caller))
        flash?.clear(response, req)
        return response
    }

    /// The caller, when an admin: the same rule as the API's settings and users (everyone else gets 403).
    static func admin(_ req: Request, _ web: WebContext) throws -> WebCaller {
        let caller = try web.caller(req)
        guard caller.user.role == .admin else { throw WebError.forbidden }
        return caller
    }

    /// A section's page; with a refused submission, its form shows what was typed and why it was refused.
    static func render(_ req: Request, _ web: WebContext, _ section: SettingsPage.Section, submission: SettingsPage.Submission? = nil,
                       notice: SettingsPage.Notice? = nil, newSecret: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        var shell = web.shell(req, section: .settings)
        // After a refused POST the address is the form's; the language switch comes back to the section instead.
        shell.currentPath = paths.section(section)
        let model = SettingsPage.Model(shell: shell, paths: paths, content: try await content(section, web, newSecret: newSecret),
                                       submission: submission, notice: notice.map { SettingsPage.noticeText($0, shell.localizer) })
        return web.page(req, SettingsPage.view(model), status: status)
    }

    /// `newSecret`: a token just created (tokens), or "<user id>:<password>" just reset (users), to show this once.
    static func content(_ section: SettingsPage.Section, _ web: WebContext, newSecret: String? = nil) async throws -> SettingsPage.Content {
        let services = web.services
        switch section {
        case .pipelines:
            let stages = try await WebLookups.stages(services)
            return .pipelines(try await WebLookups.pipelines(services).map { p in .init(pipeline: p, stages: stages.filter { $0.pipelineID == p.id }) })
        case .audience:
            let fields = try await services.store.all(.attribute).map(AttributeDefinition.init(record:)).filter { $0.entity == "company" }
            return .audience(rules: try await AudienceSettingsController.rules(services), customFields: fields)
        case .catalog:
            return .catalog(try await services.store.all(.product).map(Product.init(record:)))
        case .channels:
            return .channels(try await services.store.all(.channel).map(LeadChannel.init(record:)))
        case .economics:
            let stored = try await services.store.setting(SettingKey.economics.rawValue)
            return .economics(stored.flatMap { try? EconomicsSettings(json: $0) }, currency: "RUB")
        case .users:
            let reset = newSecret.flatMap { secret -> SettingsPage.NewPassword? in
                guard let colon = secret.firstIndex(of: ":"), let id = Int64(secret[..<colon]) else { return nil }
                return .init(userID: id, password: String(secret[secret.index(after: colon)...]))
            }
            return .users(try await services.store.all(.user).map(User.init(record:)), newPassword: reset)
        case .tokens:
            let users = try await services.store.all(.user).map(User.init(record:))
            var tokens: [SettingsPage.Token] = []
            for user in users {
                for t in try await services.store.tokens(userID: user.id) where t.kind == "api" {
                    tokens.append(.init(id: t.id, name: t.name, userName: user.name, prefix: "vk_", createdAt: t.createdAt, revokedAt: t.revokedAt))
                }
            }
            return .tokens(tokens, users: users, newToken: newSecret)
        case .company:
            let stored = try await services.store.setting(SettingKey.timeZone.rawValue)
            let zone = if case .string(let name)? = stored { name } else { "UTC" }
            let reasons = try await services.store.setting(SettingKey.lostReasons.rawValue)
            let list = if case .array(let items)? = reasons { items.compactMap { if case .string(let s) = $0 { s } else { nil } } } else { [String]() }
            return .company(timeZone: zone, zones: CompanySettingsController.zones, lostReasons: list)
        case .nudges:
            return .nudges(try await NudgeRunner.settings(services.store))
        case .webhooks:
            var entries: [SettingsPage.WebhookEntry] = []
            for e in try await services.store.read({ try await $0.webhookEndpoints() }) {
                let recent = try await services.store.read { try await $0.webhookDeliveries(endpointID: e.id, limit: 10) }
                let pending = try await services.store.read { try await $0.webhookDeliveryCount(endpointID: e.id, state: .pending) }
                entries.append(.init(endpoint: e, deliveries: recent, pending: pending))
            }
            return .webhooks(entries, newSecret: newSecret)
        }
    }
}
