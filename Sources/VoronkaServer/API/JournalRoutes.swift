import Vapor
import VoronkaCore

/// Tailing the journal: every change after a sequence number (heads of sales and admins).
enum JournalRoutes {
    static var all: [APIRoute] {
        [APIRoute(.GET, "journal", "tail_journal", "Journal entries after a sequence number (after, limit ≤ 5000)", tag: "journal",
                  response: .named("Journal")) { req, s in
            let caller = try req.caller()
            guard caller.user.role.seesEverything else { throw DomainError.forbidden("Only the head of sales and admins read the whole journal.") }
            let params = req.queryParameters
            var after: Int64 = 0
            var limit = 1000
            var errors: [FieldError] = []
            if let raw = params["after"] { if let v = Int64(raw), v >= 0, v <= JSONLimits.maxSequence { after = v } else { errors.append(FieldError("after", "must be a sequence number from 0 to \(JSONLimits.maxSequence)")) } }
            if let raw = params["limit"] { if let v = Int(raw), (1...5000).contains(v) { limit = v } else { errors.append(FieldError("limit", "must be from 1 to 5000")) } }
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            let entries = try await s.store.journal(after: after, limit: limit)
            return JSONResponse.make(.object([
                "entries": .array(entries.map({ JournalJSON.entry($0) })),
                "last_seq": .number(Double(entries.last?.seq ?? after)),
            ]))
        }]
    }
}
