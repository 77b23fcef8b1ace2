import Foundation
import VoronkaCore

/// Every address of the web interface, used both to register the routes and to build links.
enum WebPaths {
    static let home = "/"
    static let login = "/login"
    static let logout = "/logout"
    static let setup = "/setup"
    static let language = "/language"
    static let leads = "/leads"
    static let pipelines = "/pipelines"
    static let companies = "/companies"
    static let dashboards = "/dashboards"
    static let settings = "/settings"
    static let imports = "/import"

    static func pipeline(_ id: Int64) -> String { "/pipelines/\(id)" }
    static func deal(_ id: Int64) -> String { "/deals/\(id)" }
    /// POST: `stage_id`, optional `lost_reason` and `postponed_until`.
    static func dealMove(_ id: Int64) -> String { "/deals/\(id)/move" }
    static func dealActivities(_ id: Int64) -> String { "/deals/\(id)/activities" }
    static func company(_ id: Int64) -> String { "/companies/\(id)" }
    /// POST: runs triage (`triage`) or decides the lead (`deal`, `nurture`, `junk`).
    static func leadAction(_ id: Int64, _ action: String) -> String { "/leads/\(id)/\(action)" }

    /// A path to come back to after a POST: only this site's own paths, never `//host` or a full URL.
    /// Whether a `return_to` is a path on this site. Browsers drop tabs and line breaks from a URL and read `\\` as `/`,
    /// so `/%09/evil.com` would leave the site: only printable ASCII without backslashes is accepted, read as a URL
    /// that has neither a scheme nor a host.
    static func isLocal(_ path: String) -> Bool {
        guard path.hasPrefix("/"), !path.hasPrefix("//"),
              path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }),
              let parts = URLComponents(string: path), parts.scheme == nil, parts.host == nil else { return false }
        return true
    }
}
