import VoronkaCore

/// The dashboards: one page per section (funnel, forecast, stages, velocity, response, growth, data quality), each under
/// the same filter bar. The controller computes the analytics dashboard once and fills every section's data; the view
/// shows the section named in `section`.
public enum DashboardPage {
    /// The sections, in navigation order; the raw value is the `section` query parameter.
    public enum Section: String, CaseIterable, Sendable {
        case funnel, channels, forecast, stages, velocity, response, growth, quality
    }

    /// A choice in a filter select: the query value and its label.
    public struct Option: Sendable, Hashable {
        public var value: String
        public var label: String
        public init(value: String, label: String) { self.value = value; self.label = label }
    }

    /// The filter bar: the choices of each select and the values in force. Empty values mean "all".
    public struct Filter: Sendable, Hashable {
        public var pipelines: [Option]
        public var teams: [Option]
        public var owners: [Option]
        public var sources: [Option]
        /// Lead channels (not merged into another) and channel groups.
        public var channels: [Option] = []
        public var channelGroups: [Option] = []
        public var segments: [Option]
        /// The values in force, by query name (`pipeline`, `team`, `owner`, `source`, `channel`, `channel_group`,
        /// `segment`, `from`, `to`).
        public var selected: [String: String]

        public init(pipelines: [Option] = [], teams: [Option] = [], owners: [Option] = [], sources: [Option] = [],
                    segments: [Option] = [], selected: [String: String] = [:]) {
            self.pipelines = pipelines; self.teams = teams; self.owners = owners; self.sources = sources
            self.segments = segments; self.selected = selected
        }

        /// The query names of the filter, in the bar's order; `from` and `to` are days (`2026-01-31`), `to` inclusive.
        public static let names = ["pipeline", "team", "owner", "source", "channel", "channel_group", "segment", "from", "to"]

        /// `name=value&...` for the values in force, percent-encoded, in the bar's order.
        public var query: String {
            Filter.names.compactMap { name in
                guard let value = selected[name], !value.isEmpty else { return nil }
                return name + "=" + Filter.encode(value)
            }.joined(separator: "&")
        }

        /// Whether any value is in force.
        public var isActive: Bool { selected.values.contains { !$0.isEmpty } }

        static func encode(_ s: String) -> String {
            var out = ""
            for byte in s.utf8 {
                let c = Character(Unicode.Scalar(byte))
                if c.isASCII, c.isLetter || c.isNumber || "-._~".contains(c) { out.append(c) } else {
                    let hex = String(byte, radix: 16, uppercase: true)
                    out += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            }
            return out
        }
    }

    /// Everything the dashboards show.
    public struct Model: Sendable, Hashable {
        public var shell: Shell
        /// The dashboards' path without a query, e.g. `/dashboards`; the form and the section links go there.
        public var path: String
        public var section: Section
        public var filter: Filter
        /// The as-of day of the figures.
        public var asOf: Day
        /// The currency of every amount (the analytics' base currency).
        public var currency: String
        public var funnel: Funnel
        public var forecast: Forecast
        public var stages: StageTimes
        public var velocity: Velocity
        public var response: Response
        public var growth: Growth
        public var completeness: Completeness
        public var qualification: QualificationHealth
        /// Records whose times contradict each other ("data-quality v1").
        public var dataQuality = DataQuality()
        /// Conversion by lead channel ("channels v1").
        public var channels = Channels()

        public init(shell: Shell, path: String, section: Section, filter: Filter, asOf: Day, currency: String,
                    funnel: Funnel = .init(), forecast: Forecast = .init(), stages: StageTimes = .init(), velocity: Velocity = .init(),
                    response: Response = .init(), growth: Growth = .init(), completeness: Completeness = .init(),
                    qualification: QualificationHealth = .init()) {
            self.shell = shell; self.path = path; self.section = section; self.filter = filter; self.asOf = asOf
            self.currency = currency; self.funnel = funnel; self.forecast = forecast; self.stages = stages
            self.velocity = velocity; self.response = response; self.growth = growth; self.completeness = completeness
            self.qualification = qualification
        }

        /// The link to a section with the filter in force.
        public func url(_ section: Section) -> String {
            let query = filter.query
            return path + "?section=" + section.rawValue + (query.isEmpty ? "" : "&" + query)
        }
    }

    /// A deal named in a list: its title, link and owner.
    public struct DealRef: Sendable, Hashable {
        public var id: Int64
        public var title: String
        public var url: String
        public var ownerName: String?
        /// In the model's currency, major units; nil when not shown.
        public var amount: Double?

        public init(id: Int64, title: String, url: String, ownerName: String? = nil, amount: Double? = nil) {
            self.id = id; self.title = title; self.url = url; self.ownerName = ownerName; self.amount = amount
        }
    }
}
