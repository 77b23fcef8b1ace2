import Foundation
import SQLKit
import VoronkaCore

/// Whose records a list may return.
public enum OwnerScope: Sendable, Equatable {
    case everyone
    /// Records whose owner field is one of these users.
    case owners(Set<Int64>)
}

/// Read queries shared by the store and its transactions.
enum Reads {
    static func fetch(_ sql: any SQLDatabase, backend: Backend, _ kind: EntityKind, _ id: Int64, includeDeleted: Bool, forUpdate: Bool) async throws -> Record? {
        let fields = kind.fields
        let lock = forUpdate && backend == .postgres ? " FOR UPDATE" : ""
        let deleted = includeDeleted ? "" : " AND deleted_at IS NULL"
        return try await RowCoding.records(sql, "SELECT \(unsafeRaw: fields.map(\.name).joined(separator: ", ")) FROM \(unsafeRaw: kind.plural) WHERE id = \(bind: id)\(unsafeRaw: deleted)\(unsafeRaw: lock)",
                                           fields: fields).first
    }

    /// Every live record of a kind, in id order.
    static func all(_ sql: any SQLDatabase, _ kind: EntityKind) async throws -> [Record] {
        let fields = kind.fields
        return try await RowCoding.records(sql, "SELECT \(unsafeRaw: fields.map(\.name).joined(separator: ", ")) FROM \(unsafeRaw: kind.plural) WHERE deleted_at IS NULL ORDER BY id",
                                           fields: fields)
    }

    /// The manager of every user (the team hierarchy).
    static func managers(_ sql: any SQLDatabase) async throws -> [Int64: Int64?] {
        var out: [Int64: Int64?] = [:]
        for row in try await sql.raw("SELECT id, manager_id FROM users").all() {
            out[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "manager_id", as: Int64?.self)
        }
        return out
    }

    static func setting(_ sql: any SQLDatabase, _ key: String) async throws -> JSONValue? {
        guard let row = try await sql.raw("SELECT value FROM settings WHERE key = \(bind: key)").first() else { return nil }
        return JSONValue.parse(try row.decode(column: "value", as: String.self))
    }

    /// One page of a list, by keyset: rows after the cursor in (sort field, id) order.
    static func list(_ sql: any SQLDatabase, backend: Backend, _ kind: EntityKind, query: ListQuery, scope: OwnerScope) async throws -> Page {
        let fields = kind.fields
        let specs = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let sort = query.sortField
        let direction = query.descending ? "DESC" : "ASC"
        var order = sort == "id" ? "id \(direction)" : "\(sort) \(direction), id \(direction)"
        var from = kind.plural
        var filtered = query
        var extra: (any SQLExpression)?
        if let joined = SearchIndex.joinedOrder(kind, query, backend: backend) {
            from += joined.join
            filtered.conditions.removeAll { if case .search = $0 { true } else { false } }
            extra = SearchIndex.tests(joined.terms, backend: backend)
            order = "\(SearchIndex.table(kind)).rowid \(direction)"
        }
        let columns = fields.map { "\(kind.plural).\($0.name)" }.joined(separator: ", ")
        let condition = whereClause(kind, query: filtered, scope: scope, backend: backend, extra: extra.map { [$0] } ?? [])
        let rows = try await RowCoding.records(sql, """
            SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from)\(condition)
            ORDER BY \(unsafeRaw: order) LIMIT \(literal: query.limit + 1)
            """, fields: fields)
        let records = Array(rows.prefix(query.limit))
        var next: String?
        if rows.count > query.limit, let last = records.last, let spec = specs[sort], let id = last.int("id") {
            next = ListQuery.encodeCursor(value: last[sort], id: id, spec: spec)
        }
        return Page(records: records, nextCursor: next)
    }

    /// The first page of each of several lists of one kind, in one statement (`UNION ALL` of the lists, each on its
    /// own index): a board's columns cost one query, not one per column. Cursors of the pages are not kept.
    static func firstPages(_ sql: any SQLDatabase, backend: Backend, _ kind: EntityKind, queries: [ListQuery], scope: OwnerScope) async throws -> [[Record]] {
        guard !queries.isEmpty else { return [] }
        let fields = kind.fields
        let columns = fields.map(\.name).joined(separator: ", ")
        var parts: [any SQLExpression] = []
        for (i, query) in queries.enumerated() {
            let direction = query.descending ? "DESC" : "ASC"
            let order = query.sortField == "id" ? "id \(direction)" : "\(query.sortField) \(direction), id \(direction)"
            // The row number over the page only (after its LIMIT), so that the union comes back in each list's order.
            parts.append(SQLQueryString("""
                SELECT *, \(literal: i) AS list_index, ROW_NUMBER() OVER (ORDER BY \(unsafeRaw: order)) AS list_row FROM (
                SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: kind.plural)\(whereClause(kind, query: query, scope: scope, backend: backend))
                ORDER BY \(unsafeRaw: order) LIMIT \(literal: query.limit)) AS list_\(unsafeRaw: String(i))
                """))
        }
        let statement = SQLList([SQLList(parts, separator: SQLRaw(" UNION ALL ")), SQLRaw(" ORDER BY list_index, list_row")], separator: SQLRaw(""))
        var out = [[Record]](repeating: [], count: queries.count)
        for row in try await sql.raw("\(statement)").all() {
            let index = try row.decode(column: "list_index", as: Int.self)
            if out.indices.contains(index) { out[index].append(try RowCoding.record(row, fields: fields)) }
        }
        return out
    }

    /// How many rows the list's filters and cursor leave (the limit aside).
    static func count(_ sql: any SQLDatabase, backend: Backend, _ kind: EntityKind, query: ListQuery, scope: OwnerScope) async throws -> Int {
        let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: kind.plural)\(whereClause(kind, query: query, scope: scope, backend: backend))").first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    /// ` WHERE …` for the list's filters, owner scope and cursor; empty when there are none.
    static func whereClause(_ kind: EntityKind, query: ListQuery, scope: OwnerScope, backend: Backend,
                            extra: [any SQLExpression] = []) -> any SQLExpression {
        var conditions: [any SQLExpression] = extra
        if !query.includeDeleted { conditions.append(SQLRaw("deleted_at IS NULL")) }
        if case .owners(let owners) = scope {
            conditions.append(ownerCondition(kind, owners))
        }
        for condition in query.conditions {
            switch condition {
            case .equals(let f, let values):
                conditions.append(values.count == 1
                    ? SQLBinaryExpression(SQLIdentifier(f), .equal, RowCoding.bind(values[0]))
                    : SQLBinaryExpression(SQLIdentifier(f), .in, SQLGroupExpression(SQLList(values.map(RowCoding.bind)))))
            case .isNull(let f, let isNull):
                conditions.append(SQLRaw("\(f) IS \(isNull ? "" : "NOT ")NULL"))
            case .atLeast(let f, let v):
                conditions.append(SQLBinaryExpression(SQLIdentifier(f), .greaterThanOrEqual, RowCoding.bind(v)))
            case .before(let f, let v):
                conditions.append(SQLBinaryExpression(SQLIdentifier(f), .lessThan, RowCoding.bind(v)))
            case .contains(let f, let text):
                let pattern = "%" + text.lowercased().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
                conditions.append(SQLBinaryExpression(SQLFunction("lower", args: SQLIdentifier(f)), .like, SQLBind(pattern)))
            case .search(let text):
                conditions.append(SearchIndex.condition(kind, query: text, backend: backend))
            }
        }
        let sort = query.sortField
        if let after = query.after {
            let op: SQLBinaryOperator = query.descending ? .lessThan : .greaterThan
            if sort == "id" {
                conditions.append(SQLBinaryExpression(SQLIdentifier("id"), op, SQLBind(after.id)))
            } else {
                let value = RowCoding.bind(after.value)
                conditions.append(SQLGroupExpression(SQLBinaryExpression(
                    SQLBinaryExpression(SQLIdentifier(sort), op, value), .or,
                    SQLGroupExpression(SQLBinaryExpression(
                        SQLBinaryExpression(SQLIdentifier(sort), .equal, value), .and,
                        SQLBinaryExpression(SQLIdentifier("id"), op, SQLBind(after.id)))))))
            }
        }
        return conditions.isEmpty ? SQLRaw("") : SQLList([SQLRaw(" WHERE "), SQLList(conditions, separator: SQLRaw(" AND "))], separator: SQLRaw(""))
    }

    /// Contacts are reached through their company's owner; other kinds through their own owner field.
    static func ownerCondition(_ kind: EntityKind, _ owners: Set<Int64>) -> any SQLExpression {
        let list = SQLGroupExpression(SQLList(owners.sorted().map { SQLBind($0) }))
        if owners.isEmpty { return SQLRaw("1 = 0") }
        switch kind {
        case .contact:
            return SQLBinaryExpression(SQLIdentifier("company_id"), .in,
                SQLGroupExpression(SQLList([SQLRaw("SELECT id FROM companies WHERE owner_id IN "), list], separator: SQLRaw(""))))
        default:
            return SQLBinaryExpression(SQLIdentifier("owner_id"), .in, list)
        }
    }
}
