import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The lead channels' forms: add a channel, rename or regroup it, archive it, merge it into another or undo the merge.
/// Writes go through `RecordService` (journaled, checked as the API's channel endpoints are).
enum ChannelSettingsController {
    static let fields: [(String, WebForms.Kind)] = [
        ("name", .text), ("name_ru", .text), ("channel_group", .text), ("active", .flag), ("merged_into_id", .number),
    ]

    static func create(_ req: Request, _ web: WebContext) async throws -> Response {
        try await SettingsForms.submit(req, web, .channels, form: "new-channel", notice: .added) { caller, form in
            let channel = try await web.services.records.create(.channel, WebForms.input(form, fields), viewer: caller.viewer)
            return channel.int("id").map { "channel-\($0)" }
        }
    }

    static func edit(_ req: Request, _ web: WebContext) async throws -> Response {
        let id = try req.webID()
        return try await SettingsForms.submit(req, web, .channels, form: "channel-\(id)", notice: .saved) { caller, form in
            _ = try await web.services.records.update(.channel, id, WebForms.input(form, fields), viewer: caller.viewer)
            return nil
        }
    }
}
