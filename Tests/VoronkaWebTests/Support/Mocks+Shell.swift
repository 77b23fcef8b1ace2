import Foundation
import VoronkaCore
@testable import VoronkaWeb

/// Fixed instants for the mocks: 21 Sep 2026, UTC.
enum Clock {
    static let day = Day(year: 2026, month: 9, day: 21)!
    /// 2026-09-21 at `hour`:`minute` UTC.
    static func at(_ hour: Int, _ minute: Int = 0, daysBefore: Int = 0) -> Date {
        day.adding(days: -daysBefore).startDate.addingTimeInterval(Double(hour * 3600 + minute * 60))
    }
}

extension Shell.Links {
    /// The links as the server gives them: from `SiteURL`, the list it registers.
    static let mock = Shell.Links(home: SiteURL.home.path, leads: SiteURL.leads.path, pipeline: SiteURL.pipelines.path,
                                  companies: SiteURL.companies.path, dashboards: SiteURL.dashboards.path, settings: SiteURL.settings.path,
                                  language: SiteURL.language.path, signOut: SiteURL.logout.path)
}

extension Shell {
    /// A signed-in head of sales (or an admin) in Moscow time.
    static func mock(_ language: VoronkaCore.Language, admin: Bool = false, section: Section? = nil, path: String = "/") -> Shell {
        Shell(language: language, utcOffsetMinutes: 180, csrfToken: "tok-123", user: .init(name: "Anna Smirnova", isAdmin: admin),
              section: section, currentPath: path, links: .mock)
    }

    /// Nobody signed in (sign-in and first start).
    static func anonymous(_ language: VoronkaCore.Language) -> Shell {
        Shell(language: language, utcOffsetMinutes: 180, csrfToken: "tok-123", user: nil, section: nil, currentPath: "/login", links: .mock)
    }
}
