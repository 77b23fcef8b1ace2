import Foundation
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaWeb

/// The deal page: the deal the viewer may see, its qualification, and its timeline from the journal and the activities.
enum DealPageController {
    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        web.page(req, DealPage.view(try await model(req, web, id: try req.webID())))
    }

    static func model(_ req: Request, _ web: WebContext, id: Int64, editProblems: [DealPage.FieldProblem] = [],
                      activityProblems: [DealPage.FieldProblem] = []) async throws -> DealPage.Model {
        let caller = try web.caller(req)
        let services = web.services
        let language = req.webLanguage
        let record = try await services.records.get(.deal, id, viewer: caller.viewer)
        let deal = Deal(record: record)
        let names = try await WebLookups.userNames(services)
        let stages = try await WebLookups.stages(services)
        let stage = stages.first { $0.id == deal.stageID }
        let pipeline = try await WebLookups.pipelines(services).first { $0.id == deal.pipelineID }
        let company = try await services.store.fetch(.company, deal.companyID).map(Company.init(record:))
        let qualification = try await services.store.read { tx in
            let context = try await QualificationContext.load(tx)
            let contacts = try await tx.records(.contact, ids: deal.contactIDs).map(Contact.init(record:))
            let checklist = Checklist.evaluate(deal: deal, company: company, contacts: contacts, profile: context.profile,
                                               matcher: context.matcher, economics: context.economics, exception: deal.claimedException)
            let economics = Economics.evaluate(deal: deal, settings: context.economics, exception: deal.claimedException)
            return (contacts, checklist, economics, context.economics.minimumProfit)
        }
        let attributes = try await services.store.all(.attribute).map(AttributeDefinition.init(record:)).filter { $0.entity == "deal" }
        let probability = Int(deal.probabilityOverride ?? stage?.probability ?? 0)
        // The deal's journal, read once for the timeline and for the names its changes refer to.
        let journal = try await services.store.journal(of: .deal, deal.id)
        let pipelineStages = stages.filter { $0.pipelineID == deal.pipelineID }
            .map { DealPage.StageChoice(id: $0.id, name: WebLookups.name($0, language), kind: $0.kind) }
        let owners = names.filter { caller.viewer.owns($0.key) }.map { DealPage.Choice(id: $0.key, name: $0.value) }.sorted { $0.name < $1.name }
        var model = DealPage.Model(
            shell: web.shell(req, section: .pipeline), deal: deal, companyName: company?.name ?? "#\(deal.companyID)",
            companyURL: SiteURL.company(deal.companyID).path, pipelineName: pipeline.map { WebLookups.name($0, language) } ?? "",
            stageName: stage.map { WebLookups.name($0, language) } ?? "", stageKind: stage?.kind ?? .open,
            ownerName: deal.ownerID.flatMap { names[$0] }, contacts: qualification.0, checklist: qualification.1,
            economics: qualification.2, minimumProfit: qualification.3, probability: probability,
            weightedAmount: deal.amount * Int64(probability) / 100, attributes: attributes,
            timeline: try await timeline(deal, journal: journal, viewer: caller.viewer, names: names, stages: stages, language: language, services: services),
            owners: owners, addActivityURL: SiteURL.dealActivities(id).path, editURL: SiteURL.deal(id).path,
            editProblems: editProblems, activityProblems: activityProblems)
        model.stages = pipelineStages
        model.idNames = try await idNames(deal, journal: journal, names: names, services: services)
        model.moveURL = SiteURL.dealMove(id).path
        model.closeURL = SiteURL.dealClose(id).path
        model.nudges = try await web.services.nudgeService.openAbout(.deal, id)
        model.leadUndoURL = deal.leadID.map { SiteURL.leadUndo($0).path }
        return model
    }

    /// The names of the people and companies the deal's journal names by id: owners, the buying centre's contacts, companies.
    static func idNames(_ deal: Deal, journal: [JournalEntry], names: [Int64: String], services: Services) async throws -> [String: [Int64: String]] {
        var contactIDs = Set(deal.contactIDs), companyIDs: Set<Int64> = [deal.companyID]
        for e in journal {
            for change in e.changes {
                for v in [change.old, change.new] {
                    if change.field == "company_id", case .int(let id) = v { companyIDs.insert(id) }
                    if change.field == "contact_ids", case .json(.array(let items)) = v {
                        for case .number(let n) in items { if let id = Int64(exactly: n) { contactIDs.insert(id) } }
                    }
                }
            }
        }
        let contacts = try await services.store.records(.contact, ids: contactIDs)
        let companies = try await services.store.records(.company, ids: companyIDs)
        func byID(_ records: [Record]) -> [Int64: String] {
            Dictionary(records.compactMap { r in r.int("id").map { ($0, r.text("name") ?? "#\($0)") } }, uniquingKeysWith: { a, _ in a })
        }
        return ["owner_id": names, "contact_ids": byID(contacts), "company_id": byID(companies)]
    }

    /// Fields whose changes the timeline leaves out: derived ones, or shown as a stage change.
    static let quietFields: Set<String> = ["stage_id", "pipeline_id", "stage_entered_at", "closed_at", "decision_maker_reached", "updated_at", "created_at"]

    /// Stage changes and field changes from the deal's journal, and the activities on the deal the viewer may see; newest first.
    static func timeline(_ deal: Deal, journal: [JournalEntry], viewer: Viewer, names: [Int64: String], stages: [Stage], language: Language,
                         services: Services) async throws -> [DealPage.TimelineEntry] {
        let stageNames = Dictionary(stages.map { ($0.id, WebLookups.name($0, language)) }, uniquingKeysWith: { a, _ in a })
        func stageName(_ v: FieldValue) -> String? { if case .int(let id) = v { stageNames[id] ?? "#\(id)" } else { nil } }
        var entries: [DealPage.TimelineEntry] = []
        for e in journal {
            let actor = e.actorID.flatMap { names[$0] }
            if let change = e.changes.first(where: { $0.field == "stage_id" }), let to = stageName(change.new) {
                entries.append(.init(at: e.at, actorName: actor, kind: .stageChange(from: e.action == .create ? nil : stageName(change.old), to: to)))
            }
            guard e.action != .create else { continue }
            for change in e.changes where !quietFields.contains(change.field) {
                entries.append(.init(at: e.at, actorName: actor, kind: .fieldChange(field: change.field, old: change.old, new: change.new)))
            }
        }
        let activities = try await services.records.list(.activity, params: ["deal_id": String(deal.id), "sort": "-created_at", "limit": "200"], viewer: viewer)
        for activity in activities.records {
            let a = Activity(record: activity)
            let at = activity.time("created_at") ?? Date(timeIntervalSince1970: 0)
            let actor = a.ownerID.flatMap { names[$0] }
            if a.kind == .meeting, let body = a.body, !body.isEmpty {
                entries.append(.init(at: at, actorName: actor, kind: .meetingProtocol(subject: a.subject, body: body)))
            } else {
                entries.append(.init(at: at, actorName: actor, kind: .activity(a.kind, subject: a.subject, body: a.body, dueAt: a.dueAt, doneAt: a.doneAt),
                                      editURL: SiteURL.editRecord(.activity, a.id).path))
            }
        }
        return entries.sorted { $0.at > $1.at }
    }
}
