import Foundation
import VoronkaCore

/// The administrators' settings: one page per section, each a set of POST forms. Stored values come as the core's
/// entities; after a refused submission the controller passes it back as a `Submission`, whose values re-fill that one
/// form and whose errors show beside their fields.
public enum SettingsPage {
    /// The sections, in navigation order; the raw value is the last path component (`/settings/pipelines`).
    public enum Section: String, CaseIterable, Sendable {
        case pipelines, channels, audience, catalog, economics, nudges, users, tokens, webhooks, company
    }

    /// A refused form; its key is e.g. `stage-12`, `new-stage-1`, `pipeline-1`, `new-pipeline`, `rule-0`, `new-rule`,
    /// `product-7`, `new-product`, `economics`, `user-5`, `new-user`, `new-token`.
    public typealias Submission = FormSubmission

    /// What a successful POST did, for the confirmation after the redirect (the `notice` query parameter).
    public enum Notice: String, CaseIterable, Sendable {
        case added, saved, deleted, revoked, passwordReset = "password_reset"
    }

    /// A pipeline with its stages in order.
    public struct PipelineEntry: Sendable, Hashable {
        public var pipeline: Pipeline
        public var stages: [Stage]
        public init(pipeline: Pipeline, stages: [Stage]) { self.pipeline = pipeline; self.stages = stages }
    }

    /// A password an admin just reset, for the user it belongs to.
    public struct NewPassword: Sendable, Hashable {
        public var userID: Int64
        public var password: String
        public init(userID: Int64, password: String) { self.userID = userID; self.password = password }
    }

    /// An API token as listed; the secret itself is never stored in a readable form.
    public struct Token: Sendable, Hashable {
        public var id: Int64
        public var name: String
        public var userName: String
        /// The first characters, to recognise it.
        public var prefix: String
        public var createdAt: Date
        public var lastUsedAt: Date?
        public var revokedAt: Date?

        public init(id: Int64, name: String, userName: String, prefix: String, createdAt: Date, lastUsedAt: Date? = nil, revokedAt: Date? = nil) {
            self.id = id; self.name = name; self.userName = userName; self.prefix = prefix; self.createdAt = createdAt
            self.lastUsedAt = lastUsedAt; self.revokedAt = revokedAt
        }
    }

    /// The data of the section shown.
    public enum Content: Sendable, Hashable {
        case pipelines([PipelineEntry])
        /// The rules, and the custom company attributes a rule may read (`custom.<key>`).
        case audience(rules: [AudienceRule], customFields: [AttributeDefinition])
        case catalog([Product])
        /// Every lead channel, merged ones included.
        case channels([LeadChannel])
        /// The settings (nil before they are first saved) and the currency of their amounts.
        case economics(EconomicsSettings?, currency: String)
        /// The users; `newPassword` is a password an admin just reset, shown this once.
        case users([User], newPassword: NewPassword?)
        /// The tokens; `newToken` is the secret of a token just created, shown this once.
        case tokens([Token], users: [User], newToken: String?)
        /// The company's time zone (an IANA name) and the zones to choose from, the usual ones first.
        case company(timeZone: String, zones: [String], lostReasons: [String])
        /// The nudge rules' settings.
        case nudges(NudgeSettings)
        /// The webhook endpoints with their latest deliveries; `newSecret` is an endpoint's secret just made, shown once.
        case webhooks([WebhookEntry], newSecret: String?)
    }

    /// Everything a settings page shows.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        public var paths: Paths
        public var content: Content
        public var submission: Submission?
        /// A confirmation after a successful POST (redirect-after-post), in the user's language.
        public var notice: String?

        public init(shell: Shell, paths: Paths = Paths(), content: Content, submission: Submission? = nil, notice: String? = nil) {
            self.shell = shell; self.paths = paths; self.content = content; self.submission = submission; self.notice = notice
        }

        /// The section of the content.
        public var section: Section {
            switch content {
            case .pipelines: .pipelines
            case .audience: .audience
            case .catalog: .catalog
            case .channels: .channels
            case .economics: .economics
            case .users: .users
            case .tokens: .tokens
            case .company: .company
            case .nudges: .nudges
            case .webhooks: .webhooks
            }
        }
    }

    /// Where each section lives and where its forms post (`SiteURL`, which the server registers too).
    public struct Paths: Sendable, Hashable {
        public init() {}

        public func section(_ s: Section) -> String { SiteURL.settingsSection(s).path }
        /// POST `name`, `name_ru`, `kind` (lead or deal).
        public var newPipeline: String { section(.pipelines) }
        /// POST `name`, `name_ru`, `active`.
        public func pipeline(_ id: Int64) -> String { SiteURL.settingsPipeline(id).path }
        /// POST a new stage: `name`, `name_ru`, `kind`, `position`, `probability`, `expected_days`, `requires_qualification`, `entry_rule`.
        public func newStage(_ pipelineID: Int64) -> String { SiteURL.settingsStages(pipeline: pipelineID).path }
        /// POST the same fields as a new stage.
        public func stage(_ pipelineID: Int64, _ stageID: Int64) -> String { SiteURL.settingsStage(pipeline: pipelineID, stage: stageID).path }
        /// POST `direction=up|down`: the stage trades places with its neighbour.
        public func stageMove(_ pipelineID: Int64, _ stageID: Int64) -> String { SiteURL.settingsStageMove(pipeline: pipelineID, stage: stageID).path }
        /// POST `field`, `operator`, `value`, `label`, `label_ru`, `unit`.
        public var newRule: String { section(.audience) }
        /// POST the same fields as a new rule; `index` is the rule's place in the list.
        public func rule(_ index: Int) -> String { SiteURL.settingsRule(index).path }
        public func deleteRule(_ index: Int) -> String { SiteURL.settingsRuleDelete(index).path }
        /// POST `name`, `category`, `keywords` (comma-separated), `price`, `unit_cost`, `currency`, `active`.
        public var newProduct: String { section(.catalog) }
        public func product(_ id: Int64) -> String { SiteURL.settingsProduct(id).path }
        /// POST `name`, `name_ru`, `channel_group`, `active`; for an existing channel also `merged_into_id`.
        public var newChannel: String { section(.channels) }
        public func channel(_ id: Int64) -> String { SiteURL.settingsChannel(id).path }
        /// POST `monthly_costs`, `deals_per_month`, `fixed_minimum` (major units).
        public var economics: String { section(.economics) }
        /// POST `time_zone`.
        public var company: String { section(.company) }
        /// POST `name`, `email`, `role`, `manager_id`, `language`, `password`.
        public var newUser: String { section(.users) }
        /// POST `name`, `email`, `role`, `manager_id`, `language`, `active`.
        public func user(_ id: Int64) -> String { SiteURL.settingsUser(id).path }
        /// POST: a new generated password for the user.
        public func userPassword(_ id: Int64) -> String { SiteURL.settingsUserPassword(id).path }
        /// POST `name`, `user_id`.
        public var newToken: String { section(.tokens) }
        public func revokeToken(_ id: Int64) -> String { SiteURL.settingsTokenRevoke(id).path }
        /// POST `url`, `description`, `event_<type>`, `enabled`, `allow_private`.
        public func webhook(_ id: Int64) -> String { SiteURL.settingsWebhook(id).path }
        public func deleteWebhook(_ id: Int64) -> String { SiteURL.settingsWebhookDelete(id).path }
        public func retryWebhook(_ id: Int64, _ delivery: Int64) -> String { SiteURL.settingsWebhookRetry(id, delivery).path }
    }
}
