import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The catalog's forms: add a product, edit it, archive it (clear "active"). Writes go through `RecordService`,
/// as the API's product endpoints do.
enum CatalogSettingsController {
    static let fields: [(String, WebForms.Kind)] = [
        ("name", .text), ("category", .text), ("keywords", .list), ("price", .text), ("unit_cost", .text), ("currency", .text), ("active", .flag),
    ]

    static func create(_ req: Request, _ web: WebContext) async throws -> Response {
        try await SettingsForms.create(req, web, .product, on: .catalog, fields: fields)
    }

    static func edit(_ req: Request, _ web: WebContext) async throws -> Response {
        try await SettingsForms.edit(req, web, .product, on: .catalog, fields: fields)
    }
}
