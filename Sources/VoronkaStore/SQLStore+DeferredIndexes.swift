import Foundation
import SQLKit
import VoronkaCore

/// Secondary indexes dropped for a bulk load and built again after it: on SQLite, keeping nine indexes of a million
/// deals and three of the journal up to date row by row cost more than the rest of the load, and building them
/// afterwards takes seconds. PostgreSQL keeps its indexes (dropping one there locks the table against readers).
extension SQLStore {
    /// Drops the non-unique indexes of these records' tables (and, with `journal`, of the journal and the import keys,
    /// which grow with it) in one transaction that also records their definitions in `deferred_indexes`.
    /// `rebuildDeferredIndexes` builds them again; so does the next `migrate` when a load was interrupted.
    /// Unique indexes stay: they are constraints. Returns whether anything was dropped.
    @discardableResult
    public func deferIndexes(of kinds: [EntityKind], journal: Bool) async throws -> Bool {
        guard backend == .sqlite else { return false }
        let tables = kinds.map(\.plural) + (journal ? ["journal", "import_keys"] : [])
        guard !tables.isEmpty else { return false }
        return try await write(actor: nil, origin: "import") { tx in
            var dropped = false
            for table in tables {
                let indexes = try await tx.rows("""
                    SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
                    """, [.text(table)], columns: [("name", .text), ("sql", .text)])
                for index in indexes {
                    guard case .text(let name) = index[0], case .text(let definition) = index[1] else { continue }
                    try await tx.run("INSERT INTO deferred_indexes (name, definition) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                                     [.text(name), .text(definition)])
                    try await tx.execute(SQLQueryString("DROP INDEX \(name)"))
                    dropped = true
                }
            }
            return dropped
        }
    }

    /// Runs a bulk load with the indexes of these tables deferred: dropped before `load`, built again after it, and
    /// after a failed load too (else by the next migration). Returns whether any index was dropped.
    @discardableResult
    public func withIndexesDeferred(of kinds: [EntityKind], journal: Bool, _ load: () async throws -> Void) async throws -> Bool {
        let deferred = try await deferIndexes(of: kinds, journal: journal)
        do {
            try await load()
        } catch {
            if deferred { try? await rebuildDeferredIndexes() }
            throw error
        }
        if deferred { try await rebuildDeferredIndexes() }
        return deferred
    }

    /// Builds every index `deferIndexes` dropped and forgets them, in one transaction; nothing when none was dropped.
    public func rebuildDeferredIndexes() async throws {
        guard backend == .sqlite else { return }
        try await write(actor: nil, origin: "import") { tx in
            let deferred = try await tx.rows("SELECT name, definition FROM deferred_indexes ORDER BY name", [],
                                             columns: [("name", .text), ("definition", .text)])
            guard !deferred.isEmpty else { return }
            for index in deferred {
                guard case .text(let name) = index[0], case .text(let definition) = index[1] else { continue }
                let exists = try await tx.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?", [.text(name)],
                                               columns: [("name", .text)])
                if exists.isEmpty { try await tx.execute(SQLQueryString(definition)) }
            }
            try await tx.run("DELETE FROM deferred_indexes", [])
        }
    }
}
