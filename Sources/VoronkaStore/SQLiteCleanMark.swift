import Foundation

/// A note left beside a SQLite file when the server closed it cleanly: the file's size and modification time then.
/// The next start skips the integrity check (seconds at a million deals) when the file is still exactly as it was
/// left; anything else (a crash, a copy put in its place, a restore) gets the check. The note is taken away at start,
/// so that a run that does not end cleanly leaves none.
public enum SQLiteCleanMark {
    static func markPath(_ database: String) -> String { database + ".clean" }

    /// Whether the file is as the last clean shutdown left it; removes the note either way.
    public static func take(_ database: String) -> Bool {
        let mark = markPath(database)
        defer { try? FileManager.default.removeItem(atPath: mark) }
        guard let text = try? String(contentsOfFile: mark, encoding: .utf8), let now = fingerprint(database) else { return false }
        return text == now
    }

    /// Leaves the note; call once the database is closed.
    public static func write(_ database: String) {
        guard let now = fingerprint(database) else { return }
        try? now.write(toFile: markPath(database), atomically: true, encoding: .utf8)
    }

    static func fingerprint(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.int64Value, let modified = attributes[.modificationDate] as? Date else { return nil }
        // A -wal file left over means the main file alone is not the whole database.
        if FileManager.default.fileExists(atPath: path + "-wal"),
           ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.int64Value ?? 0 > 0 { return nil }
        return "\(size) \(modified.timeIntervalSince1970)"
    }
}
