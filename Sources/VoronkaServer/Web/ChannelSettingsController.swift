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
        try await SettingsForms.create(req, web, .channel, on: .channels, fields: fields)
    }

    static func edit(_ req: Request, _ web: WebContext) async throws -> Response {
        try await SettingsForms.edit(req, web, .channel, on: .channels, fields: fields)
    }
}
