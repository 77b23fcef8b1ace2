import FluentKit
import SQLKit

/// Custom attributes on leads and contacts (as on companies and deals), so that an imported column mapped to one is
/// stored; and where a lead came from as web analytics tag it: UTM source, medium, campaign, term and content, and the
/// landing page.
struct M0010_LeadAttribution: AsyncMigration {
    var name: String { "M0010_LeadAttribution" }

    static let leadTexts = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "landing_page"]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.exec("ALTER TABLE leads ADD COLUMN custom TEXT NOT NULL DEFAULT '{}'")
        try await sql.exec("ALTER TABLE contacts ADD COLUMN custom TEXT NOT NULL DEFAULT '{}'")
        for column in Self.leadTexts { try await sql.exec("ALTER TABLE leads ADD COLUMN \(column) TEXT") }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for column in ["custom"] + Self.leadTexts { try await sql.exec("ALTER TABLE leads DROP COLUMN \(column)") }
        try await sql.exec("ALTER TABLE contacts DROP COLUMN custom")
    }
}
