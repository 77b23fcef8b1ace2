import VoronkaCore

/// What every page shows around its content: the language, the signed-in user, navigation and the two POST forms
/// (language switch and sign-out). The controller fills it for each request.
public struct Shell: Sendable, Hashable {
    /// The sections of the main navigation, in order.
    public enum Section: String, CaseIterable, Sendable {
        case my, leads, pipeline, companies, dashboards, imports, settings
    }

    /// The signed-in user as the header shows them.
    public struct User: Sendable, Hashable {
        public var name: String
        /// Admins see Settings in the navigation.
        public var isAdmin: Bool
        /// Their open nudges: the bell's count (nil when not counted, as on a form's answer).
        public var openNudges: Int?

        public init(name: String, isAdmin: Bool, openNudges: Int? = nil) { self.name = name; self.isAdmin = isAdmin; self.openNudges = openNudges }
    }

    /// Where the navigation links and the shell's forms go.
    public struct Links: Sendable, Hashable {
        public var home: String
        public var leads: String
        public var pipeline: String
        public var companies: String
        public var dashboards: String
        public var settings: String
        /// Importing exports of other systems (admins).
        public var imports: String
        /// POST: sets the language (`language`, `return_to`).
        public var language: String
        /// POST: ends the session.
        public var signOut: String
        public var stylesheet: String
        public var script: String
        /// One's own profile (name, language, password).
        public var profile: String

        public init(home: String, leads: String, pipeline: String, companies: String, dashboards: String, settings: String,
                    language: String, signOut: String, stylesheet: String = Assets.stylesheetPath, script: String = Assets.scriptPath,
                    imports: String = SiteURL.imports.path, profile: String = ProfilePage.Paths.profile) {
            self.home = home; self.leads = leads; self.pipeline = pipeline; self.companies = companies
            self.dashboards = dashboards; self.settings = settings; self.language = language; self.signOut = signOut
            self.stylesheet = stylesheet; self.script = script; self.imports = imports
            self.profile = profile
        }

        /// The link of a section.
        public func url(_ section: Section) -> String {
            switch section {
            case .my: SiteURL.myWork.path
            case .leads: leads
            case .pipeline: pipeline
            case .companies: companies
            case .dashboards: dashboards
            case .settings: settings
            case .imports: imports
            }
        }
    }

    public var language: VoronkaCore.Language
    /// Minutes east of UTC in which the user sees times (Moscow: 180).
    public var utcOffsetMinutes: Int
    /// The token every POST form carries in `csrf_token`.
    public var csrfToken: String
    /// Nil on the sign-in and first-start pages: no navigation then.
    public var user: User?
    /// The section to mark as current.
    public var section: Section?
    /// The path of this page, for the language switch to come back to.
    public var currentPath: String
    public var links: Links

    public init(language: VoronkaCore.Language, utcOffsetMinutes: Int, csrfToken: String, user: User?, section: Section?,
                currentPath: String, links: Links) {
        self.language = language; self.utcOffsetMinutes = utcOffsetMinutes; self.csrfToken = csrfToken
        self.user = user; self.section = section; self.currentPath = currentPath; self.links = links
    }

    /// The localizer for this user.
    public var localizer: Localizer { Localizer(language, utcOffsetMinutes: utcOffsetMinutes) }

    /// The sections this user may open, in navigation order: Import and Settings for admins only.
    public var sections: [Section] {
        guard let user else { return [] }
        return Section.allCases.filter { ($0 != .settings && $0 != .imports) || user.isAdmin }
    }
}
