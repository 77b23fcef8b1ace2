import FluentKit
import Foundation
import SQLKit
import VoronkaCore

/// Lead channels as records (an open list): the channels of the old closed list of sources are created (journaled as
/// the system's doing) and every lead gets the channel of its source.
struct M0011_Channels: AsyncMigration {
    var name: String { "M0011_Channels" }

    static let table = TableDefinition("channels")
        .column("name", .text, notNull: true).column("name_ru", .text).column("channel_group", .text, notNull: true)
        .column("active", .bool, notNull: true, default: "TRUE").column("merged_into_id", .bigint).column("source_key", .text)
        .timestamps()

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let backend = Backend(sql)
        try await sql.exec(Self.table.createSQL(backend))
        try await sql.exec("CREATE INDEX channels_merged_into ON channels (merged_into_id)")
        try await sql.exec("CREATE INDEX channels_name ON channels (name, id)")
        try await sql.exec("ALTER TABLE leads ADD COLUMN channel_id \(backend.columnType(.bigint))")
        let tx = StoreTransaction(sql: sql, backend: backend, actor: nil, origin: "migration", now: Date())
        for source in LeadSource.allCases {
            try await tx.insert(.channel, LeadChannel.builtIn(source).record)
        }
        try await sql.exec("UPDATE leads SET channel_id = (SELECT c.id FROM channels c WHERE c.source_key = leads.source)")
        try await sql.exec("CREATE INDEX leads_channel ON leads (channel_id, id)")
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.exec("DROP INDEX leads_channel")
        try await sql.exec("ALTER TABLE leads DROP COLUMN channel_id")
        try await sql.exec("DROP TABLE channels")
    }
}
