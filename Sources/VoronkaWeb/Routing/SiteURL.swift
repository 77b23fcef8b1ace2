import Foundation
import VoronkaCore

/// Every address of the web interface, in one list (in the manner of SwiftPackageIndex-Server's `SiteURL`): the
/// server registers its routes from `pattern`, and pages, redirects and tests build their links from `path`. An
/// address that is not a case here cannot be linked or served.
public enum SiteURL: Hashable, Sendable {
    case home, login, logout, setup, language
    case stylesheet, script
    /// GET: the user's (and their team's) open tasks and follow-ups, overdue first.
    case myWork
    /// POST: marks an activity done (`return_to`).
    case activityDone(Int64)
    /// GET: one's nudges by urgency (`state`, `scope`, `after`).
    case nudges
    /// POST: marks a nudge done, snoozes it (`until`: a day or hours) or dismisses it (`reason`); `return_to`.
    case nudgeAction(Int64, NudgeAction)
    /// GET: a user's iCalendar feed (`<secret>.ics`), without sign-in: the secret is the key.
    case calendarFeed(String)
    /// POST: makes one's calendar address (a new one ends the old); POST with `stop`: ends it.
    case profileCalendar
    /// GET: this week's review (a head of sales' or a manager's), made now if it was not yet.
    case weeklyReview
    /// GET: a kept review by its Monday (yyyy-MM-dd).
    case weeklyReviewWeek(String)
    case leads
    /// POST: runs triage on the lead.
    case leadTriage(Int64)
    /// POST: decides the lead (`deal`, `nurture`, `junk`).
    case leadDecision(Int64, LeadOutcome)
    /// POST: withdraws the lead's decision (it returns to the inbox; its untouched deal is deleted).
    case leadUndo(Int64)
    /// POST: takes a lead nobody owns (`return_to`).
    case leadClaim(Int64)
    /// GET: the first active deal pipeline's board.
    case pipelines
    case pipeline(Int64)
    /// GET: the deal page; POST: the edit form.
    case deal(Int64)
    /// POST: `stage_id`, optional `lost_reason` and `postponed_until`.
    case dealMove(Int64)
    case dealActivities(Int64)
    /// GET (`stage_id`, `return_to`): why lost, or until when postponed, before the move.
    case dealClose(Int64)
    case companies
    /// GET: the form for a new company, contact, lead or deal (query: `company_id`, `deal_id`, `stage_id`, `return_to`);
    /// POST: creates it.
    case newRecord(EntityKind)
    /// GET: the form that edits a company, contact or lead; POST: saves it.
    case editRecord(EntityKind, Int64)
    case company(Int64)
    case dashboards
    /// GET: the definitions of the dashboards' figures, in the user's language.
    case helpMetrics
    /// GET: the page; POST: the name and language.
    case profile
    /// POST: a new password.
    case profilePassword
    /// GET: the first section.
    case settings
    /// GET: the section; POST: a new record of it (a pipeline, a rule, a product, a user, a token) or its one form.
    case settingsSection(SettingsPage.Section)
    case settingsPipeline(Int64)
    case settingsStages(pipeline: Int64)
    case settingsStage(pipeline: Int64, stage: Int64)
    /// POST `direction=up|down`: the stage trades places with its neighbour.
    case settingsStageMove(pipeline: Int64, stage: Int64)
    case settingsRule(Int)
    case settingsRuleDelete(Int)
    case settingsProduct(Int64)
    case settingsChannel(Int64)
    case settingsUser(Int64)
    case settingsUserPassword(Int64)
    case settingsTokenRevoke(Int64)
    /// POST: changes a webhook endpoint.
    case settingsWebhook(Int64)
    /// POST: deletes a webhook endpoint.
    case settingsWebhookDelete(Int64)
    /// POST: sends a delivery of an endpoint again.
    case settingsWebhookRetry(Int64, Int64)
    /// GET: the upload form; POST (multipart): the files.
    case imports
    /// GET: the import's review, progress or report; POST: the corrected choices.
    case importPage(String)
    /// GET: every problem of an import's dry run or write, as CSV in the user's language.
    case importProblems(String)

    /// The address, as links and redirects use it.
    public var path: String { render { "\($0.value)" } }

    /// The route as the server registers it: parameters as `:name`.
    public var pattern: String { render { ":" + $0.name } }

    /// One value of each case (parameters as placeholders): the routes there are, for registration checks and tests.
    public static let all: [SiteURL] = [
        .home, .login, .logout, .setup, .language, .stylesheet, .script, .myWork, .activityDone(1), .nudges, .nudgeAction(1, .done), .nudgeAction(1, .snooze), .nudgeAction(1, .dismiss), .weeklyReview, .weeklyReviewWeek("2026-01-05"), .calendarFeed("a.ics"), .profileCalendar, .leads, .leadTriage(1), .leadDecision(1, .deal), .leadUndo(1), .leadClaim(1),
        .pipelines, .pipeline(1), .deal(1), .dealMove(1), .dealActivities(1), .dealClose(1), .companies, .newRecord(.company), .editRecord(.company, 1), .company(1), .dashboards, .helpMetrics,
        .profile, .profilePassword, .settings,
    ] + SettingsPage.Section.allCases.map(SiteURL.settingsSection) + [
        .settingsPipeline(1), .settingsStages(pipeline: 1), .settingsStage(pipeline: 1, stage: 1), .settingsStageMove(pipeline: 1, stage: 1), .settingsRule(0),
        .settingsRuleDelete(0), .settingsProduct(1), .settingsChannel(1), .settingsUser(1), .settingsUserPassword(1), .settingsTokenRevoke(1), .settingsWebhook(1), .settingsWebhookDelete(1), .settingsWebhookRetry(1, 1),
        .imports, .importPage("a"), .importProblems("a"),
    ]

    /// A parameter of an address: its name in the route and its value in a link.
    public struct Parameter {
        let name: String
        let value: String
    }

    private func render(_ parameter: (Parameter) -> String) -> String {
        func p(_ name: String, _ value: some CustomStringConvertible) -> String { parameter(Parameter(name: name, value: value.description)) }
        let settings = "/settings"
        switch self {
        case .home: return "/"
        case .login: return "/login"
        case .logout: return "/logout"
        case .setup: return "/setup"
        case .language: return "/language"
        case .stylesheet: return "/assets/voronka.css"
        case .script: return "/assets/voronka.js"
        case .myWork: return "/my"
        case .activityDone(let id): return "/activities/\(p("id", id))/done"
        case .nudges: return "/nudges"
        case .calendarFeed(let file): return "/calendar/\(p("file", file))"
        case .profileCalendar: return "/profile/calendar"
        case .weeklyReview: return "/reviews"
        case .weeklyReviewWeek(let week): return "/reviews/\(p("week", week))"
        case .nudgeAction(let id, let action): return "/nudges/\(p("id", id))/\(p("action", action.rawValue))"
        case .leads: return "/leads"
        case .leadTriage(let id): return "/leads/\(p("id", id))/triage"
        case .leadDecision(let id, let outcome): return "/leads/\(p("id", id))/\(p("outcome", outcome.rawValue))"
        case .leadUndo(let id): return "/leads/\(p("id", id))/undo"
        case .leadClaim(let id): return "/leads/\(p("id", id))/claim"
        case .pipelines: return "/pipelines"
        case .pipeline(let id): return "/pipelines/\(p("id", id))"
        case .deal(let id): return "/deals/\(p("id", id))"
        case .dealMove(let id): return "/deals/\(p("id", id))/move"
        case .dealActivities(let id): return "/deals/\(p("id", id))/activities"
        case .dealClose(let id): return "/deals/\(p("id", id))/close"
        case .companies: return "/companies"
        case .newRecord(let kind): return "/new/\(p("kind", kind.rawValue))"
        case .editRecord(let kind, let id): return "/edit/\(p("kind", kind.rawValue))/\(p("id", id))"
        case .company(let id): return "/companies/\(p("id", id))"
        case .dashboards: return "/dashboards"
        case .helpMetrics: return "/help/metrics"
        case .profile: return "/profile"
        case .profilePassword: return "/profile/password"
        case .settings: return settings
        case .settingsSection(let s): return "\(settings)/\(s.rawValue)"
        case .settingsPipeline(let id): return "\(settings)/pipelines/\(p("pipeline", id))"
        case .settingsStages(let pipeline): return "\(settings)/pipelines/\(p("pipeline", pipeline))/stages"
        case .settingsStage(let pipeline, let stage): return "\(settings)/pipelines/\(p("pipeline", pipeline))/stages/\(p("stage", stage))"
        case .settingsStageMove(let pipeline, let stage): return "\(settings)/pipelines/\(p("pipeline", pipeline))/stages/\(p("stage", stage))/move"
        case .settingsRule(let index): return "\(settings)/audience/\(p("index", index))"
        case .settingsRuleDelete(let index): return "\(settings)/audience/\(p("index", index))/delete"
        case .settingsProduct(let id): return "\(settings)/catalog/\(p("id", id))"
        case .settingsChannel(let id): return "\(settings)/channels/\(p("id", id))"
        case .settingsUser(let id): return "\(settings)/users/\(p("id", id))"
        case .settingsUserPassword(let id): return "\(settings)/users/\(p("id", id))/password"
        case .settingsTokenRevoke(let id): return "\(settings)/tokens/\(p("id", id))/revoke"
        case .settingsWebhook(let id): return "\(settings)/webhooks/\(p("id", id))"
        case .settingsWebhookDelete(let id): return "\(settings)/webhooks/\(p("id", id))/delete"
        case .settingsWebhookRetry(let id, let delivery): return "\(settings)/webhooks/\(p("id", id))/deliveries/\(p("delivery", delivery))/retry"
        case .imports: return "/import"
        case .importPage(let id): return "/import/\(p("id", id))"
        case .importProblems(let id): return "/import/\(p("id", id))/problems.csv"
        }
    }

    /// Whether a `return_to` is a path on this site. Browsers drop tabs and line breaks from a URL and read `\` as `/`,
    /// so `/%09/evil.com` would leave the site: only printable ASCII without backslashes is accepted, read as a URL
    /// that has neither a scheme nor a host.
    public static func isLocal(_ path: String) -> Bool {
        guard path.hasPrefix("/"), !path.hasPrefix("//"),
              path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }),
              let parts = URLComponents(string: path), parts.scheme == nil, parts.host == nil else { return false }
        return true
    }
}

/// What a nudge's forms do.
public enum NudgeAction: String, Sendable, Hashable, CaseIterable {
    case done, snooze, dismiss
}

extension SiteURL {
    /// Where a record of a nudge, a review or a calendar event opens: a deal's or company's page, a lead in the inbox,
    /// a webhook endpoint in the settings.
    public static func recordPath(_ entity: EntityKind, _ id: Int64) -> String {
        switch entity {
        case .deal: SiteURL.deal(id).path
        case .company: SiteURL.company(id).path
        case .webhook: SiteURL.settingsSection(.webhooks).path + "#webhook-\(id)"
        default: SiteURL.leads.path + "#lead-\(id)"
        }
    }
}
