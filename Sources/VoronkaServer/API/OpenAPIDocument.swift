import Vapor
import VoronkaCore

/// The OpenAPI 3 document, generated from the route list and the entities' field specifications.
enum OpenAPIDocument {
    static func make(routes: [APIRoute]) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for route in routes {
            paths[route.openAPIPath, default: [:]][route.method.rawValue.lowercased()] = operation(route)
        }
        var schemas: [String: JSONValue] = namedSchemas
        for kind in RecordRoutes.kinds {
            schemas[schemaName(kind)] = recordSchema(kind)
            schemas[schemaName(kind) + "Input"] = inputSchema(kind, create: false)
            schemas[schemaName(kind) + "Create"] = inputSchema(kind, create: true)
        }
        return .object([
            "openapi": .string("3.0.3"),
            "info": .object(["title": .string("Voronka API"), "version": .string("1"),
                             "description": .string("B2B sales funnel: leads, deals, pipelines, journal. Amounts are decimals in the record's currency; times are ISO 8601 UTC.")]),
            "paths": .object(paths.mapValues { .object($0) }),
            "components": .object([
                "schemas": .object(schemas),
                "securitySchemes": .object(["bearer": .object(["type": .string("http"), "scheme": .string("bearer")])]),
            ]),
        ])
    }

    static func schemaName(_ kind: EntityKind) -> String {
        kind.rawValue.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/\(name)")]) }

    static func operation(_ route: APIRoute) -> JSONValue {
        var op: [String: JSONValue] = [
            "operationId": .string(route.operationID), "summary": .string(route.summary), "tags": .array([.string(route.tag)]),
        ]
        // `:id` is a record's id (a positive integer, read by `Request.id()`); other path parameters are names.
        var parameters: [JSONValue] = route.pathParameters.map { name in
            let schema: JSONValue = name == "id" ? idSchema
                : route.pathValues[name].map { .object(["type": .string("string"), "enum": .array($0.map(JSONValue.string))]) } ?? .object(["type": .string("string")])
            return .object(["name": .string(name), "in": .string("path"), "required": .bool(true), "schema": schema])
        }
        if let kind = route.listOf { parameters += listParameters(kind) }
        parameters += route.query.map { .object(["name": .string($0.name), "in": .string("query"), "required": .bool(false),
                                                 "schema": $0.schema, "description": .string($0.description)]) }
        if !parameters.isEmpty { op["parameters"] = .array(parameters) }
        if let body = route.request {
            let type = if case .multipart = body { "multipart/form-data" } else { "application/json" }
            op["requestBody"] = .object(["required": .bool(!route.bodyOptional), "content": .object([type: .object(["schema": schema(body)])])])
        }
        var responses: [String: JSONValue] = [:]
        responses[String(route.success.code)] = route.response.map {
            .object(["description": .string("Success"), "content": .object(["application/json": .object(["schema": schema($0)])])])
        } ?? .object(["description": .string("Success, no content")])
        responses["422"] = errorResponse("Invalid input: one entry per field")
        if route.authenticated {
            responses["401"] = errorResponse("No or bad credentials")
            responses["403"] = errorResponse("The caller's role may not do this")
            op["security"] = .array([.object(["bearer": .array([])])])
        }
        if !route.pathParameters.isEmpty { responses["404"] = errorResponse("No such record") }
        if route.authenticated, route.method != .GET { responses["409"] = errorResponse("Clashes with stored state, such as a duplicate unique value") }
        if route.request != nil { responses["413"] = errorResponse("The body is larger than this route accepts") }
        // What a route answers beyond the rule above (APIRouteDocs).
        responses.merge(route.responses) { _, special in special }
        op["responses"] = .object(responses)
        return .object(op)
    }

    /// An error answer with the document's `Error` body, and headers when it has any.
    static func errorResponse(_ description: String, headers: [String: JSONValue] = [:]) -> JSONValue {
        var out: [String: JSONValue] = ["description": .string(description),
                                        "content": .object(["application/json": .object(["schema": ref("Error")])])]
        if !headers.isEmpty { out["headers"] = .object(headers) }
        return .object(out)
    }

    static func schema(_ body: BodySchema) -> JSONValue {
        switch body {
        case .record(let kind): ref(schemaName(kind))
        case .input(let kind, let create): ref(schemaName(kind) + (create ? "Create" : "Input"))
        case .page(let kind): .object(["type": .string("object"), "properties": .object([
            "items": .object(["type": .string("array"), "items": ref(schemaName(kind))]),
            "next_cursor": .object(["type": .string("string"), "nullable": .bool(true)]),
        ])])
        case .named(let name), .multipart(let name): ref(name)
        }
    }

    static func fieldSchema(_ f: FieldSpec) -> JSONValue {
        var s: [String: JSONValue]
        switch f.type {
        case .id: s = ["type": .string("integer"), "format": .string("int64"), "minimum": .number(1), "maximum": .number(9_007_199_254_740_991)]
        case .int: s = ["type": .string("integer"), "format": .string("int64")]
        case .double: s = ["type": .string("number")]
        case .money: s = ["type": .string("number"), "description": .string("amount with at most two decimals")]
        case .text: s = ["type": .string("string")]
        case .bool: s = ["type": .string("boolean")]
        case .timestamp: s = ["type": .string("string"), "format": .string("date-time"), "description": .string("from 1900-01-01 to 2200-12-31")]
        case .day: s = ["type": .string("string"), "format": .string("date"), "description": .string("from 1900-01-01 to 2200-12-31")]
        case .json:
            switch f.shape {
            case .strings(let allowed)?:
                var item: [String: JSONValue] = ["type": .string("string")]
                if let allowed { item["enum"] = .array(allowed.map(JSONValue.string)) }
                s = ["type": .string("array"), "items": .object(item)]
            case .ids?: s = ["type": .string("array"), "items": .object(["type": .string("integer"), "format": .string("int64")])]
            case .attributes?, nil: s = ["type": .string("object"), "additionalProperties": .bool(true)]
            }
        }
        if let allowed = f.allowed { s["enum"] = .array(allowed.map(JSONValue.string)) }
        if let range = f.range { s["minimum"] = .number(range.lowerBound); s["maximum"] = .number(range.upperBound) }
        if let max = f.maxLength, f.type == .text { s["maxLength"] = .number(Double(max)) }
        if f.type == .text, f.required, f.defaultValue.isNull, f.allowed == nil { s["minLength"] = .number(1) }
        if !f.required { s["nullable"] = .bool(true) }
        if let ref = f.references { s["description"] = .string("id of a \(ref.rawValue)") }
        return .object(s)
    }

    static func recordSchema(_ kind: EntityKind) -> JSONValue {
        .object(["type": .string("object"),
                 "properties": .object(Dictionary(uniqueKeysWithValues: kind.fields.map { ($0.name, fieldSchema($0)) })),
                 "required": .array((["id"] + kind.fields.filter(\.required).map(\.name)).map(JSONValue.string))])
    }

    /// Fields a create fills by itself when they are left out (`RecordRules.fillDefaults`).
    static let filledOnCreate: Set<String> = ["pipeline_id", "stage_id", "received_at", "owner_id"]

    /// The body of a create (with the fields it requires) or of an update (any writable field).
    static func inputSchema(_ kind: EntityKind, create: Bool) -> JSONValue {
        let writable = kind.fields.filter(\.writable)
        var out: [String: JSONValue] = ["type": .string("object"), "additionalProperties": .bool(false),
                                        "properties": .object(Dictionary(uniqueKeysWithValues: writable.map { ($0.name, fieldSchema($0)) }))]
        let required = writable.filter { $0.required && $0.defaultValue.isNull && !filledOnCreate.contains($0.name) }.map(\.name)
        if create, !required.isEmpty { out["required"] = .array(required.map(JSONValue.string)) }
        return .object(out)
    }

    /// An id: a positive integer that JSON numbers carry exactly (below 2^53).
    static let idSchema: JSONValue = .object(["type": .string("integer"), "format": .string("int64"), "minimum": .number(1),
                                              "maximum": .number(9_007_199_254_740_991)])

    static func listParameters(_ kind: EntityKind) -> [JSONValue] {
        func p(_ name: String, _ type: String, _ description: String) -> JSONValue {
            .object(["name": .string(name), "in": .string("query"), "required": .bool(false),
                     "schema": .object(["type": .string(type)]), "description": .string(description)])
        }
        func typed(_ name: String, _ schema: [String: JSONValue], _ description: String) -> JSONValue {
            .object(["name": .string(name), "in": .string("query"), "required": .bool(false), "schema": .object(schema), "description": .string(description)])
        }
        var out = [
            typed("limit", ["type": .string("integer"), "minimum": .number(1), "maximum": .number(Double(ListQuery.maxLimit))],
                  "page size, 1 to \(ListQuery.maxLimit) (default 50)"),
            p("cursor", "string", "next_cursor of the previous page"),
            typed("sort", ["type": .string("string"), "enum": .array(kind.sortable.flatMap { [JSONValue.string($0), .string("-" + $0)] })],
                  "a sortable field, - for descending"),
            p("include_deleted", "boolean", "also list soft-deleted records"),
        ]
        if kind.fields.contains(where: { ["name", "title", "subject"].contains($0.name) }) {
            out.append(typed("q", ["type": .string("string"), "maxLength": .number(Double(ListQuery.maxSearchLength))], "part of the name, case-insensitive"))
        }
        for f in kind.fields where f.type != .json && f.type != .double {
            out.append(p(f.name, "string", "equals; several values separated by commas"))
            if [.timestamp, .day, .money, .int].contains(f.type) {
                out.append(p(f.name + "_from", "string", "at least"))
                out.append(p(f.name + "_to", "string", "before"))
            }
        }
        return out
    }

    static let namedSchemas: [String: JSONValue] = {
        /// A type written `string?` is nullable.
        func object(_ props: [String: String], required: [String] = []) -> JSONValue {
            var out: [String: JSONValue] = ["type": .string("object"), "properties": .object(props.mapValues { type in
                type.hasSuffix("?") ? .object(["type": .string(String(type.dropLast())), "nullable": .bool(true)]) : .object(["type": .string(type)])
            })]
            if !required.isEmpty { out["required"] = .array(required.map(JSONValue.string)) }
            return .object(out)
        }
        return [
            "Error": .object(["type": .string("object"), "properties": .object(["error": .object(["type": .string("object"), "properties": .object([
                "status": .object(["type": .string("integer")]), "message": .object(["type": .string("string")]),
                "fields": .object(["type": .string("array"), "items": object(["field": "string", "reason": "string"])]),
            ])])])]),
            "Login": object(["email": "string", "password": "string"], required: ["email", "password"]),
            "Session": object(["token": "string", "expires_at": "string", "user": "object"]),
            "MeUpdate": object(["name": "string", "locale": "string", "password": "string", "current_password": "string"]),
            "Tokens": object(["items": "array"]),
            "TokenCreate": object(["name": "string", "expires_in_days": "integer"], required: ["name"]),
            "TokenCreated": object(["id": "integer", "name": "string", "token": "string", "expires_at": "string?"]),
            "UserCreate": object(["name": "string", "email": "string", "role": "string", "manager_id": "integer", "locale": "string", "password": "string"], required: ["name", "email", "role"]),
            "UserCreated": object(["id": "integer", "name": "string", "email": "string", "role": "string", "one_time_password": "string"]),
            "PasswordResetRequest": .object(["type": "object", "properties": .object([
                "keep_token_ids": .object(["type": "array", "items": .object(["type": "integer", "format": "int64"]),
                                           "description": "API tokens of the user that go on working (integrations)"]),
            ])]),
            "PasswordReset": object(["user_id": "integer", "one_time_password": "string"]),
            "StageMove": object(["stage_id": "integer", "pipeline_id": "integer", "lost_reason": "string", "postponed_until": "string", "outcome": "string", "outcome_reason": "string"], required: ["stage_id"]),
            "History": object(["entries": "array", "stages": "array"]),
            "Nudge": object(["id": "integer", "rule": "string", "rule_title": "object", "entity": "string", "entity_id": "integer",
                             "user_id": "integer", "level": "integer", "state": "string", "due_at": "string", "snoozed_until": "string?",
                             "urgency": "integer", "reason": "object", "note": "string?", "created_at": "string", "updated_at": "string",
                             "closed_at": "string?"]),
            "Nudges": object(["items": "array", "next_cursor": "string?"]),
            "NudgeSnooze": object(["until": "string"], required: ["until"]),
            "NudgeDismiss": object(["reason": "string"], required: ["reason"]),
            "WeeklyReview": object(["week": "string", "user_id": "integer", "created_at": "string", "items": "array", "counts": "object",
                                    "movement": "object", "weeks": "array"]),
            "Calendar": object(["active": "boolean", "created_at": "string?"]),
            "CalendarCreated": object(["url": "string"]),
            "Webhook": object(["id": "integer", "url": "string", "events": "array", "description": "string?", "enabled": "boolean",
                               "allow_private": "boolean", "owner_id": "integer?", "disabled_reason": "string?", "failing_since": "string?",
                               "created_at": "string", "secret": "string"]),
            "Webhooks": object(["items": "array"]),
            "WebhookInput": object(["url": "string", "events": "array", "description": "string?", "enabled": "boolean", "allow_private": "boolean",
                                    "rotate_secret": "boolean"]),
            "WebhookDeliveries": object(["items": "array", "next_before": "integer?"]),
            "NudgeEvaluation": object(["created": "integer", "resolved": "integer", "woke": "integer", "seconds": "number"]),
            "Journal": object(["entries": "array", "last_seq": "integer"]),
            "Health": object(["status": "string", "analytics": "string"], required: ["status", "analytics"]),
            "OpenAPI": object(["openapi": "string", "paths": "object"]),
            "TriageRequest": object(["apply": "boolean", "pipeline_id": "integer"]),
            "TriageOverride": object(["outcome": "string", "reason": "string", "pipeline_id": "integer"], required: ["outcome", "reason"]),
            "Triage": .object(["type": "object", "description": "with apply: the lead, the deal it became (if any) and the triage; without: the triage itself (at, by, fire, outcome, reasons)"]),
            "DealQualification": object(["deal_id": "integer", "grade": "string", "qualified": "boolean", "authority": "object", "checklist": "array", "economics": "object", "control": "object"]),
            "Violations": object(["owners": "array", "violations": "integer", "uncontrolled": "integer", "below_minimum": "integer", "weighted_pipeline": "number", "weighted_pipeline_capped": "number", "deals": "array"]),
            "Settings": object(["audience": "object", "economics": "object", "control": "object", "auto_triage": "boolean", "time_zone": "string"]),
            "Setting": .object(["type": "object", "properties": .object([
                "key": .object(["type": "string"]), "value": .object(["description": "an object, or a flag (auto_triage) or a text (time_zone)"]),
            ])]),
            "SettingValue": .object(["type": "object", "required": ["value"], "properties": .object([
                "value": .object(["description": "an object, or a flag (auto_triage) or a text (time_zone)"]),
            ])]),
            "Dashboard": object(["as_of": "string", "last_seq": "integer", "definitions": "object", "conversion": "object", "curve": "array"]),
            "Metric": .object(["type": "object", "properties": .object([
                "metric": .object(["type": "string"]), "as_of": .object(["type": "string"]), "last_seq": .object(["type": "integer"]),
                "definitions": .object(["type": "object"]), "value": .object(["description": "the metric's value: an object, or a list for curve"]),
            ])]),
            "Export": .object(["type": .string("string"), "description": .string("CSV text, or a JSON array of objects")]),
            "ImportUpload": .object(["type": "object", "required": ["files"], "properties": .object([
                "files": .object(["type": "array", "items": .object(["type": "string", "format": "binary"])]),
                "preset": .object(["type": "string"]), "mapping": .object(["type": "string", "description": "a mapping as JSON"]),
                "system": .object(["type": "string"]), "pipeline": .object(["type": "string"]),
                "unknown_stages": .object(["type": "string", "enum": ["create", "reject"]]), "dry_run": .object(["type": "boolean"]),
            ])]),
            "Import": object(["id": "string", "state": "string", "system": "string", "files": "array", "rows_written": "integer",
                              "rows_total": "integer", "result": "object", "dry_run": "object", "error": "string"]),
        ]
    }()
}
