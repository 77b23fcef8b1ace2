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
        try await SettingsForms.submit(req, web, .catalog, form: "new-product", notice: .added) { caller, form in
            let product = try await web.services.records.create(.product, WebForms.input(form, fields), viewer: caller.viewer)
            return product.int("id").map { "product-\($0)" }
        }
    }

    static func edit(_ req: Request, _ web: WebContext) async throws -> Response {
        let id = try req.webID()
        return try await SettingsForms.submit(req, web, .catalog, form: "product-\(id)", notice: .saved) { caller, form in
            _ = try await web.services.records.update(.product, id, WebForms.input(form, fields), viewer: caller.viewer)
            return nil
        }
    }
}
