import Foundation
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaWeb

/// The board of a deal pipeline: a column per stage with its count and sums, cards of the newest deals the viewer may see.
enum PipelineBoardController {
    /// Cards shown per column; the totals count every deal.
    static let cardsPerColumn = "50"

    static func first(_ req: Request, _ web: WebContext) async throws -> Response {
        guard let pipeline = try await WebLookups.pipelines(web.services).first(where: { $0.kind == .deal && $0.active }) else {
            throw WebError.notFound
        }
        return web.redirect(SiteURL.pipeline(pipeline.id).path)
    }

    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        web.page(req, PipelineBoardPage.view(try await model(req, web, pipelineID: try req.webID(), refusal: nil)))
    }

    static func model(_ req: Request, _ web: WebContext, pipelineID: Int64, refusal: PipelineBoardPage.Refusal?) async throws -> PipelineBoardPage.Model {
        let caller = try web.caller(req)
        let language = req.webLanguage
        let pipelines = try await WebLookups.pipelines(web.services).filter { $0.kind == .deal }
        guard let pipeline = pipelines.first(where: { $0.id == pipelineID }) else { throw WebError.notFound }
        let stages = try await WebLookups.stages(web.services, pipelineID: pipelineID)
        let names = try await WebLookups.userNames(web.services)
        let now = web.services.clock.now()
        let records = web.services.records
        // The filters: an owner the viewer may see, a grade.
        var filter: [String: String] = [:]
        let owner = req.query[String.self, at: "owner_id"].flatMap(Int64.init).flatMap { caller.viewer.owns($0) ? $0 : nil }
        if let owner { filter["owner_id"] = String(owner) }
        let grade = req.query[String.self, at: "grade"].flatMap(DealGrade.init(rawValue:))
        if let grade { filter["grade"] = grade.rawValue }
        let focused = req.query[String.self, at: "stage"].flatMap(Int64.init).flatMap { id in stages.contains { $0.id == id } ? id : nil }
        let path = SiteURL.pipeline(pipelineID).path
        // Counts and sums: the pipeline's totals in one query, or per stage when a filter narrows them.
        var counts: [Int64: (count: Int, sum: Int64, weighted: Int64, unconverted: Int)] = [:]
        let rates = try await web.services.currencyRates()
        let currency = rates.base
        if filter.isEmpty {
            for t in try await records.dealTotals(pipelineID: pipelineID, viewer: caller.viewer) {
                var c = counts[t.stageID] ?? (0, 0, 0, 0)
                c.count += t.count
                // A currency without a rate is not added in, and said.
                if let sum = rates.convert(t.sum, from: t.currency), let weighted = rates.convert(t.weighted, from: t.currency) {
                    c.sum += sum
                    c.weighted += weighted
                } else {
                    c.unconverted += t.count
                }
                counts[t.stageID] = c
            }
        } else {
            for stage in stages {
                let n = try await records.count(.deal, params: filter.merging(["stage_id": String(stage.id)]) { a, _ in a }, viewer: caller.viewer)
                counts[stage.id] = (n, 0, 0, 0)
            }
        }
        // Every column's cards in one query, and their companies in one more: the page's cost does not grow with them;
        // a focused stage reads its page of cards.
        var pages: [[Record]]
        var pager: Pager?
        let shownStages = focused.map { id in stages.filter { $0.id == id } } ?? stages
        if let focused {
            var keep = filter
            keep["stage"] = String(focused)
            let source = ListPaging.Source(kind: .deal, filter: filter.merging(["stage_id": String(focused)]) { a, _ in a }, sort: "-updated_at",
                                           path: path, keep: keep)
            let loaded = try await ListPaging(req).load(source, web: web, viewer: caller.viewer)
            pages = [loaded.records]
            pager = loaded.pager
        } else {
            pages = try await records.firstPages(
                .deal, params: stages.map { filter.merging(["stage_id": String($0.id), "sort": "-updated_at", "limit": cardsPerColumn]) { a, _ in a } },
                viewer: caller.viewer)
        }
        let companyIDs = Set(pages.joined().compactMap { $0.int("company_id") })
        let companies = Dictionary(try await web.services.store.records(.company, ids: companyIDs).map { (Company(record: $0).id, Company(record: $0).name) },
                                   uniquingKeysWith: { a, _ in a })
        func link(stage: Int64?) -> String {
            var q = filter
            if let stage { q["stage"] = String(stage) }
            return path + ListPaging().query(keeping: q)
        }
        var columns: [PipelineBoardPage.Column] = []
        for (stage, page) in zip(shownStages, pages) {
            let deals = page.map(Deal.init(record:))
            let cards = deals.map { deal in
                let seconds = max(0, now.timeIntervalSince(deal.stageEnteredAt ?? deal.createdAt ?? now))
                let days = Int(seconds / 86_400)
                return PipelineBoardPage.Card(dealID: deal.id, title: deal.title, companyName: companies[deal.companyID] ?? "#\(deal.companyID)", amount: deal.amount,
                                              currency: deal.currency, grade: deal.grade, timeInStage: seconds,
                                              stalled: !stage.kind.isClosed && stage.expectedDays.map { Int64(days) > $0 } == true,
                                              ownerName: deal.ownerID.flatMap { names[$0] }, url: SiteURL.deal(deal.id).path,
                                              moveURL: SiteURL.dealMove(deal.id).path)
            }
            let total = counts[stage.id] ?? (0, 0, 0, 0)
            var column = PipelineBoardPage.Column(
                stageID: stage.id, name: WebLookups.name(stage, language), kind: stage.kind, probability: Int(stage.probability),
                gated: stage.requiresQualification, entryRule: stage.entryRule, count: total.count, sum: total.sum, weightedSum: total.weighted,
                cards: cards)
            column.sumsKnown = filter.isEmpty
            column.unconverted = total.unconverted
            column.newDealURL = stage.kind == .open
                ? SiteURL.newRecord(.deal).path + "?stage_id=\(stage.id)&pipeline_id=\(pipelineID)&return_to=" + ListPaging.escape(path) : nil
            column.moreURL = focused == nil && total.count > cards.count ? link(stage: stage.id) : nil
            columns.append(column)
        }
        let links = pipelines.filter(\.active).map {
            PipelineBoardPage.PipelineLink(name: WebLookups.name($0, language), url: SiteURL.pipeline($0.id).path, isCurrent: $0.id == pipelineID)
        }
        var model = PipelineBoardPage.Model(shell: web.shell(req, section: .pipeline), pipelines: links, pipelineName: WebLookups.name(pipeline, language),
                                            currency: currency, columns: columns, refusal: refusal)
        var boardFilter = PipelineBoardPage.Filter()
        boardFilter.ownerChoices = names.filter { caller.viewer.owns($0.key) }.sorted { $0.value < $1.value }.map { .init(id: String($0.key), name: $0.value) }
        boardFilter.ownerID = owner.map { String($0) } ?? ""
        boardFilter.grade = grade?.rawValue ?? ""
        boardFilter.action = path
        boardFilter.keep = focused.map { ["stage": String($0)] } ?? [:]
        model.filter = boardFilter
        model.stageLinks = [PipelineBoardPage.StageLink(name: "", count: stages.reduce(0) { $0 + (counts[$1.id]?.count ?? 0) }, url: link(stage: nil),
                                                        isCurrent: focused == nil)]
            + stages.map { .init(name: WebLookups.name($0, language), count: counts[$0.id]?.count ?? 0, url: link(stage: $0.id), isCurrent: $0.id == focused) }
        model.focusedStageID = focused
        model.pager = pager
        return model
    }

    /// The move form (drag and drop submits it too): the same update as the API's move, stage gate included.
    static func move(_ req: Request, _ web: WebContext) async throws -> Response {
        let caller = try web.caller(req)
        let id = try req.webID()
        let deal = Deal(record: try await web.services.records.get(.deal, id, viewer: caller.viewer))
        let form = req.form
        guard let stageID = form[FormField.stageID].flatMap(Int64.init) else {
            return try await refuse(req, web, deal: deal, stageName: "?", reasons: [.other(BilingualText(en: "Choose a stage.", ru: "Выберите этап."))])
        }
        // The update reads the stage and puts the deal in its pipeline; the page reads it again only to name it in a refusal.
        var input: [String: JSONValue] = ["stage_id": .number(Double(stageID))]
        input.merge(DealCloseController.answer(form, req: req, web: web)) { a, _ in a }
        let back = form[FormField.returnTo].flatMap { SiteURL.isLocal($0) ? $0 : nil }
        let moved: Deal
        do {
            moved = Deal(record: try await web.services.records.update(.deal, id, input, viewer: caller.viewer))
        } catch DomainError.invalid(let errors) where errors.contains(where: { $0.field == "lost_reason" || $0.field == "postponed_until" }) {
            // A lost or postponed stage asks why or until when: on its own page, or again on it when the answer was refused.
            let returnTo = back ?? SiteURL.pipeline(deal.pipelineID).path + "#deal-card-\(id)"
            guard form[DealClosePage.Field.closing] == "1",
                  let error = errors.first(where: { $0.field == "lost_reason" || $0.field == "postponed_until" }),
                  let model = try await DealCloseController.model(req, web, deal: deal, stageID: stageID, returnTo: returnTo, typed: form,
                                                                  problem: .init(field: error.field, message: WebForms.text(error))) else {
                return web.redirect(SiteURL.dealClose(id).path + "?" + [
                    FormField.stageID + "=" + String(stageID), FormField.returnTo + "=" + ListPaging.escape(returnTo),
                ].joined(separator: "&"))
            }
            return web.page(req, DealClosePage.view(model), status: .unprocessableEntity)
        } catch DomainError.invalid(let errors) {
            let reasons = errors.map { e in
                PipelineBoardPage.Refusal.Reason(gateField: e.field) ?? .other(WebForms.text(e))
            }
            let stage = try await web.services.store.fetch(.stage, stageID).map(Stage.init(record:))
            return try await refuse(req, web, deal: deal, stageName: stage.map { WebLookups.name($0, req.webLanguage) } ?? "#\(stageID)", reasons: reasons)
        }
        return web.redirect(back ?? SiteURL.pipeline(moved.pipelineID).path + "#deal-card-\(id)")
    }

    static func refuse(_ req: Request, _ web: WebContext, deal: Deal, stageName: String, reasons: [PipelineBoardPage.Refusal.Reason]) async throws -> Response {
        let refusal = PipelineBoardPage.Refusal(dealTitle: deal.title, stageName: stageName, reasons: reasons)
        let model = try await model(req, web, pipelineID: deal.pipelineID, refusal: refusal)
        return web.page(req, PipelineBoardPage.view(model), status: .unprocessableEntity)
    }
}
