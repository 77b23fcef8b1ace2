import Foundation
import Vapor
import VoronkaCore
import VoronkaStore

/// The weekly review through the API: this week's (made now if not yet) or a kept one by its Monday.
enum ReviewRoutes {
    static var all: [APIRoute] {
        [
            APIRoute(.GET, "reviews/weekly", "weekly_review", "The caller's weekly review (heads of sales and managers)", tag: "nudges",
                     response: .named("WeeklyReview")) { req, s in
                let caller = try req.caller()
                let users = try await s.store.all(.user).map(User.init(record:))
                guard let me = users.first(where: { $0.id == caller.viewer.userID }), WeeklyReviews.mayHave(me, users: users) else {
                    throw DomainError.forbidden("Weekly reviews are for heads of sales, admins and managers with a team.")
                }
                let extra = req.queryParameters.keys.filter { $0 != "week" }.sorted()
                if !extra.isEmpty { throw DomainError.invalid(extra.map { FieldError($0, .notKnownKey(known: ["week"])) }) }
                let review: WeeklyReview
                if let raw = req.queryParameters["week"] {
                    guard let day = Day(raw) else { throw DomainError.invalid("week", .day) }
                    guard let kept = try await s.store.read({ try await $0.weeklyReview(userID: me.id, week: day) }) else {
                        throw DomainError.invalid("week", "has no kept review (see weeks)")
                    }
                    review = kept
                } else {
                    review = try await WeeklyReviews.current(for: me, s)
                }
                let weeks = try await s.store.read { try await $0.weeklyReviewWeeks(userID: me.id) }
                let encoder = JSONEncoder()
                encoder.keyEncodingStrategy = .convertToSnakeCase
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.sortedKeys]
                guard case .object(var body) = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(review)) else {
                    throw Abort(.internalServerError)
                }
                body["week"] = .string(review.week.description)
                body["weeks"] = .array(weeks.map { .string($0.description) })
                return JSONResponse.make(.object(body))
            }.documented(query: [.string("week", "a kept review's Monday (default: this week's, made now if not yet)", format: "date")]),
        ]
    }
}
