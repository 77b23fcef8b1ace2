import VoronkaCore

/// Companies, and search across companies, contacts, deals and leads. Shows only what the controller found for the user.
public enum CompanyListPage {
    /// A record listed or found: its name or title, where it opens, and a line about it.
    public struct Row: Sendable, Hashable {
        public var title: String
        /// Nil for a record without a page of its own (a lead not yet converted and without a company).
        public var url: String?
        /// The company of a contact or a deal, a company's industry, a lead's request.
        public var detail: String?
        public var ownerName: String?
        public init(title: String, url: String?, detail: String? = nil, ownerName: String? = nil) {
            self.title = title; self.url = url; self.detail = detail; self.ownerName = ownerName
        }
    }

    /// The records of one kind found by a search (or the companies, without one).
    public struct Section: Sendable, Hashable {
        public var kind: EntityKind
        /// The best matches first (a search), or a page in name order.
        public var rows: [Row]
        /// Every record of the kind that matches.
        public var total: Int
        /// All the matches of this kind, a page at a time; nil when the section shows them all or pages itself.
        public var allURL: String?
        /// The pages of the section, when it is the one shown.
        public var pager: Pager?
        public init(kind: EntityKind, rows: [Row], total: Int, allURL: String? = nil, pager: Pager? = nil) {
            self.kind = kind; self.rows = rows; self.total = total; self.allURL = allURL; self.pager = pager
        }
    }

    /// What the page shows.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        /// GET target of the search form (`q`).
        public var action: String
        public var query: String
        public var sections: [Section]
        /// Where "New company" goes; nil for a user who may not create one.
        public var newCompanyURL: String?
        /// Back to every kind's best matches, when one kind is paged through.
        public var overviewURL: String?

        public init(shell: Shell, action: String, query: String, sections: [Section], newCompanyURL: String? = nil, overviewURL: String? = nil) {
            self.shell = shell; self.action = action; self.query = query; self.sections = sections
            self.newCompanyURL = newCompanyURL; self.overviewURL = overviewURL
        }
    }
}
