import VoronkaCore

/// Companies and deals by name: the search of the companies section. Shows only what the controller found for the user.
public enum CompanyListPage {
    /// A company found.
    public struct CompanyRow: Sendable, Hashable {
        public var name: String
        public var url: String
        public var industry: String?
        public var ownerName: String?
        public init(name: String, url: String, industry: String? = nil, ownerName: String? = nil) {
            self.name = name; self.url = url; self.industry = industry; self.ownerName = ownerName
        }
    }

    /// A deal found by its title.
    public struct DealRow: Sendable, Hashable {
        public var title: String
        public var url: String
        public var companyName: String
        public init(title: String, url: String, companyName: String) { self.title = title; self.url = url; self.companyName = companyName }
    }

    /// What the page shows.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        /// GET target of the search form (`q`).
        public var action: String
        public var query: String
        public var companies: [CompanyRow]
        /// Deals whose title matches; empty without a query.
        public var deals: [DealRow]

        public init(shell: Shell, action: String, query: String, companies: [CompanyRow], deals: [DealRow]) {
            self.shell = shell; self.action = action; self.query = query; self.companies = companies; self.deals = deals
        }
    }
}
