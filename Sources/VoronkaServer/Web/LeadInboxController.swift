import Foundation
import Vapor
import VoronkaCore
import VoronkaStore
import VoronkaWeb

/// The lead inbox: leads no person has answered yet, newest first and a page at a time, with the triage suggestion
/// and the decisions.
enum LeadInboxController {
    /// How long a lead may wait for its first response (the analytics' response-time target).
    static let responseTarget: TimeInterval = 4 * 3600

    /// The inbox's list: leads nobody has answered, newest first.
    static let source = ListPaging.Source(kind: .lead, filter: ["first_response_at_null": "true"], sort: "-received_at",
                                          path: SiteURL.leads.path, texts: LeadInboxPage.pagerTexts)

    /// Decided leads, newest first: where a decision is withdrawn.
    static let decidedSource = ListPaging.Source(kind: .lead, filter: ["outcome_null": "false"], sort: "-received_at",
                                                 path: SiteURL.leads.path, keep: ["view": "decided"], texts: LeadInboxPage.pagerTexts)

    static func show(_ req: Request, _ web: WebContext) async throws -> Response {
        web.page(req, LeadInboxPage.view(try await model(req, web, problem: nil)))
    }

    static func model(_ req: Request, _ web: WebContext, problem: LeadInboxPage.Problem?) async throws -> LeadInboxPage.Model {
        let caller = try web.caller(req)
        let decided = (try? req.query.get(String.self, at: "view")) == "decided"
        let (records, paging, shown) = try await ListPaging(req).load(decided ? decidedSource : source, web: web, viewer: caller.viewer)
        let leads = records.map(Lead.init(record:))
        let names = try await WebLookups.userNames(web.services)
        let suggestions = try await suggest(leads.filter { $0.triage == nil }, web)
        let now = web.services.clock.now()
        let channels = try await WebLookups.channels(web.services)
        let rows = leads.map { lead in
            let triage = stored(lead.triage) ?? suggestions[lead.id].map(LeadInboxPage.Triage.init)
            let age = now.timeIntervalSince(lead.receivedAt)
            let timer: LeadInboxPage.ResponseTimer = age < responseTarget ? .running(remaining: responseTarget - age) : .overdue(by: age - responseTarget)
            // The forms come back to this page: a refused decision shows on it, a taken one returns to it.
            func action(_ url: SiteURL) -> String { url.path + shown.query() }
            let actions = LeadInboxPage.Actions(triage: action(.leadTriage(lead.id)), convert: action(.leadDecision(lead.id, .deal)),
                                                nurture: action(.leadDecision(lead.id, .nurture)), junk: action(.leadDecision(lead.id, .junk)))
            var row = LeadInboxPage.Row(id: lead.id, receivedAt: lead.receivedAt, age: age, timer: timer, companyName: lead.companyName,
                                     contactName: lead.contactName, requestText: lead.requestText, source: lead.source,
                                     ownerName: lead.ownerID.flatMap { names[$0] }, fire: lead.fire, triage: triage, actions: actions)
            row.dealTitle = LeadTriage.suggestedTitle(for: lead)
            row.channelName = lead.channelID.flatMap { channels.root($0) }.map { WebLookups.name($0, req.webLanguage) }
            let tags = [lead.utmSource, lead.utmMedium, lead.utmCampaign, lead.utmTerm, lead.utmContent].compactMap { $0 }
            row.campaign = tags.isEmpty ? nil : tags.joined(separator: " / ")
            row.landingPage = lead.landingPage
            if decided {
                row.outcome = lead.outcome
                // The person's own words, when they gave any: `outcome_reason` otherwise holds triage's English summary,
                // which the triage section already shows in the user's language.
                if case .object(let o)? = lead.triage, case .string(let words)? = o["override_reason"] { row.outcomeReason = words }
                row.dealURL = lead.dealID.map { SiteURL.deal($0).path }
                row.undoURL = SiteURL.leadUndo(lead.id).path + "?view=decided"
                row.timer = lead.firstResponseAt.map { .answered(after: $0.timeIntervalSince(lead.receivedAt),
                                                                 onTime: $0.timeIntervalSince(lead.receivedAt) <= responseTarget) } ?? timer
            }
            return row
        }
        var model = LeadInboxPage.Model(shell: web.shell(req, section: .leads), rows: rows, problem: problem, paging: paging)
        model.newLeadURL = SiteURL.newRecord(.lead).path
        model.decided = decided
        return model
    }

    /// What triage would decide for leads never triaged, so that every row shows a suggestion to agree or disagree with.
    static func suggest(_ leads: [Lead], _ web: WebContext) async throws -> [Int64: TriageResult] {
        guard !leads.isEmpty else { return [:] }
        return try await web.services.store.read { tx in
            let context = try await QualificationContext.load(tx)
            var out: [Int64: TriageResult] = [:]
            for lead in leads { out[lead.id] = try await LeadTriage.suggestion(lead, context: context, tx: tx) }
            return out
        }
    }

    /// The suggestion kept on the lead by its last triage.
    static func stored(_ json: JSONValue?) -> LeadInboxPage.Triage? {
        guard case .object(let o)? = json, case .string(let s)? = o["suggested"], let suggested = LeadOutcome(rawValue: s) else { return nil }
        func text(_ value: JSONValue?) -> BilingualText {
            guard case .object(let t)? = value, case .string(let en)? = t["en"] else { return BilingualText(en: "", ru: "") }
            if case .string(let ru)? = t["ru"] { return BilingualText(en: en, ru: ru) }
            return BilingualText(en: en, ru: en)
        }
        var reasons: [TriageReason] = []
        if case .array(let items)? = o["reasons"] {
            for case .object(let r) in items {
                guard case .string(let k)? = r["kind"], let kind = TriageReason.Kind(rawValue: k),
                      case .string(let v)? = r["verdict"], let verdict = Verdict(rawValue: v) else { continue }
                reasons.append(TriageReason(kind: kind, verdict: verdict, text: text(.object(r))))
            }
        }
        return LeadInboxPage.Triage(suggested: suggested, reasons: reasons, summary: text(o["summary"]))
    }
}
