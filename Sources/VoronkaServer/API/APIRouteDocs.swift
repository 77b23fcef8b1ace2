import VoronkaAnalytics
import VoronkaCore

/// What the OpenAPI document says of routes beyond their bodies: the query parameters a handler reads, the names a
/// path parameter takes, bodies that may be left out. Kept by operation id, beside the route list that uses it.
enum APIRouteDocs {
    static func apply(_ route: APIRoute) -> APIRoute {
        switch route.operationID {
        case "tail_journal":
            return route.documented(query: [.integer("after", 0...Int64(JSONLimits.maxSequence), "the last sequence number already read (default 0)"),
                                            .integer("limit", 1...5000, "entries at most (default 1000)")])
        case "export":
            return route.documented(query: [.string("format", "csv (default) or json", values: Exporter.Format.allCases.map(\.rawValue)),
                                            .string("raw", "true: CSV cells exactly as stored, without the ' before formulas", values: ["true", "false"])],
                                    pathValues: ["target": Exporter.targets],
                                    responses: ["200": .object([
                                        "description": "CSV text (format=csv, the default), or a JSON array of objects (format=json)",
                                        "content": .object(["text/csv": .object(["schema": .object(["type": "string"])]),
                                                            "application/json": .object(["schema": .object(["type": "array", "items": .object(["type": "object"])])])]),
                                    ])])
        case "login":
            return route.documented(responses: [
                "401": OpenAPIDocument.errorResponse("Wrong email or password, or a deactivated account"),
                "429": OpenAPIDocument.errorResponse("Too many failed sign-ins for this email or from this address; Retry-After says when to try again",
                                                     headers: ["Retry-After": .object(["schema": .object(["type": "integer"])])]),
            ])
        case "create_import":
            // A dry run answers 200 with how each file is read; a write answers 202 with the import's id.
            return route.documented(responses: [
                "200": .object(["description": "A dry run: how each file is read, the counts and every problem",
                                "content": .object(["application/json": .object(["schema": OpenAPIDocument.ref("Import")])])]),
            ])
        case "analytics_dashboard":
            return route.documented(query: analyticsQuery)
        case "analytics_metric":
            return route.documented(query: analyticsQuery, pathValues: ["metric": AnalyticsRoutes.metrics])
        case "qualification_violations":
            return route.documented(query: [.string("owner_id", "owner ids separated by commas"), .string("pipeline_id", "pipeline ids separated by commas")])
        case "get_setting", "put_setting":
            return route.documented(pathValues: ["key": SettingKey.allCases.map(\.rawValue)])
        case "list_nudges":
            return route.documented(query: [
                .string("state", "states separated by commas (default open): " + NudgeState.allCases.map(\.rawValue).joined(separator: ", ")),
                .string("rule", "one rule", values: NudgeRule.allCases.map(\.rawValue)),
                .string("user_id", "whose nudges (default: the caller's; a team member's for a manager; all for a head of sales)"),
                .string("entity", "the kind of record", values: ["deal", "lead", "company", "webhook"]),
                .integer("entity_id", 1...Int64(JSONLimits.maxExactInteger), "the record's id"),
                .integer("limit", 1...500, "nudges per page (default 50)"),
                .string("after", "next_cursor of the previous page"),
            ])
        case "triage_lead", "reset_password":
            return route.documented(bodyOptional: true)
        default:
            return route
        }
    }

    /// The filters and options of the analytics answers (`AnalyticsQuery`).
    static let analyticsQuery: [QueryParameter] = [
        .string("pipeline_id", "pipeline ids separated by commas"),
        .string("owner_id", "owner ids separated by commas"),
        .string("source", "lead sources separated by commas", values: nil),
        .string("channel_id", "channel ids separated by commas (a channel keeps those merged into it)"),
        .string("channel_group", "channel groups separated by commas: " + ChannelGroup.allCases.map(\.rawValue).joined(separator: ", ")),
        .string("segment", "segments separated by commas"),
        .string("from", "first day of the period, from 1900-01-01 to 2200-12-31", format: "date"),
        .string("to", "last day of the period, from 1900-01-01 to 2200-12-31", format: "date"),
        .string("as_of", "the day the figures are as of (default today), from 1900-01-01 to 2200-12-31", format: "date"),
        .string("cohort", "cohort grain", values: CohortGrain.allCases.map(\.rawValue)),
        .integer("maturity_days", 1...3650, "days before a lead's cohort counts as mature"),
        .integer("response_target_hours", 1...720, "the first-response target in hours"),
        .integer("untouched_days", 1...3650, "days without activity after which a deal counts as untouched"),
        .string("stalled_order", "the order of the stalled deals: most overdue, most days, by stage, by owner",
                values: StalledOrder.allCases.map(\.rawValue)),
    ]
}

/// Limits of numbers carried in JSON.
enum JSONLimits {
    /// The largest integer a JSON number (a double) carries exactly: 2^53 − 1.
    static let maxExactInteger = 9_007_199_254_740_991
    /// The largest journal sequence number a request may name: numbers up to it are written as integers (the JSON
    /// writer writes larger whole numbers in exponent form, as the journal has always stored them).
    static let maxSequence = 999_999_999_999_999
}
