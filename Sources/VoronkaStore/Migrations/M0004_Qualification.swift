import FluentKit
import SQLKit

/// What qualification records: a deal's grade and whether a decision maker is reached (both derived, kept for lists
/// and control reports), a claimed economics exception, and a lead's triage with the rules that decided it.
struct M0004_Qualification: AsyncMigration {
    var name: String { "M0004_Qualification" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        let backend = Backend(sql)
        let bool = backend.columnType(.bool)
        let falseValue = backend == .sqlite ? "0" : "FALSE"
        try await sql.exec("ALTER TABLE deals ADD COLUMN grade TEXT NOT NULL DEFAULT 'ungraded'")
        try await sql.exec("ALTER TABLE deals ADD COLUMN decision_maker_reached \(bool) NOT NULL DEFAULT \(falseValue)")
        try await sql.exec("ALTER TABLE deals ADD COLUMN economics_exception TEXT")
        try await sql.exec("ALTER TABLE deals ADD COLUMN economics_exception_reason TEXT")
        try await sql.exec("ALTER TABLE leads ADD COLUMN triage TEXT")
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for column in ["grade", "decision_maker_reached", "economics_exception", "economics_exception_reason"] {
            try await sql.exec("ALTER TABLE deals DROP COLUMN \(column)")
        }
        try await sql.exec("ALTER TABLE leads DROP COLUMN triage")
    }
}
