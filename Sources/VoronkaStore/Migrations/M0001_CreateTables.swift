import FluentKit
import SQLKit

/// The first schema: users, tokens, the CRM records and the journal.
struct M0001_CreateTables: AsyncMigration {
    var name: String { "M0001_CreateTables" }

    static let tables: [TableDefinition] = [
        TableDefinition("users")
            .column("name", .text, notNull: true).column("email", .text, notNull: true).column("role", .text, notNull: true)
            .column("manager_id", .bigint).column("active", .bool, notNull: true, default: "TRUE")
            .column("locale", .text, notNull: true, default: "'en'").column("password_hash", .text).timestamps(),
        TableDefinition("api_tokens")
            .column("user_id", .bigint, notNull: true).column("name", .text, notNull: true).column("token_hash", .text, notNull: true)
            .column("kind", .text, notNull: true).column("expires_at", .timestamp).column("last_used_at", .timestamp)
            .column("revoked_at", .timestamp).column("created_at", .timestamp, notNull: true),
        TableDefinition("companies")
            .column("name", .text, notNull: true).column("tax_id", .text).column("industry", .text).column("segment", .text)
            .column("annual_revenue", .bigint).column("currency", .text, notNull: true).column("headcount", .bigint)
            .column("custom", .text, notNull: true, default: "'{}'").column("owner_id", .bigint).column("source", .text)
            .column("tags", .text, notNull: true, default: "'[]'").column("notes", .text).timestamps(),
        TableDefinition("contacts")
            .column("company_id", .bigint, notNull: true).column("name", .text, notNull: true).column("position", .text)
            .column("email", .text).column("phone", .text).column("roles", .text, notNull: true, default: "'[]'")
            .column("notes", .text).timestamps(),
        TableDefinition("products")
            .column("name", .text, notNull: true).column("category", .text).column("keywords", .text, notNull: true, default: "'[]'")
            .column("price", .bigint).column("unit_cost", .bigint).column("currency", .text, notNull: true)
            .column("active", .bool, notNull: true, default: "TRUE").timestamps(),
        TableDefinition("pipelines")
            .column("name", .text, notNull: true).column("name_ru", .text).column("kind", .text, notNull: true)
            .column("position", .bigint, notNull: true).column("active", .bool, notNull: true, default: "TRUE").timestamps(),
        TableDefinition("stages")
            .column("pipeline_id", .bigint, notNull: true).column("name", .text, notNull: true).column("name_ru", .text)
            .column("kind", .text, notNull: true).column("position", .bigint, notNull: true).column("probability", .bigint, notNull: true)
            .column("expected_days", .bigint).column("requires_qualification", .bool, notNull: true, default: "FALSE")
            .column("entry_rule", .text).timestamps(),
        TableDefinition("leads")
            .column("received_at", .timestamp, notNull: true).column("source", .text, notNull: true)
            .column("referrer_company_id", .bigint).column("referrer_contact_id", .bigint).column("request_text", .text)
            .column("requested_product_ids", .text, notNull: true, default: "'[]'").column("contact_name", .text)
            .column("contact_email", .text).column("contact_phone", .text).column("company_name", .text)
            .column("company_id", .bigint).column("contact_id", .bigint).column("owner_id", .bigint)
            .column("first_response_at", .timestamp).column("pipeline_id", .bigint, notNull: true)
            .column("stage_id", .bigint, notNull: true).column("outcome", .text).column("outcome_reason", .text)
            .column("fire", .bool, notNull: true, default: "FALSE").column("deal_id", .bigint).timestamps(),
        TableDefinition("deals")
            .column("title", .text, notNull: true).column("company_id", .bigint, notNull: true)
            .column("contact_ids", .text, notNull: true, default: "'[]'").column("owner_id", .bigint)
            .column("pipeline_id", .bigint, notNull: true).column("stage_id", .bigint, notNull: true)
            .column("amount", .bigint, notNull: true).column("currency", .text, notNull: true).column("expected_profit", .bigint)
            .column("expected_close", .text).column("probability_override", .bigint).column("probability_reason", .text)
            .column("lost_reason", .text).column("postponed_until", .text).column("lead_id", .bigint)
            .column("referral", .bool, notNull: true, default: "FALSE").column("tender", .bool, notNull: true, default: "FALSE")
            .column("tender_cost", .bigint).column("tags", .text, notNull: true, default: "'[]'")
            .column("custom", .text, notNull: true, default: "'{}'").column("need_described", .bool).column("need_text", .text)
            .column("budget_status", .text, notNull: true).column("budget_amount", .bigint).column("deadline", .text)
            .column("stage_entered_at", .timestamp).column("closed_at", .timestamp).timestamps(),
        TableDefinition("activities")
            .column("kind", .text, notNull: true).column("subject", .text).column("body", .text).column("due_at", .timestamp)
            .column("done_at", .timestamp).column("deal_id", .bigint).column("lead_id", .bigint).column("company_id", .bigint)
            .column("owner_id", .bigint).timestamps(),
        TableDefinition("attribute_definitions")
            .column("entity", .text, notNull: true).column("key", .text, notNull: true).column("type", .text, notNull: true)
            .column("label", .text, notNull: true).column("label_ru", .text).column("unit", .text).timestamps(),
        TableDefinition("settings")
            .column("key", .text, notNull: true).column("value", .text, notNull: true).column("updated_at", .timestamp, notNull: true),
    ]

    static let indexes = [
        "CREATE UNIQUE INDEX users_email ON users (email)",
        "CREATE INDEX users_manager ON users (manager_id)",
        "CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash)",
        "CREATE INDEX api_tokens_user ON api_tokens (user_id)",
        "CREATE UNIQUE INDEX companies_tax_id ON companies (tax_id) WHERE tax_id IS NOT NULL AND deleted_at IS NULL",
        "CREATE INDEX companies_owner ON companies (owner_id, id)",
        "CREATE INDEX companies_name ON companies (name, id)",
        "CREATE INDEX contacts_company ON contacts (company_id, id)",
        "CREATE INDEX stages_pipeline ON stages (pipeline_id, position)",
        "CREATE INDEX leads_owner ON leads (owner_id, id)",
        "CREATE INDEX leads_received ON leads (received_at, id)",
        "CREATE INDEX leads_stage ON leads (stage_id, id)",
        "CREATE INDEX leads_company ON leads (company_id)",
        "CREATE INDEX deals_owner ON deals (owner_id, id)",
        "CREATE INDEX deals_stage ON deals (stage_id, id)",
        "CREATE INDEX deals_pipeline ON deals (pipeline_id, id)",
        "CREATE INDEX deals_company ON deals (company_id, id)",
        "CREATE INDEX deals_created ON deals (created_at, id)",
        "CREATE INDEX deals_updated ON deals (updated_at, id)",
        "CREATE INDEX deals_lead ON deals (lead_id)",
        "CREATE INDEX activities_deal ON activities (deal_id, id)",
        "CREATE INDEX activities_lead ON activities (lead_id, id)",
        "CREATE INDEX activities_company ON activities (company_id, id)",
        "CREATE INDEX activities_owner ON activities (owner_id, id)",
        "CREATE UNIQUE INDEX attribute_definitions_key ON attribute_definitions (entity, key) WHERE deleted_at IS NULL",
        "CREATE UNIQUE INDEX settings_key ON settings (key)",
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let backend = Backend(sql)
        for table in Self.tables { try await sql.exec(table.createSQL(backend)) }
        try await sql.exec(Self.journalSQL(backend))
        try await sql.exec("CREATE INDEX journal_entity ON journal (entity, entity_id, seq)")
        try await sql.exec("CREATE INDEX journal_stage ON journal (entity, seq) WHERE stage_id IS NOT NULL")
        for index in Self.indexes { try await sql.exec(index) }
    }

    /// The journal: append-only, `seq` orders every change of the installation.
    static func journalSQL(_ backend: Backend) -> String {
        let seq = backend == .sqlite ? "seq INTEGER PRIMARY KEY AUTOINCREMENT" : "seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        return """
        CREATE TABLE journal (
          \(seq),
          at \(backend.columnType(.timestamp)) NOT NULL,
          recorded_at \(backend.columnType(.timestamp)) NOT NULL,
          actor_id \(backend.columnType(.bigint)),
          entity TEXT NOT NULL,
          entity_id \(backend.columnType(.bigint)) NOT NULL,
          action TEXT NOT NULL,
          stage_id \(backend.columnType(.bigint)),
          origin TEXT NOT NULL,
          changes TEXT NOT NULL
        )
        """
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in Self.tables.reversed() { try await sql.exec("DROP TABLE \(table.name)") }
        try await sql.exec("DROP TABLE journal")
    }
}
