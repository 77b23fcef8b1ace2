import Foundation
import VoronkaStore

/// `voronka backup` and `voronka restore`: a consistent copy taken while the server runs, and a checked restore
/// into an empty place (see `SQLStore.backup(to:)` and `SQLStore.restore(_:into:)`).
public enum BackupTask {
    /// Copies the database at `location` into `file`; returns a line that says what the copy holds.
    public static func backup(_ location: StoreLocation, to file: String) async throws -> String {
        let store = try await SQLStore.open(location)
        do {
            let report = try await store.backup(to: file)
            await store.shutdown()
            let checked = location.backend == .sqlite ? "passed the integrity check" : "written by pg_dump"
            return "Backup of \(location) written to \(report.path): \(report.bytes) bytes, \(checked), journal up to entry \(report.journalSeq)."
        } catch {
            await store.shutdown()
            throw error
        }
    }

    /// Restores `file` into `location`, which must hold no database yet; migrates it to this version's schema.
    public static func restore(_ file: String, into location: StoreLocation) async throws -> String {
        let report = try await SQLStore.restore(file, into: location)
        let store = try await SQLStore.open(location)
        do {
            let applied = try await store.migrate()
            await store.shutdown()
            let migrated = applied.isEmpty ? "" : " Migrated to this version (\(applied.count) migrations)."
            return "Restored \(file) into \(location): journal up to entry \(report.journalSeq).\(migrated)"
        } catch {
            await store.shutdown()
            throw error
        }
    }
}
