import FluentKit
import SQLKit

/// Weekly reviews, kept so that past ones can be read: one per Monday and person, the content as JSON.
struct M0014_WeeklyReviews: AsyncMigration {
    var name: String { "M0014_WeeklyReviews" }

    static let table = TableDefinition("weekly_reviews")
        .column("week", .text, notNull: true).column("user_id", .bigint, notNull: true).column("content", .text, notNull: true)
        .column("created_at", .timestamp, notNull: true)

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.exec(Self.table.createSQL(Backend(sql)))
        try await sql.exec("CREATE UNIQUE INDEX weekly_reviews_week ON weekly_reviews (user_id, week)")
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).exec("DROP TABLE weekly_reviews")
    }
}
