import Foundation
import Vapor
import VoronkaCore
import VoronkaWeb

/// The deal page's forms: change the main fields, add an activity or a meeting protocol. Refused input re-renders the
/// page with each field's problem; nothing is written then.
enum DealFormsController {
    static let editable: [(String, WebForms.Kind)] = [
        ("title", .text), ("amount", .text), ("currency", .text), ("expected_profit", .text), ("expected_close", .text),
        ("owner_id", .number), ("budget_status", .text), ("budget_amount", .text), ("deadline", .text), ("need_described", .bool),
        ("need_text", .text), ("probability_override", .number), ("probability_reason", .text), ("economics_exception", .text),
        ("economics_exception_reason", .text),
    ]

    static func edit(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let id = try req.webID()
        _ = try await web.services.records.get(.deal, id, viewer: caller.viewer)
        do {
            _ = try await web.services.records.update(.deal, id, WebForms.input(req.form, editable), viewer: caller.viewer)
            return web.redirect(SiteURL.deal(id).path)
        } catch let error as DomainError {
            guard let problems = WebForms.problems(error) else { throw error }
            let model = try await DealPageController.model(req, web, id: id, editProblems: problems.map(problem))
            return web.page(req, DealPage.view(model), status: .unprocessableEntity)
        }
    }

    static func addActivity(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let id = try req.webID()
        _ = try await web.services.records.get(.deal, id, viewer: caller.viewer)
        let form = req.form
        var input = WebForms.input(form, [("kind", .text), ("subject", .text), ("body", .text), ("due_at", .localDateTime(utcOffsetMinutes: req.webUTCOffsetMinutes))])
        input = input.filter { $0.value != .null }
        input["deal_id"] = .number(Double(id))
        if form["done"] == "true" { input["done_at"] = .string(Timestamp.format(web.services.clock.now())) }
        do {
            _ = try await web.services.records.create(.activity, input, viewer: caller.viewer)
            return web.redirect(SiteURL.deal(id).path + "#deal-timeline")
        } catch let error as DomainError {
            guard let problems = WebForms.problems(error) else { throw error }
            let model = try await DealPageController.model(req, web, id: id, activityProblems: problems.map(problem))
            return web.page(req, DealPage.view(model), status: .unprocessableEntity)
        }
    }

    static func problem(_ error: FieldError) -> DealPage.FieldProblem {
        DealPage.FieldProblem(field: error.field, message: WebForms.text(error))
    }
}
