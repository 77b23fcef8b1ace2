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
            schemas[schemaName(kind) + "Input"] = inputSchema(kind)
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
            let schema: JSONValue = name == "id" ? .object(["type": .string("integer"), "format": .string("int64"), "minimum": .number(1)])
                : .object(["type": .string("string")])
            return .object(["name": .string(name), "in": .string("path"), "required": .bool(true), "schema": schema])
        }
        if let kind = route.listOf { parameters += listParameters(kind) }
        if !parameters.isEmpty { op["parameters"] = .array(parameters) }
        if let body = route.request {
            let type = if case .multipart = body { "multipart/form-data" } else { "application/json" }
            op["requestBody"] = .object(["required": .bool(true), "content": .object([type: .object(["schema": schema(body)])])])
        }
        var responses: [String: JSONValue] = [:]
        let success: JSONValue = route.response.map { .object(["description": .string("Success"), "content": .object(["application/json": .object(["schema": schema($0)])])]) }
            ?? .object(["description": .string("Success, no content")])
        responses[String(route.success.code)] = success
        responses["422"] = .object(["description": .string("Invalid input: one entry per field"), "content": .object(["application/json": .object(["schema": ref("Error")])])])
        if route.authenticated {
            responses["401"] = .object(["description": .string("No or bad credentials"), "content": .object(["application/json": .object(["schema": ref("Error")])])])
            responses["403"] = .object(["description": .string("The caller's role may not do this"), "content": .object(["application/json": .object(["schema": ref("Error")])])])
            op["security"] = .array([.object(["bearer": .array([])])])
        }
        func error(_ description: String) -> JSONValue {
            .object(["description": .string(description), "content": .object(["application/json": .object(["schema": ref("Error")])])])
        }
        if !route.pathParameters.isEmpty { responses["404"] = error("No such record") }
        if route.authenticated, route.method != .GET { responses["409"] = error("Clashes with stored state, such as a duplicate unique value") }
        if route.request != nil { responses["413"] = error("The body is larger than this route accepts") }
        if route.operationID == "login" {
            responses["401"] = error("Wrong email or password, or a deactivated account")
            responses["429"] = .object(["description": .string("Too many failed sign-ins for this email or from this address; Retry-After says when to try again"),
                                        "headers": .object(["Retry-After": .object(["schema": .object(["type": .string("integer")])])]),
                                        "content": .object(["application/json": .object(["schema": ref("Error")])])])
        }
        op["responses"] = .object(responses)
        return .object(op)
    }

    static func schema(_ body: BodySchema) -> JSONValue {
        switch body {
        case .record(let kind): ref(schemaName(kind))
        case .input(let kind, _): ref(schemaName(kind) + "Input")
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
        case .id, .int: s = ["type": .string("integer"), "format": .string("int64")]
        case .double: s = ["type": .string("number")]
        case .money: s = ["type": .string("number"), "description": .string("amount with at most two decimals")]
        case .text: s = ["type": .string("string")]
        case .bool: s = ["type": .string("boolean")]
        case .timestamp: s = ["type": .string("string"), "format": .string("date-time")]
        case .day: s = ["type": .string("string"), "format": .string("date")]
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
        if !f.required { s["nullable"] = .bool(true) }
        if let ref = f.references { s["description"] = .string("id of a \(ref.rawValue)") }
        return .object(s)
    }

    static func recordSchema(_ kind: EntityKind) -> JSONValue {
        .object(["type": .string("object"),
                 "properties": .object(Dictionary(uniqueKeysWithValues: kind.fields.map { ($0.name, fieldSchema($0)) })),
                 "required": .array((["id"] + kind.fields.filter(\.required).map(\.name)).map(JSONValue.string))])
    }

    static func inputSchema(_ kind: EntityKind) -> JSONValue {
        let writable = kind.fields.filter(\.writable)
        return .object(["type": .string("object"), "additionalProperties": .bool(false),
                        "properties": .object(Dictionary(uniqueKeysWithValues: writable.map { ($0.name, fieldSchema($0)) }))])
    }

    static func listParameters(_ kind: EntityKind) -> [JSONValue] {
        func p(_ name: String, _ type: String, _ description: String) -> JSONValue {
            .object(["name": .string(name), "in": .string("query"), "required": .bool(false),
                     "schema": .object(["type": .string(type)]), "description": .string(description)])
        }
        var out = [
            p("limit", "integer", "page size, 1 to \(ListQuery.maxLimit) (default 50)"),
            p("cursor", "string", "next_cursor of the previous page"),
            p("sort", "string", "a sortable field, - for descending: " + kind.sortable.joined(separator: ", ")),
            p("include_deleted", "boolean", "also list soft-deleted records"),
        ]
        if kind.fields.contains(where: { ["name", "title", "subject"].contains($0.name) }) { out.append(p("q", "string", "part of the name, case-insensitive")) }
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
            "Journal": object(["entries": "array", "last_seq": "integer"]),
            "Health": object(["status": "string", "analytics": "string"], required: ["status", "analytics"]),
            "OpenAPI": object(["openapi": "string", "paths": "object"]),
            "TriageRequest": object(["apply": "boolean", "pipeline_id": "integer"]),
            "TriageOverride": object(["outcome": "string", "reason": "string", "pipeline_id": "integer"], required: ["outcome", "reason"]),
            "Triage": object(["lead": "object", "deal": "object", "triage": "object"]),
            "DealQualification": object(["deal_id": "integer", "grade": "string", "qualified": "boolean", "authority": "object", "checklist": "array", "economics": "object", "control": "object"]),
            "Violations": object(["owners": "array", "violations": "integer", "uncontrolled": "integer", "weighted_pipeline": "number", "weighted_pipeline_capped": "number", "deals": "array"]),
            "Settings": object(["audience": "object", "economics": "object", "control": "object", "auto_triage": "boolean", "time_zone": "string"]),
            "Setting": object(["key": "string", "value": "object"]),
            "SettingValue": object(["value": "object"], required: ["value"]),
            "Dashboard": object(["as_of": "string", "last_seq": "integer", "definitions": "object", "conversion": "object", "curve": "array"]),
            "Metric": object(["metric": "string", "as_of": "string", "last_seq": "integer", "definitions": "object", "value": "object"]),
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
