import Foundation
import SQLKit
import VoronkaCore

extension StoreReader {
    /// A person's review of a week (its Monday), if made.
    public func weeklyReview(userID: Int64, week: Day) async throws -> WeeklyReview? {
        guard let row = try await sql.raw("""
            SELECT content FROM weekly_reviews WHERE user_id = \(bind: userID) AND week = \(bind: week.description)
            """).first() else { return nil }
        return try JSONDecoder().decode(WeeklyReview.self, from: Data(try row.decode(column: "content", as: String.self).utf8))
    }

    /// The Mondays of a person's kept reviews, the latest first.
    public func weeklyReviewWeeks(userID: Int64, limit: Int = 104) async throws -> [Day] {
        try await sql.raw("""
            SELECT week FROM weekly_reviews WHERE user_id = \(bind: userID) ORDER BY week DESC LIMIT \(bind: limit)
            """).all().compactMap { Day(try $0.decode(column: "week", as: String.self)) }
    }
}

extension StoreTransaction {
    /// Keeps a review; one already kept for that person and week stays (two servers making it at once keep one).
    /// Returns the kept one.
    @discardableResult
    public func keepWeeklyReview(_ review: WeeklyReview) async throws -> WeeklyReview {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let content = String(decoding: try encoder.encode(review), as: UTF8.self)
        try await sql.raw("""
            INSERT INTO weekly_reviews (week, user_id, content, created_at)
            VALUES (\(bind: review.week.description), \(bind: review.userID), \(bind: content), \(RowCoding.bind(.time(review.createdAt))))
            ON CONFLICT (user_id, week) DO NOTHING
            """).run()
        return try await weeklyReview(userID: review.userID, week: review.week) ?? review
    }
}
