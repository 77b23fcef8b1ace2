import FluentKit
import SQLKit

/// Open activities by due time, for the My work page (`due_at` sorts a list, so it gets the (field, id) index every
/// sortable field has).
struct M0009_ActivityDueIndex: AsyncMigration {
    var name: String { "M0009_ActivityDueIndex" }

    func prepare(on database: any Database) async throws {
        try await (database as! any SQLDatabase).exec("CREATE INDEX activities_due_at_sort ON activities (due_at, id)")
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).exec("DROP INDEX activities_due_at_sort")
    }
}
