import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The question a move to a lost or postponed stage asks when it lacks its answer: why lost (the admins' list or the
/// standard one, and a note) or until when (1, 3 or 6 months, or a date). Its form posts the move again.
enum DealCloseController {
    /// GET `/deals/:id/close?stage_id=…&return_to=…`.
    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let deal = Deal(record: try await web.services.records.get(.deal, try req.webID(), viewer: caller.viewer))
        let back = req.query[String.self, at: FormField.returnTo].flatMap { SiteURL.isLocal($0) ? $0 : nil } ?? SiteURL.deal(deal.id).path
        guard let stageID = req.query[String.self, at: FormField.stageID].flatMap(Int64.init),
              let model = try await model(req, web, deal: deal, stageID: stageID, returnTo: back) else {
            return web.redirect(back)
        }
        return web.page(req, DealClosePage.view(model))
    }

    /// The page for a stage that asks a question; nil for another stage.
    static func model(_ req: Request, _ web: WebContext, deal: Deal, stageID: Int64, returnTo: String,
                      typed: [String: String] = [:], problem: DealClosePage.Problem? = nil) async throws -> DealClosePage.Model? {
        guard let stage = try await web.services.store.fetch(.stage, stageID).map(Stage.init(record:)) else { return nil }
        let need: DealClosePage.Need
        switch stage.kind {
        case .lost: need = .reason(reasons: try await reasons(web, req.webLanguage))
        case .postponed:
            let today = localToday(req, web)
            need = .date(quickPicks: DealClosePage.quickMonths.map { .init(months: $0, day: today.adding(months: $0)) })
        case .open, .won: return nil
        }
        return DealClosePage.Model(shell: web.shell(req, section: .pipeline), dealTitle: deal.title, dealURL: SiteURL.deal(deal.id).path,
                                   stageID: stage.id, stageName: WebLookups.name(stage, req.webLanguage), need: need,
                                   action: SiteURL.dealMove(deal.id).path, returnTo: returnTo, typed: typed, problem: problem)
    }

    /// The admins' reasons, or the standard ones in the user's language.
    static func reasons(_ web: WebContext, _ language: Language) async throws -> [String] {
        if case .array(let items)? = try await web.services.store.setting(SettingKey.lostReasons.rawValue) {
            let list = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            if !list.isEmpty { return list }
        }
        return LostReasons.standard.map { language == .ru ? $0.ru : $0.en }
    }

    /// Today in the company's time zone.
    static func localToday(_ req: Request, _ web: WebContext) -> Day {
        Day(web.services.clock.now().addingTimeInterval(Double(req.webUTCOffsetMinutes) * 60))
    }

    /// The move's answer to a lost or postponed stage from this page's fields: the reason from a choice and a note,
    /// the date from a quick pick. Fields the form gives directly (`lost_reason`, `postponed_until`) come first.
    static func answer(_ form: [String: String], req: Request, web: WebContext) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        func value(_ name: String) -> String? {
            form[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let choice = value(DealClosePage.Field.reasonChoice).flatMap { $0 == DealClosePage.Field.other ? nil : $0 }
        if let reason = value("lost_reason") ?? LostReasons.compose(choice: choice, note: value(DealClosePage.Field.reasonNote)) {
            out["lost_reason"] = .string(reason)
        }
        let months = value(DealClosePage.Field.postponeMonths).flatMap(Int.init).flatMap { DealClosePage.quickMonths.contains($0) ? $0 : nil }
        if let day = value("postponed_until") {
            if value(DealClosePage.Field.postponeMonths) == nil || value(DealClosePage.Field.postponeMonths) == "date" { out["postponed_until"] = .string(day) }
        }
        if let months, out["postponed_until"] == nil {
            out["postponed_until"] = .string(localToday(req, web).adding(months: months).description)
        }
        return out
    }
}
